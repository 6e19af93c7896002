import { describe, expectTypeOf, it } from "vitest";
import type { operations } from "../src/generated/schema.ts";
import type {
  AuthenticatorConfiguration,
  ChallengeResponse,
  DeleteResponse,
  GetChallengeResponse,
  GetUserResponse,
  QueryUsersResponse,
  UpdateUserAttributes,
  UserAuthenticator,
  UserDevice,
  UserSummary,
  ValidateChallengeResponse,
} from "../src/index.ts";
import { createServerClient, type ServerClient, type TrackResponse } from "../src/index.ts";

const server = createServerClient({ apiSecretKey: "sk" });

describe("ServerClient types", () => {
  it("has exactly one method per operation in the spec", () => {
    // Besides the operations: the pagination iterator and the webhook verifier. openapi-typescript's
    // `operations` has every operation of the spec, whatever the table holds, and the webhooks
    // (events Authsignal sends, named `…Event`) and the POST alias of updateUser, which get no method.
    type SpecMethods = Exclude<keyof operations, `${string}Event` | "updateUserWithPost">;
    expectTypeOf<Exclude<keyof ServerClient, "iterateUsers" | "webhook">>().toEqualTypeOf<SpecMethods>();
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

describe("Server API operation types", () => {
  it("resolves each method to its generated response type", () => {
    expectTypeOf(server.getUser({ userId: "u" })).resolves.toEqualTypeOf<GetUserResponse>();
    expectTypeOf(server.queryUsers()).resolves.toEqualTypeOf<QueryUsersResponse>();
    expectTypeOf(server.getAuthenticators({ userId: "u" })).resolves.toEqualTypeOf<UserAuthenticator[]>();
    expectTypeOf(server.getDevices({ userId: "u" })).resolves.toEqualTypeOf<UserDevice[]>();
    expectTypeOf(server.getAuthenticatorConfigurations()).resolves.toEqualTypeOf<AuthenticatorConfiguration[]>();
    expectTypeOf(server.validateChallenge({ token: "t" })).resolves.toEqualTypeOf<ValidateChallengeResponse>();
  });

  it("resolves deletes to their success body, and to undefined when the API documents no body", () => {
    expectTypeOf(server.deleteUser({ userId: "u" })).resolves.toEqualTypeOf<DeleteResponse>();
    expectTypeOf(
      server.deleteAuthenticator({ userId: "u", userAuthenticatorId: "a" }),
    ).resolves.toEqualTypeOf<DeleteResponse>();
    expectTypeOf<DeleteResponse["success"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf(server.revokeSession({ accessToken: "t" })).resolves.toEqualTypeOf<undefined>();
    expectTypeOf(server.revokeUserSessions({ userId: "u" })).resolves.toEqualTypeOf<undefined>();
  });

  it("yields each user from iterateUsers, without the cursor argument", () => {
    expectTypeOf(server.iterateUsers({ email: "e@example.com" })).toEqualTypeOf<
      AsyncGenerator<UserSummary, void, undefined>
    >();
    expectTypeOf(server.iterateUsers).parameter(0).not.toHaveProperty("lastEvaluatedUserId");
  });

  it("documents the wire names and types the docs get wrong", () => {
    // Validate Challenge sends the action twice, as action and the deprecated actionCode; Get
    // Challenge's action is a string.
    expectTypeOf<ValidateChallengeResponse["action"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ValidateChallengeResponse["actionCode"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<GetChallengeResponse["action"]>().toEqualTypeOf<string | undefined>();
    // Unix seconds are numbers, ISO timestamps are strings.
    expectTypeOf<ChallengeResponse["expiresAt"]>().toEqualTypeOf<number>();
    expectTypeOf<UserDevice["rememberedUntil"]>().toEqualTypeOf<string | null | undefined>();
  });

  it("accepts verification methods the API adds later in responses, but only known ones in requests", () => {
    expectTypeOf<"NEW_METHOD">().toExtend<NonNullable<GetUserResponse["defaultVerificationMethod"]>>();
    expectTypeOf<"NEW_METHOD">().not.toExtend<NonNullable<UpdateUserAttributes["defaultVerificationMethod"]>>();
  });

  it("accepts the documented call shapes", () => {
    void server.challenge({ verificationMethod: "SMS", action: "signIn", phoneNumber: "+6421555123" });
    void server.challenge({ verificationMethod: "EMAIL_OTP", action: "signIn", email: "e@example.com" });
    void server.enrollVerifiedAuthenticator({
      userId: "u",
      attributes: { verificationMethod: "PASSKEY", credentialId: "c", credentialPublicKey: "k" },
    });
    void server.enrollVerifiedAuthenticators({
      authenticators: [{ userId: "u", verificationMethod: "PASSKEY", credentialId: "c", credentialPublicKey: "k" }],
    });
    void server.queryUserActions({ userId: "u", codes: ["signIn"], state: "ALLOW", fromDate: "2025-06-01T00:00:00Z" });
    void server.updateDevice({ userId: "u", deviceId: "d", attributes: { rememberedUntil: null } });
    void server.invalidateDevice({ userId: "u", deviceId: "d" });
  });

  it("rejects wrong fields and values at compile time", () => {
    void server.challenge({
      // @ts-expect-error VOICE is not a verification method a challenge can start with
      verificationMethod: "VOICE",
      action: "signIn",
      phoneNumber: "+6421555123",
    });
    // @ts-expect-error an SMS challenge needs a phone number
    void server.challenge({ verificationMethod: "SMS", action: "signIn", email: "e@example.com" });
    void server.enrollVerifiedAuthenticator({
      userId: "u",
      // @ts-expect-error a passkey needs its public key
      attributes: { verificationMethod: "PASSKEY", credentialId: "c" },
    });
    // @ts-expect-error the batch body is the argument itself, not attributes
    void server.enrollVerifiedAuthenticators({ attributes: { authenticators: [] } });
    // @ts-expect-error PENDING is not an action state
    void server.updateAction({ userId: "u", action: "signIn", idempotencyKey: "k", attributes: { state: "PENDING" } });
    // @ts-expect-error codes is a list of action codes
    void server.queryUserActions({ userId: "u", codes: "signIn" });
    // @ts-expect-error userId belongs in the body of revokeUserSessions, which has no path parameters
    void server.revokeUserSessions({});
  });
});
