// List, enroll and delete authenticators as each official SDK sends them, with what they read.
import type { operations } from "@authsignal-ts/server";
import { caseBuilder } from "../../src/case.ts";
import { dotnet, go, java, node, php, python, ruby } from "../sdks.ts";

const serverCase = caseBuilder<operations>();

const userId = "0b8f8a3c-8f0e-4c1b-9a4e-2d6c7b5a1e3f";
const emailAuthenticator = {
  userAuthenticatorId: "9d1c2b3a-4e5f-4a6b-8c7d-0e1f2a3b4c5d",
  userId: "user12345",
  verificationMethod: "EMAIL_OTP",
  email: "not-a-real-email@authsignal.com",
  createdAt: "2025-02-01T18:00:00.000Z",
  verifiedAt: "2025-02-01T18:00:00.000Z",
} as const;

export default [
  serverCase("getAuthenticators", {
    name: "Node, Ruby, .NET, Java: a passkey's provider and browser",
    source: { ...node, path: "test/client.test.ts", at: "test passkey authenticator" },
    method: "GET",
    path: "/users/b60429a1-6288-43dc-80c0-6a3e73dd51b9/authenticators",
    response: {
      status: 200,
      body: [
        {
          userId: "b60429a1-6288-43dc-80c0-6a3e73dd51b9",
          userAuthenticatorId: "3f2a9c1e-7b4d-4e8a-9c2f-5d6e7f8a9b0c",
          verificationMethod: "PASSKEY",
          createdAt: "2025-03-14T09:26:53.589Z",
          webauthnCredential: {
            credentialId: "AdKXJEch1aV5Wo7bj7qLHskVY4OoNaj9qu8TPdJ7kSAgUeRxWNngXlcNIGt4gexZGKVGcqZpqqWordXb_he1izY",
            deviceId: "5c8e1f5a-2a0b-4b7e-9a51-8d3c4f1f7e21",
            name: "Google Password Manager",
            aaguid: "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4",
            aaguidMapping: {
              name: "Google Password Manager",
              svgIconLight: "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=",
              svgIconDark: "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=",
            },
            parsedUserAgent: {
              ua: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36",
              browser: { name: "Chrome", version: "126.0", major: "126" },
            },
          },
        },
      ],
      source: {
        ...ruby,
        path: "spec/authsignal/authsignal_spec.rb",
        at: "passkey authenticator: aaguidMapping.name, browser.name",
      },
    },
  }),
  serverCase("getAuthenticators", {
    name: "Go and Python: an email authenticator, with the fields their tests read",
    source: { ...go, path: "client/authenticators_test.go", at: "TestAuthenticators, GetAuthenticators" },
    method: "GET",
    path: "/users/user12345/authenticators",
    response: {
      status: 200,
      body: [{ ...emailAuthenticator, lastVerifiedAt: "2025-06-02T21:04:11.120Z" }],
      source: {
        ...python,
        path: "authsignal/client_tests.py",
        at: "test_authenticators: user_authenticator_id, email",
      },
    },
  }),
  serverCase("getAuthenticators", {
    name: "PHP: a user ID with a colon is percent-encoded",
    source: { ...php, path: "test/AuthsignalTest.php", at: "testGetAuthenticators" },
    method: "GET",
    path: "/users/123%3Atest/authenticators",
  }),
  serverCase("enrollVerifiedAuthenticator", {
    name: "Node, .NET, Java: a verified phone number for SMS",
    source: { ...node, path: "test/client.test.ts", at: "user tests, enrollVerifiedAuthenticator" },
    method: "POST",
    path: `/users/${userId}/authenticators`,
    body: { verificationMethod: "SMS", phoneNumber: "+64270000000" },
    response: {
      status: 200,
      body: {
        authenticator: {
          userId,
          userAuthenticatorId: "9d1c2b3a-4e5f-4a6b-8c7d-0e1f2a3b4c5d",
          verificationMethod: "SMS",
          phoneNumber: "+64270000000",
          createdAt: "2025-02-01T18:00:00.000Z",
        },
        recoveryCodes: ["7f3k-9q2m", "p4x8-w6zt"],
      },
      source: { ...dotnet, path: "src/Models.cs", at: "EnrollVerifiedAuthenticatorResponse" },
    },
  }),
  serverCase("enrollVerifiedAuthenticator", {
    name: "Go and Python: a verified email address for email OTP",
    source: { ...go, path: "client/authenticators_test.go", at: "TestAuthenticators, EnrollVerifiedAuthenticator" },
    method: "POST",
    path: "/users/user12345/authenticators",
    body: { verificationMethod: "EMAIL_OTP", email: "not-a-real-email@authsignal.com" },
    response: {
      status: 200,
      body: { authenticator: emailAuthenticator },
      source: {
        ...go,
        path: "client/authenticators_test.go",
        at: "TestAuthenticators: UserAuthenticatorId, VerificationMethod, Email, UserId",
      },
    },
  }),
  serverCase("enrollVerifiedAuthenticator", {
    name: "Java: a default SMS authenticator",
    source: {
      ...java,
      path: "src/main/java/com/authsignal/model/EnrollVerifiedAuthenticatorAttributes.java",
      at: "isDefault",
    },
    method: "POST",
    path: `/users/${userId}/authenticators`,
    body: { verificationMethod: "SMS", phoneNumber: "+6427000000", isDefault: true },
  }),
  serverCase("enrollVerifiedAuthenticator", {
    name: "Ruby: snake_case attributes are camel-cased before sending",
    source: {
      ...ruby,
      path: "spec/authsignal/authsignal_spec.rb",
      at: "authenticator tests, enroll_verified_authenticator",
    },
    method: "POST",
    path: `/users/${userId}/authenticators`,
    body: { verificationMethod: "SMS", phoneNumber: "+6427000000" },
  }),
  serverCase("enrollVerifiedAuthenticator", {
    name: "PHP: the deprecated oobChannel in place of verificationMethod",
    source: { ...php, path: "test/AuthsignalTest.php", at: "testEnrollVerifiedAuthenticator" },
    method: "POST",
    path: "/users/123%3Atest/authenticators",
    body: { oobChannel: "SMS", phoneNumber: "+6427000000" },
  }),
  serverCase("enrollVerifiedAuthenticators", {
    name: ".NET: passkeys for several users at once",
    source: {
      ...dotnet,
      path: "src/Models.cs",
      at: "BatchEnrollVerifiedAuthenticatorsRequest, BatchEnrollAuthenticatorItem",
    },
    method: "POST",
    path: "/users/authenticators",
    body: {
      authenticators: [
        {
          userId: "usr_123",
          verificationMethod: "PASSKEY",
          credentialId: "AdKXJEch1aV5Wo7bj7qLHskVY4OoNaj9qu8TPdJ7kSAgUeRxWNngXlcNIGt4gexZGKVGcqZpqqWordXb_he1izY",
          credentialPublicKey:
            "pQECAyYgASFYIBWoBeLQ2hqUyzsP0w2MqyXX6DUm7BMpyVVNi9m06VkXIlggK9dzvtXR2k3gN2u3L0jSXPWg8Xs6TjNmIlgc8Lg8Jo0",
          name: "iCloud Keychain",
          transports: ["internal", "hybrid"],
          aaguid: "fbfc3007-154e-4ecc-8c0b-6e020557d7bd",
        },
        {
          userId: "usr_456",
          verificationMethod: "PASSKEY",
          credentialId: "Xq3v9Zt1bQ7mK2pL8nR4sW6yA0cE5gH1jU3oI9tY7rE",
          credentialPublicKey: "pQECAyYgASFYIFwc1zLqW3bN8xR2tV7yK4mP9sD1fG6hJ0kL5nQ3rT8u",
        },
      ],
    },
    response: {
      status: 200,
      body: {
        total: 2,
        succeeded: 1,
        failed: 1,
        failures: [
          {
            userId: "usr_456",
            credentialId: "Xq3v9Zt1bQ7mK2pL8nR4sW6yA0cE5gH1jU3oI9tY7rE",
            errorCode: "conflict",
            errorDescription: "This credential is already enrolled.",
          },
        ],
      },
      source: { ...dotnet, path: "src/Models.cs", at: "BatchEnrollVerifiedAuthenticatorsResponse, BatchEnrollFailure" },
    },
  }),
  serverCase("deleteAuthenticator", {
    name: "Every SDK: delete one authenticator; the answer is a JSON object",
    source: { ...node, path: "test/client.test.ts", at: "authenticator tests, deleteAuthenticator" },
    method: "DELETE",
    path: `/users/${userId}/authenticators/9d1c2b3a-4e5f-4a6b-8c7d-0e1f2a3b4c5d`,
    response: {
      status: 200,
      body: { success: true },
      source: {
        ...ruby,
        path: "lib/authsignal.rb",
        at: "handle_success_response merges the body, in the live authenticator tests",
      },
    },
  }),
  serverCase("deleteAuthenticator", {
    name: "PHP: both IDs percent-encoded",
    source: { ...php, path: "test/AuthsignalTest.php", at: "testDeleteAuthenticator" },
    method: "DELETE",
    path: "/users/123%3Atest/authenticators/456%3Atest",
    response: { status: 200, body: { success: true } },
  }),
];
