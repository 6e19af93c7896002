// Passkey sign-in as the web SDK's Passkey.signIn sends it: a challenge for an action, the
// authentication options, the assertion to verify, and isAvailableOnDevice's credential lookup.
// Without a token every call authenticates with the tenant ID, as the SDK's buildHeaders does.
import type { AuthenticationResponseJson, operations } from "@authsignal-ts/client";
import { caseBuilder } from "../../src/case.ts";
import { browser, browser116 } from "../sdks.ts";

const clientCase = caseBuilder<operations>();

const tenantId = "7d1e4c2a-9b3f-4e6a-8c5d-1f2e3a4b5c6d";
const tenant = `Basic ${btoa(encodeURIComponent(tenantId))}`;
const token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfMTIzIn0.c2ln";
const bearer = `Bearer ${token}`;
const accessToken = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfMTIzIiwiYWN0aW9uQ29kZSI6InNpZ25JbiJ9.c2lnbmF0dXJl";
const challengeId = "2d4f6a8c-1b3e-4d5f-9a7c-3e5f7a9b1c2d";
const passkeyChallengeId = "a3b6c9d2-1e4f-4a7b-8c0d-2e5f8a1b4c7d";
const credentialId = "AdKXJEch1aV5Wo7bj7qLHskVY4OoNaj9qu8TPdJ7kSAgUeRxWNngXlcNIGt4gexZGKVGcqZpqqWordXb_he1izY";
// The SDK's anonymous ID: a v4 UUID it keeps in the __as_aid cookie and sends as deviceId.
const deviceId = "5b0c7f1e-8a2d-4c3b-9e6f-1a2b3c4d5e6f";

const api = (at: string) => ({ ...browser, path: "src/api/passkey-api-client.ts", at });
const signIn = (at: string) => ({ ...browser, path: "src/passkey.ts", at: `Passkey.signIn: ${at}` });
const passkeyTypes = (at: string) => ({ ...browser, path: "src/api/types/passkey.ts", at });

// What @simplewebauthn/browser 13's startAuthentication returns, which the SDK sends unchanged.
const assertion: AuthenticationResponseJson = {
  id: credentialId,
  rawId: credentialId,
  response: {
    authenticatorData: "SZYN5YgOjGh0NBcPZHZgW4_krrmihjLHmVzzuoMdl2MFAAAAAQ",
    clientDataJSON:
      "eyJ0eXBlIjoid2ViYXV0aG4uZ2V0IiwiY2hhbGxlbmdlIjoicTdKZDNtVDJ2WG85THdZcFI0c0tjQSIsIm9yaWdpbiI6Imh0dHBzOi8vZXhhbXBsZS5jb20iLCJjcm9zc09yaWdpbiI6ZmFsc2V9",
    signature: "MEUCIQCx5Z9Yp0dE3sYtQ2q1vJxw8n6bH2Qk7mL0aF4cRzTgIgW1n2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4",
    userHandle: "dXNyXzEyMw",
  },
  type: "public-key",
  clientExtensionResults: {},
  authenticatorAttachment: "platform",
};

const discoverableOptions = {
  status: 200,
  body: {
    challengeId: passkeyChallengeId,
    options: {
      challenge: "q7Jd3mT2vXo9LwYpR4sKcA",
      timeout: 60000,
      rpId: "example.com",
      allowCredentials: [],
      userVerification: "preferred",
    },
  },
  source: passkeyTypes("AuthenticationOptsResponse: options is PublicKeyCredentialRequestOptionsJSON"),
};

const verified = {
  status: 200,
  body: {
    isVerified: true,
    accessToken,
    userId: "usr_123",
    userAuthenticatorId: "7c6b5a49-3827-4615-9f0e-1d2c3b4a5968",
    username: "jane@example.com",
    userDisplayName: "Jane Smith",
  },
  source: passkeyTypes("VerifyResponse: read into SignInResponse by Passkey.signIn"),
};

export default [
  clientCase("challenge", {
    name: "Browser 1.16.0: a sign-in for an action, by the tenant ID",
    source: { ...browser116, path: "src/api/passkey-api-client.ts", at: "PasskeyApiClient.challenge: {action}" },
    method: "POST",
    path: "/challenge",
    authorization: tenant,
    body: { action: "signInWithPasskey" },
    response: { status: 200, body: { challengeId }, source: passkeyTypes("ChallengeResponse") },
  }),
  clientCase("challenge", {
    name: "Browser 1.21.1: a sign-in for an action, with its idempotency key",
    source: api("PasskeyApiClient.challenge: {action, idempotencyKey}"),
    method: "POST",
    path: "/challenge",
    authorization: tenant,
    body: { action: "signInWithPasskey", idempotencyKey: "0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a" },
    response: { status: 200, body: { challengeId } },
  }),
  clientCase("challengeWeb", {
    name: "Browser 1.16.0: a sign-in for an action, with cookies",
    source: { ...browser116, path: "src/api/passkey-api-client.ts", at: "PasskeyApiClient.challenge: useCookies" },
    method: "POST",
    path: "/challenge/web",
    authorization: tenant,
    body: { action: "signInWithPasskey" },
    response: { status: 200, body: { challengeId } },
  }),
  clientCase("challengeWeb", {
    name: "Browser 1.21.1: a sign-in for an action with cookies and an idempotency key",
    source: api("PasskeyApiClient.challenge: useCookies, {action, idempotencyKey}"),
    method: "POST",
    path: "/challenge/web",
    authorization: tenant,
    body: { action: "signInWithPasskey", idempotencyKey: "0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a" },
    response: { status: 200, body: { challengeId } },
  }),
  clientCase("passkeyAuthenticationOptions", {
    // JSON.stringify drops the undefined challengeId, so a sign-in with no action sends {}.
    name: "Browser: options for a sign-in with no action (or autofill), by the tenant ID",
    source: signIn("authenticationOptions with no challenge"),
    method: "POST",
    path: "/user-authenticators/passkey/authentication-options",
    authorization: tenant,
    body: {},
    response: discoverableOptions,
  }),
  clientCase("passkeyAuthenticationOptions", {
    name: "Browser: options for the challenge started for an action",
    source: signIn("authenticationOptions with challengeResponse.challengeId"),
    method: "POST",
    path: "/user-authenticators/passkey/authentication-options",
    authorization: tenant,
    body: { challengeId },
    response: discoverableOptions,
  }),
  clientCase("passkeyAuthenticationOptions", {
    name: "Browser: options for the token's user, when signIn is given a token",
    source: signIn("authenticationOptions({token})"),
    method: "POST",
    path: "/user-authenticators/passkey/authentication-options",
    authorization: bearer,
    body: {},
    response: {
      status: 200,
      body: {
        challengeId: passkeyChallengeId,
        options: {
          challenge: "q7Jd3mT2vXo9LwYpR4sKcA",
          timeout: 60000,
          rpId: "example.com",
          allowCredentials: [{ id: credentialId, type: "public-key", transports: ["internal", "hybrid"] }],
          userVerification: "preferred",
        },
      },
    },
  }),
  clientCase("passkeyAuthenticationOptionsWeb", {
    name: "Browser: options for a cookie sign-in with no action, by the tenant ID",
    source: api("PasskeyApiClient.authenticationOptionsWeb: body {}"),
    method: "POST",
    path: "/user-authenticators/passkey/authentication-options/web",
    authorization: tenant,
    body: {},
    response: discoverableOptions,
  }),
  clientCase("passkeyAuthenticationOptionsWeb", {
    name: "Browser: options for a cookie sign-in given a token",
    source: signIn("authenticationOptionsWeb({token})"),
    method: "POST",
    path: "/user-authenticators/passkey/authentication-options/web",
    authorization: bearer,
    body: {},
    response: discoverableOptions,
  }),
  clientCase("verifyPasskey", {
    name: "Browser: the assertion with the device and the options' challenge, by the tenant ID",
    source: api("PasskeyApiClient.verify: {authenticationCredential, deviceId, challengeId}"),
    method: "POST",
    path: "/verify/passkey",
    authorization: tenant,
    body: { authenticationCredential: assertion, deviceId, challengeId: passkeyChallengeId },
    response: verified,
  }),
  clientCase("verifyPasskey", {
    name: "Browser: the assertion for the token's user",
    source: signIn("verify({token})"),
    method: "POST",
    path: "/verify/passkey",
    authorization: bearer,
    body: { authenticationCredential: assertion, deviceId, challengeId: passkeyChallengeId },
    response: { status: 200, body: { isVerified: true, accessToken, userId: "usr_123" } },
  }),
  clientCase("verifyPasskey", {
    // 1.21.1 reads errorCode to tell the browser to forget the credential; the status it ignores.
    name: "Browser 1.21.1: a passkey the tenant no longer knows",
    source: signIn("errorCode unknown_credential → signalUnknownCredential"),
    method: "POST",
    path: "/verify/passkey",
    authorization: tenant,
    body: { authenticationCredential: assertion, deviceId, challengeId: passkeyChallengeId },
    response: {
      status: 400,
      body: { error: "Unknown credential", errorCode: "unknown_credential" },
      source: {
        ...browser,
        path: "test/passkey.test.ts",
        at: "signals an unknown credential for a specific unknown credential error",
      },
    },
  }),
  clientCase("getPasskeyAuthenticator", {
    // The SDK interpolates the array, so the IDs arrive joined by a bare comma; the replay sends it as
    // %2C, which Prism reads the same (a bare comma passes too).
    name: "Browser: isAvailableOnDevice looks up the credentials stored for the user",
    source: api("PasskeyApiClient.getPasskeyAuthenticator: credentialIds interpolated into the URL"),
    method: "GET",
    path: "/user-authenticators/passkey",
    query: { credentialIds: `${credentialId},MTIzNDU2Nzg5MGFiY2RlZg` },
    authorization: tenant,
    response: {
      status: 200,
      body: { credentialId, verifiedAt: "2026-03-14T09:26:53.589Z" },
      source: passkeyTypes("PasskeyAuthenticatorResponse"),
    },
  }),
];
