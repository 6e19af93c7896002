// Email magic links as the web SDK's EmailMagicLink class sends them with the cached token, the same
// in 1.16.0 and 1.21.1: the challenge sends no body at all, and checkVerificationStatus posts {}
// every second until isVerified is true.
import type { operations } from "@authsignal-ts/client";
import { caseBuilder } from "../../src/case.ts";
import { browser } from "../sdks.ts";

const clientCase = caseBuilder<operations>();

const bearer = "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfMTIzIn0.c2ln";
const accessToken = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfMTIzIiwiYWN0aW9uQ29kZSI6InNpZ25JbiJ9.c2lnbmF0dXJl";

const api = (at: string) => ({ ...browser, path: "src/api/email-magic-link-api-client.ts", at });
const shared = (at: string) => ({ ...browser, path: "src/api/types/shared.ts", at });

export default [
  clientCase("enrollEmailMagicLink", {
    name: "Browser: an email address to enrol",
    source: api("EmailMagicLinkApiClient.enroll: {email}"),
    method: "POST",
    path: "/user-authenticators/email-magic-link",
    authorization: bearer,
    body: { email: "jane@example.com" },
    response: {
      status: 200,
      body: { userAuthenticatorId: "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d", userId: "usr_123" },
      source: shared("EnrollResponse"),
    },
  }),
  clientCase("challengeEmailMagicLink", {
    name: "Browser: a link to the user's email, with no body",
    source: api("EmailMagicLinkApiClient.challenge: no body"),
    method: "POST",
    path: "/challenge/email-magic-link",
    authorization: bearer,
    response: {
      status: 200,
      body: { challengeId: "2d4f6a8c-1b3e-4d5f-9a7c-3e5f7a9b1c2d" },
      source: shared("ChallengeResponse"),
    },
  }),
  clientCase("finalizeEmailMagicLink", {
    name: "Browser: polling {} while the link is not opened yet",
    source: api("EmailMagicLinkApiClient.checkVerificationStatus: body JSON.stringify({})"),
    method: "POST",
    path: "/verify/email-magic-link/finalize",
    authorization: bearer,
    body: {},
    response: { status: 200, body: { isVerified: false }, source: shared("VerifyResponse") },
  }),
  clientCase("finalizeEmailMagicLink", {
    name: "Browser: polling {} once the link is opened",
    source: api("EmailMagicLinkApiClient.checkVerificationStatus: responseJson.isVerified"),
    method: "POST",
    path: "/verify/email-magic-link/finalize",
    authorization: bearer,
    body: {},
    response: { status: 200, body: { isVerified: true, accessToken }, source: shared("VerifyResponse") },
  }),
];
