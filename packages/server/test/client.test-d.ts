import { describe, expectTypeOf, it } from "vitest";
import type { operations } from "../src/generated/operations.ts";
import { createServerClient, type ServerClient, type TrackResponse } from "../src/index.ts";

const server = createServerClient({ apiSecretKey: "sk" });

describe("ServerClient types", () => {
  it("has exactly one method per operation in the spec", () => {
    expectTypeOf<keyof ServerClient>().toEqualTypeOf<keyof typeof operations>();
  });

  it("types track's argument and result from the spec", () => {
    expectTypeOf(server.track).parameter(0).toHaveProperty("userId").toEqualTypeOf<string>();
    expectTypeOf(server.track({ userId: "u", action: "signIn" })).resolves.toEqualTypeOf<TrackResponse>();
    expectTypeOf<TrackResponse["state"]>().toEqualTypeOf<
      | "ALLOW"
      | "BLOCK"
      | "CHALLENGE_REQUIRED"
      | "CHALLENGE_SUCCEEDED"
      | "CHALLENGE_FAILED"
      | "REVIEW_REQUIRED"
      | "REVIEW_SUCCEEDED"
      | "REVIEW_FAILED"
    >();
  });

  it("accepts the documented call shapes", () => {
    void server.track({ userId: "u", action: "signIn" });
    void server.track(
      { userId: "u", action: "signIn", attributes: { email: "e@example.com", custom: { plan: "pro", seats: 3 } } },
      { signal: AbortSignal.timeout(1000) },
    );
  });

  it("rejects wrong fields and values at compile time", () => {
    // @ts-expect-error userId is required
    void server.track({ action: "signIn" });
    // @ts-expect-error the body goes under attributes, not at the top level
    void server.track({ userId: "u", action: "signIn", email: "e@example.com" });
    // @ts-expect-error emailAddress is not a track attribute
    void server.track({ userId: "u", action: "signIn", attributes: { emailAddress: "e@example.com" } });
    // @ts-expect-error redirectToSettings is a boolean
    void server.track({ userId: "u", action: "signIn", attributes: { redirectToSettings: "yes" } });
    // @ts-expect-error custom values are strings, numbers or booleans
    void server.track({ userId: "u", action: "signIn", attributes: { custom: { nested: { a: 1 } } } });
    // @ts-expect-error there is no such region
    createServerClient({ apiSecretKey: "sk", region: "us-east-1" });
  });
});
