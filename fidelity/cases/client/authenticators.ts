// The user's authenticators, which 1.21.1 (not 1.16.0) reads after a passkey sign-in or sign-up to
// tell the browser which passkeys still exist (syncPasskeysWithCredentialManager).
import type { ClientAuthenticator, operations } from "@authsignal-ts/client";
import { caseBuilder } from "../../src/case.ts";
import { browser } from "../sdks.ts";

const clientCase = caseBuilder<operations>();

const tenantId = "7d1e4c2a-9b3f-4e6a-8c5d-1f2e3a4b5c6d";
const accessToken = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfMTIzIiwiYWN0aW9uQ29kZSI6InNpZ25JbiJ9.c2lnbmF0dXJl";

const sync = (at: string) => ({
  ...browser,
  path: "src/passkey.ts",
  at: `Passkey.syncPasskeysWithCredentialManager: ${at}`,
});

// Each field the SDK's Authenticator and WebauthnCredential types name, with a value.
const passkey: ClientAuthenticator = {
  userAuthenticatorId: "7c6b5a49-3827-4615-9f0e-1d2c3b4a5968",
  verificationMethod: "PASSKEY",
  createdAt: "2026-03-14T09:26:53.589Z",
  verifiedAt: "2026-03-14T09:26:53.589Z",
  lastVerifiedAt: "2026-05-19T08:12:40.118Z",
  isDefault: true,
  username: "jane@example.com",
  displayName: "Jane Smith",
  authenticatorAttachment: "platform",
  webauthnCredential: {
    credentialId: "AdKXJEch1aV5Wo7bj7qLHskVY4OoNaj9qu8TPdJ7kSAgUeRxWNngXlcNIGt4gexZGKVGcqZpqqWordXb_he1izY",
    deviceId: "5b0c7f1e-8a2d-4c3b-9e6f-1a2b3c4d5e6f",
    name: "Google Password Manager",
    aaguid: "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4",
    credentialBackedUp: true,
    credentialDeviceType: "multiDevice",
    authenticatorAttachment: "platform",
    aaguidMapping: {
      name: "Google Password Manager",
      svgIconLight: "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=",
      svgIconDark: "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=",
    },
    parsedUserAgent: {
      ua: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
      browser: { name: "Chrome", version: "126.0.0.0", major: "126" },
      device: {},
      engine: { name: "Blink", version: "126.0.0.0" },
      os: { name: "Windows", version: "10" },
      cpu: { architecture: "amd64" },
    },
  },
};

const sms: ClientAuthenticator = {
  userAuthenticatorId: "0f1e2d3c-4b5a-4978-8d6c-5b4a39281706",
  verificationMethod: "SMS",
  createdAt: "2026-02-01T18:00:00.000Z",
  verifiedAt: "2026-02-01T18:01:12.000Z",
  phoneNumber: "+64270000000",
  previousSmsChannel: "WHATSAPP",
};

// 1.21.1 added erroredAt and errorCode with push's deliveryResults, for a device a push could not
// reach; the SDK types errorCode as any string, so the value here is only an example.
const pushWithError: ClientAuthenticator = {
  userAuthenticatorId: "3e2d1c0b-9a8f-4e7d-b6c5-a4b3c2d1e0f9",
  verificationMethod: "PUSH",
  createdAt: "2026-04-02T07:30:00.000Z",
  verifiedAt: "2026-04-02T07:30:00.000Z",
  devicePlatform: "IOS",
  erroredAt: "2026-05-18T22:40:03.512Z",
  errorCode: "PUSH_DELIVERY_FAILED",
};

export default [
  clientCase("getAuthenticators", {
    name: "Browser 1.21.1: with the token a passkey sign-in returned",
    source: sync("getAuthenticators({token: verifyResponse.accessToken})"),
    method: "GET",
    path: "/user-authenticators",
    authorization: `Bearer ${accessToken}`,
    response: {
      status: 200,
      body: [passkey, sms, pushWithError],
      source: {
        ...browser,
        path: "src/api/types/shared.ts",
        at: "Authenticator (erroredAt, errorCode), WebauthnCredential",
      },
    },
  }),
  clientCase("getAuthenticators", {
    // With cookies the sign-in may return no token, and buildHeaders falls back to the tenant ID.
    name: "Browser 1.21.1: after a cookie sign-in with no token, by the tenant ID",
    source: sync("getAuthenticators({token: undefined, useCookies: true})"),
    method: "GET",
    path: "/user-authenticators",
    authorization: `Basic ${btoa(encodeURIComponent(tenantId))}`,
    response: {
      status: 200,
      body: [passkey],
      source: { ...browser, path: "src/api/types/shared.ts", at: "Authenticator" },
    },
  }),
];
