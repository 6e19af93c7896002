// Contract tests for the user's authenticators.
import { describe, expect, it } from "vitest";
import { surfacesDocumentedErrors, userApi } from "./support.ts";

describe("getAuthenticators", () => {
  it("lists the token's user's authenticators", async () => {
    const authenticators = await userApi.getAuthenticators();
    expect(Array.isArray(authenticators)).toBe(true);
    expect(authenticators[0]?.verificationMethod).toBeTruthy();
  });

  surfacesDocumentedErrors((options) => userApi.getAuthenticators({}, options));
});
