// The call shapes Authsignal's official SDKs send, which the spec now allows, and the nearby
// shapes that stay forbidden. The fidelity suite replays the same shapes through Prism.
import { describe, expectTypeOf, it } from "vitest";
import { createServerFetchClient } from "../src/fetch-client.ts";
import type { ChallengeRequest, GetUserResponse, UserSummary, ValidateChallengeResponse } from "../src/index.ts";
import { createServerClient } from "../src/index.ts";

const server = createServerClient({ apiSecretKey: "sk" });
const api = createServerFetchClient({ apiSecretKey: "sk" });

describe("shapes the official SDKs send", () => {
  it("accepts them", () => {
    // Node: another code for an earlier challenge, by its ID alone.
    void server.challenge({ challengeId: "c" });
    // Node's AuthScope has read and remove as well as add and update.
    void server.challenge({
      verificationMethod: "EMAIL_OTP",
      action: "a",
      email: "e@example.com",
      scope: "read:authenticators",
    });
    void server.challenge({
      verificationMethod: "SMS",
      action: "a",
      phoneNumber: "+6421555123",
      scope: "remove:authenticators",
    });
    // Go sends redirectToSettings and the crypto amounts as null when they are not set; the live
    // Go test tracks a local phone number.
    void server.track({
      userId: "u",
      action: "withdraw",
      attributes: {
        redirectToSettings: null,
        phoneNumber: "1234567890",
        crypto: { asset: "BTC", assetAmount: null, assetAmountUsd: null },
      },
    });
    // .NET always sends redirectToSettings, false by default.
    void server.track({ userId: "u", action: "signIn", attributes: { redirectToSettings: false } });
    // Go and Python set, and read back, a local phone number.
    void server.updateUser({ userId: "u", attributes: { phoneNumber: "9876543210", displayName: "A New User" } });
    // Ruby and Java update users with POST: the same body, through the openapi-fetch client.
    void api.POST("/users/{userId}", {
      params: { path: { userId: "u" } },
      body: { email: "e@example.com", custom: { foo: "bar", baz: 1 } },
    });
    // PHP enrolls with the deprecated oobChannel in place of verificationMethod.
    void server.enrollVerifiedAuthenticator({
      userId: "u",
      attributes: { oobChannel: "SMS", phoneNumber: "+6427000000" },
    });
    void server.enrollVerifiedAuthenticator({
      userId: "u",
      attributes: { oobChannel: "EMAIL_OTP", email: "e@example.com" },
    });
    // The docs' query parameter that also deletes the user's actions.
    void server.deleteUser({ userId: "u", actions: true });
  });

  it("types what they read", () => {
    expectTypeOf<ValidateChallengeResponse>().toHaveProperty("action");
    expectTypeOf<GetUserResponse["userId"]>().toEqualTypeOf<string | undefined>();
    // PHP's fixtures answer null for a user with no phone number or username.
    expectTypeOf<UserSummary["phoneNumber"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<UserSummary["username"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<{ challengeId: string }>().toExtend<ChallengeRequest>();
  });

  it("still rejects what no SDK sends", () => {
    // @ts-expect-error a new code for an earlier challenge needs its ID
    void server.challenge({ action: "signIn" });
    // (A resend that also names a method or contact detail type-checks, as TypeScript checks
    // excess properties across the whole union; the contract tests prove the mock refuses it.)
    void server.challenge({
      verificationMethod: "EMAIL_OTP",
      action: "a",
      email: "e@example.com",
      // @ts-expect-error there is no delete scope
      scope: "delete:authenticators",
    });
    // @ts-expect-error the legacy SMS channel needs a phone number, not an email
    void server.enrollVerifiedAuthenticator({ userId: "u", attributes: { oobChannel: "SMS", email: "e@example.com" } });
    // @ts-expect-error a crypto amount is a number or null, not a string
    void server.track({ userId: "u", action: "a", attributes: { crypto: { assetAmount: "1.5" } } });
  });
});
