// Contract tests for push from the web side and the email magic link.
import { describe, expect, it } from "vitest";
import { surfacesDocumentedErrors, userApi } from "./support.ts";

describe("challengePush", () => {
  it("sends the push and answers the challenge to poll", async () => {
    expect((await userApi.challengePush({ action: "signIn" })).challengeId).toBeTruthy();
  });

  surfacesDocumentedErrors((options) => userApi.challengePush({ action: "signIn" }, options));
});

describe("verifyPush", () => {
  it("answers whether the user approved, and whether the answer is spent", async () => {
    const result = await userApi.verifyPush({ challengeId: "c1" });
    expect(result.isVerified).toBeTypeOf("boolean");
    expect(result.isConsumed).toBeTypeOf("boolean");
  });

  surfacesDocumentedErrors((options) => userApi.verifyPush({ challengeId: "c1" }, options));
});

describe("enrollEmailMagicLink", () => {
  it("enrols the address and answers the authenticator", async () => {
    expect((await userApi.enrollEmailMagicLink({ email: "jane@example.com" })).userAuthenticatorId).toBeTruthy();
  });

  surfacesDocumentedErrors((options) => userApi.enrollEmailMagicLink({ email: "jane@example.com" }, options));
});

describe("challengeEmailMagicLink", () => {
  it("sends the link and answers the challenge", async () => {
    expect((await userApi.challengeEmailMagicLink()).challengeId).toBeTruthy();
  });

  surfacesDocumentedErrors((options) => userApi.challengeEmailMagicLink({}, options));
});

describe("finalizeEmailMagicLink", () => {
  it("answers whether the link was opened, as the SDK polls with an empty body", async () => {
    expect((await userApi.finalizeEmailMagicLink()).isVerified).toBeTypeOf("boolean");
  });

  surfacesDocumentedErrors((options) => userApi.finalizeEmailMagicLink({}, options));
});
