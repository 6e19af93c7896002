// Contract tests for one-time codes: email OTP, SMS and WhatsApp enrolment, challenge and verification.
import { describe, expect, it } from "vitest";
import { expectRefused, surfacesDocumentedErrors, userApi } from "./support.ts";

describe("enrollEmailOtp", () => {
  it("enrols the address and answers the authenticator", async () => {
    const enrolled = await userApi.enrollEmailOtp({ email: "jane@example.com" });
    expect(enrolled.userAuthenticatorId).toBeTruthy();
    expect(enrolled.userId).toBeTruthy();
  });

  it("is refused without the address", async () => {
    await expectRefused(userApi.enrollEmailOtp({} as never), "email");
  });

  surfacesDocumentedErrors((options) => userApi.enrollEmailOtp({ email: "jane@example.com" }, options));
});

describe("challengeEmailOtp", () => {
  it("sends a code and answers the challenge", async () => {
    expect((await userApi.challengeEmailOtp()).challengeId).toBeTruthy();
  });

  surfacesDocumentedErrors((options) => userApi.challengeEmailOtp({}, options));
});

describe("verifyEmailOtp", () => {
  it("answers whether the code was right, with the token once it was", async () => {
    const result = await userApi.verifyEmailOtp({ verificationCode: "123456" });
    expect(result.isVerified).toBeTypeOf("boolean");
  });

  it("is refused when the code is a number", async () => {
    await expectRefused(userApi.verifyEmailOtp({ verificationCode: 123456 as never }), "verificationCode");
  });

  surfacesDocumentedErrors((options) => userApi.verifyEmailOtp({ verificationCode: "123456" }, options));
});

describe("enrollSms", () => {
  it("enrols the number and answers the authenticator", async () => {
    const enrolled = await userApi.enrollSms({ phoneNumber: "+64270000000" });
    expect(enrolled.userAuthenticatorId).toBeTruthy();
  });

  surfacesDocumentedErrors((options) => userApi.enrollSms({ phoneNumber: "+64270000000" }, options));
});

describe("challengeSms", () => {
  it("sends a code and answers the challenge", async () => {
    expect((await userApi.challengeSms()).challengeId).toBeTruthy();
  });

  surfacesDocumentedErrors((options) => userApi.challengeSms({}, options));
});

describe("verifySms", () => {
  it("answers whether the code was right", async () => {
    expect((await userApi.verifySms({ verificationCode: "123456" })).isVerified).toBeTypeOf("boolean");
  });

  surfacesDocumentedErrors((options) => userApi.verifySms({ verificationCode: "123456" }, options));
});

describe("challengeWhatsapp", () => {
  it("sends a code over WhatsApp and answers the challenge", async () => {
    expect((await userApi.challengeWhatsapp()).challengeId).toBeTruthy();
  });

  surfacesDocumentedErrors((options) => userApi.challengeWhatsapp({}, options));
});

describe("verifyWhatsapp", () => {
  it("answers whether the code was right", async () => {
    expect((await userApi.verifyWhatsapp({ verificationCode: "123456" })).isVerified).toBeTypeOf("boolean");
  });

  surfacesDocumentedErrors((options) => userApi.verifyWhatsapp({ verificationCode: "123456" }, options));
});
