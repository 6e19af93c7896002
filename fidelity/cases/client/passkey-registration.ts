// Passkey registration as the web SDK's Passkey.signUp sends it, always with the user's token:
// the registration options (where 1.16.0 and 1.21.1 build different bodies), then the credential.
import type {
  ClientAuthenticator,
  operations,
  PasskeyRegistrationOptionsResponse,
  RegistrationResponseJson,
} from "@authsignal-ts/client";
import { caseBuilder } from "../../src/case.ts";
import { browser, browser116 } from "../sdks.ts";

const clientCase = caseBuilder<operations>();

const token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfMTIzIn0.c2ln";
const bearer = `Bearer ${token}`;
const accessToken = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfMTIzIiwiYWN0aW9uQ29kZSI6InNpZ25VcCJ9.c2lnbmF0dXJl";
const passkeyChallengeId = "a3b6c9d2-1e4f-4a7b-8c0d-2e5f8a1b4c7d";
const credentialId = "AdKXJEch1aV5Wo7bj7qLHskVY4OoNaj9qu8TPdJ7kSAgUeRxWNngXlcNIGt4gexZGKVGcqZpqqWordXb_he1izY";

const api = (at: string) => ({ ...browser, path: "src/api/passkey-api-client.ts", at });
const api116 = (at: string) => ({ ...browser116, path: "src/api/passkey-api-client.ts", at });

// The options as RegistrationOptsResponse types them; 1.21.1's signUp reads options.rp.id and user.id.
const registrationOptionsBody: PasskeyRegistrationOptionsResponse = {
  challengeId: passkeyChallengeId,
  options: {
    rp: { id: "example.com", name: "Example" },
    user: { id: "dXNyXzEyMw", name: "jane@example.com", displayName: "Jane Smith" },
    challenge: "Zm9yLXJlZ2lzdHJhdGlvbg",
    pubKeyCredParams: [
      { alg: -8, type: "public-key" },
      { alg: -7, type: "public-key" },
      { alg: -257, type: "public-key" },
    ],
    timeout: 60000,
    attestation: "none",
    excludeCredentials: [],
    authenticatorSelection: {
      authenticatorAttachment: "platform",
      residentKey: "required",
      requireResidentKey: true,
      userVerification: "preferred",
    },
    extensions: { credProps: true },
  },
};
const registrationOptions = {
  status: 200,
  body: registrationOptionsBody,
  source: { ...browser, path: "src/api/types/passkey.ts", at: "RegistrationOptsResponse" },
};

// What @simplewebauthn/browser 13's startRegistration returns, which the SDK sends unchanged.
const registrationCredential: RegistrationResponseJson = {
  id: credentialId,
  rawId: credentialId,
  response: {
    attestationObject: "o2NmbXRkbm9uZWdhdHRTdG10oGhhdXRoRGF0YViYSZYN5YgOjGh0NBcPZHZgW4_krrmihjLHmVzzuoMdl2NdAAAAAA",
    clientDataJSON:
      "eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIiwiY2hhbGxlbmdlIjoiWm05eUxYSmxaMmx6ZEhKaGRHbHZiZyIsIm9yaWdpbiI6Imh0dHBzOi8vZXhhbXBsZS5jb20iLCJjcm9zc09yaWdpbiI6ZmFsc2V9",
    transports: ["internal", "hybrid"],
    publicKeyAlgorithm: -7,
    publicKey:
      "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEu4rOaX7ZrVn1q3mJ0yB2sZ5o6y1n8R5Xw8K2c9Q1n3Xb2o1rV8mK6Y0tJc4qZ7s3f1w9h2p5d6e7g8a9b0c1d2",
    authenticatorData: "SZYN5YgOjGh0NBcPZHZgW4_krrmihjLHmVzzuoMdl2NdAAAAAA",
  },
  type: "public-key",
  clientExtensionResults: {},
  authenticatorAttachment: "platform",
};

// The SDK's Authenticator type, as addAuthenticator's answer carries it back to signUp's caller.
const passkeyAuthenticator: ClientAuthenticator = {
  userAuthenticatorId: "7c6b5a49-3827-4615-9f0e-1d2c3b4a5968",
  verificationMethod: "PASSKEY",
  createdAt: "2026-03-14T09:26:53.589Z",
  verifiedAt: "2026-03-14T09:26:53.589Z",
  isDefault: true,
  username: "jane@example.com",
  displayName: "Jane Smith",
  authenticatorAttachment: "platform",
  webauthnCredential: {
    credentialId,
    deviceId: "5b0c7f1e-8a2d-4c3b-9e6f-1a2b3c4d5e6f",
    name: "iCloud Keychain",
    aaguid: "fbfc3007-154e-4ecc-8c0b-6e020557d7bd",
    credentialBackedUp: true,
    credentialDeviceType: "multiDevice",
    authenticatorAttachment: "platform",
    aaguidMapping: {
      name: "iCloud Keychain",
      svgIconLight: "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=",
      svgIconDark: "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=",
    },
  },
};

export default [
  clientCase("passkeyRegistrationOptions", {
    // 1.16.0 drops displayName, and sends authenticatorAttachment only when truthy: signUp's
    // default is "platform".
    name: "Browser 1.16.0: a username and the default platform attachment",
    source: api116("PasskeyApiClient.registrationOptions: {username, authenticatorAttachment}"),
    method: "POST",
    path: "/user-authenticators/passkey/registration-options",
    authorization: bearer,
    body: { username: "jane@example.com", authenticatorAttachment: "platform" },
    response: registrationOptions,
  }),
  clientCase("passkeyRegistrationOptions", {
    name: "Browser 1.16.0: authenticatorAttachment null, so the username alone",
    source: api116("PasskeyApiClient.registrationOptions: Boolean(authenticatorAttachment) false → {username}"),
    method: "POST",
    path: "/user-authenticators/passkey/registration-options",
    authorization: bearer,
    body: { username: "jane@example.com" },
    response: registrationOptions,
  }),
  clientCase("passkeyRegistrationOptions", {
    name: "Browser 1.21.1: username, displayName and the default platform attachment",
    source: api("PasskeyApiClient.registrationOptions: {username, displayName, authenticatorAttachment}"),
    method: "POST",
    path: "/user-authenticators/passkey/registration-options",
    authorization: bearer,
    body: { username: "jane@example.com", displayName: "Jane Smith", authenticatorAttachment: "platform" },
    response: registrationOptions,
  }),
  clientCase("passkeyRegistrationOptions", {
    // 1.21.1 keeps an explicit null (only undefined is left out), so either kind may answer.
    name: "Browser 1.21.1: authenticatorAttachment null is sent as null",
    source: {
      ...browser,
      path: "test/passkey.test.ts",
      at: "sends displayName and explicit authenticatorAttachment values when requesting registration options",
    },
    method: "POST",
    path: "/user-authenticators/passkey/registration-options",
    authorization: bearer,
    body: { username: "jane.smith@example.com", displayName: "Jane Smith", authenticatorAttachment: null },
    response: {
      status: 200,
      body: {
        challengeId: "challenge-id",
        options: {
          challenge: "challenge",
          rp: { id: "example.com", name: "Example" },
          user: { id: "user-handle", name: "jane.smith@example.com", displayName: "Jane Smith" },
          pubKeyCredParams: [],
        },
      },
      source: {
        ...browser,
        path: "test/passkey.test.ts",
        at: "sends displayName and explicit authenticatorAttachment values: the mocked options",
      },
    },
  }),
  clientCase("passkeyRegistrationOptions", {
    // signUp's username and displayName are optional; JSON.stringify leaves both out.
    name: "Browser 1.21.1: no username, so the attachment alone",
    source: { ...browser, path: "src/passkey.ts", at: "Passkey.signUp: SignUpParams.username optional" },
    method: "POST",
    path: "/user-authenticators/passkey/registration-options",
    authorization: bearer,
    body: { authenticatorAttachment: "platform" },
    response: registrationOptions,
  }),
  clientCase("passkeyRegistrationOptionsWeb", {
    name: "Browser 1.16.0: a username and the default attachment, with cookies",
    source: api116("PasskeyApiClient.registrationOptions: useCookies"),
    method: "POST",
    path: "/user-authenticators/passkey/registration-options/web",
    authorization: bearer,
    body: { username: "jane@example.com", authenticatorAttachment: "platform" },
    response: registrationOptions,
  }),
  clientCase("passkeyRegistrationOptionsWeb", {
    name: "Browser 1.21.1: a roaming passkey with a display name, with cookies",
    source: api("PasskeyApiClient.registrationOptions: useCookies"),
    method: "POST",
    path: "/user-authenticators/passkey/registration-options/web",
    authorization: bearer,
    body: { username: "jane@example.com", displayName: "Jane Smith", authenticatorAttachment: "cross-platform" },
    response: registrationOptions,
  }),
  clientCase("addPasskeyAuthenticator", {
    // signUp's useAutoRegister defaults to false, so conditionalCreate is always sent.
    name: "Browser: the new credential, with conditionalCreate false and the options' challenge",
    source: api("PasskeyApiClient.addAuthenticator: {registrationCredential, conditionalCreate, challengeId}"),
    method: "POST",
    path: "/user-authenticators/passkey",
    authorization: bearer,
    body: { registrationCredential, conditionalCreate: false, challengeId: passkeyChallengeId },
    response: {
      status: 200,
      body: {
        isVerified: true,
        accessToken,
        userAuthenticatorId: passkeyAuthenticator.userAuthenticatorId,
        userId: "usr_123",
        userAuthenticator: passkeyAuthenticator,
      },
      source: { ...browser, path: "src/api/types/passkey.ts", at: "AddAuthenticatorResponse" },
    },
  }),
  clientCase("addPasskeyAuthenticator", {
    name: "Browser: a passkey created without a prompt (useAutoRegister)",
    source: { ...browser, path: "src/passkey.ts", at: "Passkey.signUp: conditionalCreate: useAutoRegister" },
    method: "POST",
    path: "/user-authenticators/passkey",
    authorization: bearer,
    body: { registrationCredential, conditionalCreate: true, challengeId: passkeyChallengeId },
    response: { status: 200, body: { isVerified: true, accessToken, userId: "usr_123" } },
  }),
  clientCase("addPasskeyAuthenticator", {
    // The SDK passes on getClientExtensionResults() as it is; a browser fills it for each extension
    // the options asked for, and credProps is the one registration options commonly ask for.
    name: "Browser: a credential whose clientExtensionResults report credProps",
    source: {
      ...browser,
      path: "src/api/types/passkey.ts",
      at: "AddAuthenticatorRequest.registrationCredential: RegistrationResponseJSON (clientExtensionResults)",
    },
    method: "POST",
    path: "/user-authenticators/passkey",
    authorization: bearer,
    body: {
      registrationCredential: { ...registrationCredential, clientExtensionResults: { credProps: { rk: true } } },
      conditionalCreate: false,
      challengeId: passkeyChallengeId,
    },
    response: { status: 200, body: { isVerified: true, accessToken, userId: "usr_123" } },
  }),
];
