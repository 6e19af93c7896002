// Contract tests for the authenticator app (TOTP): enrolment and verification.
import { describe, expect, it } from "vitest";
import { surfacesDocumentedErrors, userApi } from "./support.ts";

describe("enrollTotp", () => {
  it("answers the secret and the otpauth URI an app scans", async () => {
    const enrolled = await userApi.enrollTotp();
    expect(enrolled.secret).toMatch(/^[A-Z2-7]+=*$/);
    expect(enrolled.uri).toMatch(/^otpauth:\/\/totp\//);
  });

  surfacesDocumentedErrors((options) => userApi.enrollTotp({}, options));
});

describe("verifyTotp", () => {
  it("answers whether the code was right", async () => {
    expect((await userApi.verifyTotp({ verificationCode: "123456" })).isVerified).toBeTypeOf("boolean");
  });

  surfacesDocumentedErrors((options) => userApi.verifyTotp({ verificationCode: "123456" }, options));
});
