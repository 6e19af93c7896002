// Authenticator apps (TOTP) as the web SDK's Totp class sends them with the cached token, the same
// in 1.16.0 and 1.21.1: enroll sends no body at all, verify sends the code.
import type { operations } from "@authsignal-ts/client";
import { caseBuilder } from "../../src/case.ts";
import { browser } from "../sdks.ts";

const clientCase = caseBuilder<operations>();

const bearer = "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfMTIzIn0.c2ln";
const accessToken = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfMTIzIiwiYWN0aW9uQ29kZSI6InNpZ25JbiJ9.c2lnbmF0dXJl";
const userAuthenticatorId = "4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a";

const api = (at: string) => ({ ...browser, path: "src/api/totp-api-client.ts", at });

export default [
  clientCase("enrollTotp", {
    name: "Browser: a new authenticator app secret, with no body",
    source: api("TotpApiClient.enroll: no body"),
    method: "POST",
    path: "/user-authenticators/totp",
    authorization: bearer,
    response: {
      status: 200,
      body: {
        userAuthenticatorId,
        userId: "usr_123",
        uri: "otpauth://totp/Example:jane%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example",
        secret: "JBSWY3DPEHPK3PXP",
      },
      source: { ...browser, path: "src/api/types/totp.ts", at: "EnrollTotpResponse" },
    },
  }),
  clientCase("verifyTotp", {
    name: "Browser: the app's code, enrolling it",
    source: api("TotpApiClient.verify: {verificationCode}"),
    method: "POST",
    path: "/verify/totp",
    authorization: bearer,
    body: { verificationCode: "287082" },
    response: {
      status: 200,
      body: {
        isVerified: true,
        accessToken,
        userAuthenticator: {
          userAuthenticatorId,
          verificationMethod: "AUTHENTICATOR_APP",
          createdAt: "2026-03-14T09:26:53.589Z",
          verifiedAt: "2026-03-14T09:27:31.006Z",
          isDefault: false,
        },
      },
      source: {
        ...browser,
        path: "src/api/types/shared.ts",
        at: "VerifyResponse: userAuthenticator during enrollment",
      },
    },
  }),
  clientCase("verifyTotp", {
    name: "Browser: a wrong code",
    source: api("TotpApiClient.verify"),
    method: "POST",
    path: "/verify/totp",
    authorization: bearer,
    body: { verificationCode: "000000" },
    response: {
      status: 200,
      body: { isVerified: false, failureReason: "CODE_INVALID_OR_EXPIRED" },
      source: { ...browser, path: "src/api/types/shared.ts", at: "VerifyResponse.failureReason" },
    },
  }),
];
