// One-time codes by email, SMS and WhatsApp, as the web SDK's Email, Sms and Whatsapp classes send
// them with the cached token: the same in 1.16.0 and 1.21.1. Their challenge calls send no body at
// all (a POST with only the Content-Type header).
import type { ClientAuthenticator, operations } from "@authsignal-ts/client";
import { caseBuilder } from "../../src/case.ts";
import { browser } from "../sdks.ts";

const clientCase = caseBuilder<operations>();

const token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfMTIzIn0.c2ln";
const bearer = `Bearer ${token}`;
const accessToken = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfMTIzIiwiYWN0aW9uQ29kZSI6InNpZ25JbiJ9.c2lnbmF0dXJl";
const challengeId = "2d4f6a8c-1b3e-4d5f-9a7c-3e5f7a9b1c2d";

const file = (name: string) => (at: string) => ({ ...browser, path: `src/api/${name}-api-client.ts`, at });
const email = file("email");
const sms = file("sms");
const whatsapp = file("whatsapp");
const shared = (at: string) => ({ ...browser, path: "src/api/types/shared.ts", at });

const enrolled = {
  status: 200,
  body: { userAuthenticatorId: "0f1e2d3c-4b5a-4978-8d6c-5b4a39281706", userId: "usr_123" },
  source: shared("EnrollResponse"),
};
const started = { status: 200, body: { challengeId }, source: shared("ChallengeResponse") };
const wrongCode = {
  status: 200,
  body: { isVerified: false, failureReason: "CODE_INVALID_OR_EXPIRED" },
  source: shared("VerifyResponse.failureReason"),
};

const emailAuthenticator: ClientAuthenticator = {
  userAuthenticatorId: "0f1e2d3c-4b5a-4978-8d6c-5b4a39281706",
  verificationMethod: "EMAIL_OTP",
  createdAt: "2026-03-14T09:26:53.589Z",
  verifiedAt: "2026-03-14T09:28:10.204Z",
  isDefault: true,
  email: "jane@example.com",
};
const smsAuthenticator: ClientAuthenticator = {
  userAuthenticatorId: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
  verificationMethod: "SMS",
  createdAt: "2026-03-14T09:26:53.589Z",
  verifiedAt: "2026-03-14T09:28:10.204Z",
  phoneNumber: "+64270000000",
  previousSmsChannel: "DEFAULT",
};

export default [
  clientCase("enrollEmailOtp", {
    name: "Browser: an email address to enrol",
    source: email("EmailApiClient.enroll: {email}"),
    method: "POST",
    path: "/user-authenticators/email-otp",
    authorization: bearer,
    body: { email: "jane@example.com" },
    response: enrolled,
  }),
  clientCase("challengeEmailOtp", {
    name: "Browser: a code to the user's email, with no body",
    source: email("EmailApiClient.challenge: no body"),
    method: "POST",
    path: "/challenge/email-otp",
    authorization: bearer,
    response: started,
  }),
  clientCase("challengeEmailOtp", {
    // handleTokenExpired calls onTokenExpired on this body: error present, errorCode expired_token.
    name: "Browser: an expired token",
    source: { ...browser, path: "src/api/helpers.ts", at: "handleTokenExpired" },
    method: "POST",
    path: "/challenge/email-otp",
    authorization: bearer,
    response: {
      status: 401,
      body: { error: "unauthorized", errorCode: "expired_token", errorDescription: "The token has expired." },
      source: shared("ErrorResponse"),
    },
  }),
  clientCase("verifyEmailOtp", {
    name: "Browser: the right code for a new email authenticator",
    source: email("EmailApiClient.verify: {verificationCode}"),
    method: "POST",
    path: "/verify/email-otp",
    authorization: bearer,
    body: { verificationCode: "123456" },
    response: {
      status: 200,
      body: { isVerified: true, accessToken, userAuthenticator: emailAuthenticator },
      source: shared("VerifyResponse: userAuthenticator during enrollment"),
    },
  }),
  clientCase("verifyEmailOtp", {
    name: "Browser: a wrong email code",
    source: email("EmailApiClient.verify"),
    method: "POST",
    path: "/verify/email-otp",
    authorization: bearer,
    body: { verificationCode: "000000" },
    response: wrongCode,
  }),
  clientCase("enrollSms", {
    name: "Browser: a phone number to enrol",
    source: sms("SmsApiClient.enroll: {phoneNumber}"),
    method: "POST",
    path: "/user-authenticators/sms",
    authorization: bearer,
    body: { phoneNumber: "+64270000000" },
    response: enrolled,
  }),
  clientCase("challengeSms", {
    name: "Browser: a code by SMS, with no body",
    source: sms("SmsApiClient.challenge: no body"),
    method: "POST",
    path: "/challenge/sms",
    authorization: bearer,
    response: started,
  }),
  clientCase("verifySms", {
    name: "Browser: the right code for a new SMS authenticator",
    source: sms("SmsApiClient.verify: {verificationCode}"),
    method: "POST",
    path: "/verify/sms",
    authorization: bearer,
    body: { verificationCode: "123456" },
    response: {
      status: 200,
      body: { isVerified: true, accessToken, userAuthenticator: smsAuthenticator },
      source: shared("VerifyResponse, Authenticator.previousSmsChannel"),
    },
  }),
  clientCase("verifySms", {
    name: "Browser: a wrong SMS code",
    source: sms("SmsApiClient.verify"),
    method: "POST",
    path: "/verify/sms",
    authorization: bearer,
    body: { verificationCode: "000000" },
    response: wrongCode,
  }),
  clientCase("challengeWhatsapp", {
    name: "Browser: a code by WhatsApp, with no body",
    source: whatsapp("WhatsappApiClient.challenge: no body"),
    method: "POST",
    path: "/challenge/whatsapp",
    authorization: bearer,
    response: started,
  }),
  clientCase("verifyWhatsapp", {
    name: "Browser: the right WhatsApp code",
    source: whatsapp("WhatsappApiClient.verify: {verificationCode}"),
    method: "POST",
    path: "/verify/whatsapp",
    authorization: bearer,
    body: { verificationCode: "123456" },
    response: { status: 200, body: { isVerified: true, accessToken }, source: shared("VerifyResponse") },
  }),
  clientCase("verifyWhatsapp", {
    name: "Browser: a wrong WhatsApp code",
    source: whatsapp("WhatsappApiClient.verify"),
    method: "POST",
    path: "/verify/whatsapp",
    authorization: bearer,
    body: { verificationCode: "000000" },
    response: wrongCode,
  }),
];
