// The compat entry's types against @authsignal/node's own: every exported type name, every
// method's argument and result, the constructor, the error and the webhook verifier. Where the
// spec is stricter or more honest than the official interfaces, the test names the methods, so a
// change on either side shows up here and in the README's table.
import type * as official from "@authsignal/node";
import { describe, expectTypeOf, it } from "vitest";
import type * as compat from "../../src/compat/index.ts";
import type { Authsignal, AuthsignalError, CallConnect, Webhook } from "../../src/compat/index.ts";

type Methods = Exclude<keyof official.Authsignal, "apiSecretKey" | "apiUrl" | "webhook">;
type Argument<F> = F extends (request: infer Request) => unknown ? Request : never;
type Result<F> = F extends (...args: never[]) => Promise<infer Value> ? Value : never;
/** The official types with each enum read as the string it is on the wire. */
type Loose<T> = T extends string
  ? string
  : T extends readonly (infer Item)[]
    ? Loose<Item>[]
    : T extends object
      ? { [K in keyof T]: Loose<T[K]> }
      : T;
type DeepRequired<T> = T extends object ? { [K in keyof T]-?: DeepRequired<NonNullable<T[K]>> } : T;

type Accepts<M extends Methods> = [Argument<official.Authsignal[M]>] extends [Argument<Authsignal[M]>] ? true : false;
type Gives<M extends Methods> = [Result<Authsignal[M]>] extends [Loose<Result<official.Authsignal[M]>>] ? true : false;
type GivesIgnoringOptionality<M extends Methods> = [DeepRequired<Result<Authsignal[M]>>] extends [
  DeepRequired<Loose<Result<official.Authsignal[M]>>>,
]
  ? true
  : false;

/**
 * The spec requires what the API needs for these, where the official interfaces leave it open:
 * a new challenge's action and contact detail, an enrolment's contact detail for its method, and
 * `getChallenge`'s three challenge methods. Official code that passes them type-checks as before.
 */
type StricterArguments = "challenge" | "enrollVerifiedAuthenticator" | "getChallenge";
/** Fields the official interfaces mark required and the spec does not (openapi/README.md, "Response fields marked required"). */
type OptionalInSpec =
  | "challenge"
  | "enrollVerifiedAuthenticator"
  | "getAuthenticators"
  | "getUser"
  | "queryUsers"
  | "validateSession";

describe("the official type names", () => {
  it("are all exported", () => {
    expectTypeOf<
      [
        compat.AaguidMapping,
        compat.ActionAttributes,
        compat.ActionOutput,
        compat.AuthScope,
        compat.Authsignal,
        compat.AuthsignalConstructor,
        compat.AuthsignalError,
        compat.CallConnect,
        compat.CallConnectMessageChannel,
        compat.CallState,
        compat.ChallengeRequest,
        compat.ChallengeResponse,
        compat.ClaimChallengeRequest,
        compat.ClaimChallengeResponse,
        compat.ContinuePostLoginOptions,
        compat.CreateSessionRequest,
        compat.CreateSessionResponse,
        compat.DeleteAuthenticatorRequest,
        compat.DeleteUserRequest,
        compat.EnrollVerifiedAuthenticatorAttributes,
        compat.EnrollVerifiedAuthenticatorRequest,
        compat.EnrollVerifiedAuthenticatorResponse,
        compat.ExecutePostLoginOptions,
        compat.FinishCallRequest,
        compat.FinishCallResponse,
        compat.GetActionRequest,
        compat.GetActionResponse,
        compat.GetAuthenticatorsRequest,
        compat.GetChallengeRequest,
        compat.GetChallengeResponse,
        compat.GetUserRequest,
        compat.GetUserResponse,
        compat.QueryUserActionsRequest,
        compat.QueryUserActionsResponse,
        compat.QueryUsersRequest,
        compat.QueryUsersResponse,
        compat.RefreshSessionRequest,
        compat.RefreshSessionResponse,
        compat.RevokeSessionRequest,
        compat.RevokeUserSessionsRequest,
        compat.Rule,
        compat.SmsChannel,
        compat.StartCallRequest,
        compat.StartCallResponse,
        compat.TokenPayload,
        compat.TrackAttributes,
        compat.TrackRequest,
        compat.TrackResponse,
        compat.UpdateActionRequest,
        compat.UpdateUserRequest,
        compat.UserActionState,
        compat.UserAgent,
        compat.UserAgentBrowser,
        compat.UserAgentCpu,
        compat.UserAgentDevice,
        compat.UserAgentEngine,
        compat.UserAgentOs,
        compat.UserAttributes,
        compat.UserAuthenticator,
        compat.ValidateChallengeRequest,
        compat.ValidateChallengeResponse,
        compat.ValidateSessionRequest,
        compat.ValidateSessionResponse,
        compat.VerificationFailureReason,
        compat.VerificationMethod,
        compat.VerifyRequest,
        compat.VerifyResponse,
        compat.WebauthnCredential,
        compat.Webhook,
        compat.WebhookEvent,
        compat.WebhookEventData,
        compat.WebhookPayload,
      ]
    >().not.toBeNever();
  });
});

describe("the 21 methods", () => {
  it("are all there", () => {
    expectTypeOf<Exclude<Methods, keyof Authsignal>>().toBeNever();
  });

  it("take every argument the official methods take, save where the spec requires what the API needs", () => {
    expectTypeOf<{ [M in Exclude<Methods, StricterArguments>]: Accepts<M> }>().toEqualTypeOf<{
      [M in Exclude<Methods, StricterArguments>]: true;
    }>();
    expectTypeOf<{ [M in StricterArguments]: Accepts<M> }>().toEqualTypeOf<{ [M in StricterArguments]: false }>();
  });

  it("resolve to what the official methods resolve to, enums read as strings", () => {
    expectTypeOf<{ [M in Exclude<Methods, OptionalInSpec>]: Gives<M> }>().toEqualTypeOf<{
      [M in Exclude<Methods, OptionalInSpec>]: true;
    }>();
    expectTypeOf<{ [M in OptionalInSpec]: Gives<M> }>().toEqualTypeOf<{ [M in OptionalInSpec]: false }>();
    // Those differ only in fields being optional: every official field is there, with its type.
    expectTypeOf<{ [M in Methods]: GivesIgnoringOptionality<M> }>().toEqualTypeOf<{ [M in Methods]: true }>();
  });

  it("resolve to undefined where the official methods resolve to void", () => {
    expectTypeOf<Result<Authsignal["deleteUser"]>>().toEqualTypeOf<void>();
    expectTypeOf<Result<Authsignal["deleteAuthenticator"]>>().toEqualTypeOf<void>();
    expectTypeOf<Result<Authsignal["revokeSession"]>>().toEqualTypeOf<void>();
    expectTypeOf<Result<Authsignal["revokeUserSessions"]>>().toEqualTypeOf<void>();
  });

  it("give validateChallenge's result `action`, not the deprecated `actionCode`", () => {
    expectTypeOf<compat.ValidateChallengeResponse>().toHaveProperty("action");
    expectTypeOf<compat.ValidateChallengeResponse>().not.toHaveProperty("actionCode");
  });
});

describe("the classes", () => {
  it("take the official constructor options", () => {
    expectTypeOf<official.AuthsignalConstructor>().toExtend<ConstructorParameters<typeof Authsignal>[0]>();
    expectTypeOf<official.AuthsignalConstructor>().toExtend<ConstructorParameters<typeof CallConnect>[0]>();
    expectTypeOf<Authsignal>().toHaveProperty("apiUrl").toEqualTypeOf<string>();
    expectTypeOf<Authsignal>().toHaveProperty("apiSecretKey").toEqualTypeOf<string>();
    expectTypeOf<Authsignal>().toHaveProperty("webhook").toEqualTypeOf<Webhook>();
  });

  it("give CallConnect the official arguments and results", () => {
    expectTypeOf<Argument<official.CallConnect["finishCall"]>>().toExtend<Argument<CallConnect["finishCall"]>>();
    expectTypeOf<Result<CallConnect["startCall"]>>().toExtend<Loose<Result<official.CallConnect["startCall"]>>>();
    expectTypeOf<Result<CallConnect["finishCall"]>>().toExtend<Loose<Result<official.CallConnect["finishCall"]>>>();
    // A call needs a phone number or an email address to reach the caller (openapi/README.md).
    expectTypeOf<official.StartCallRequest>().not.toExtend<compat.StartCallRequest>();
    expectTypeOf<official.StartCallRequest & { phoneNumber: string }>().toExtend<compat.StartCallRequest>();
  });

  it("verify webhooks synchronously, with the official arguments and the official event", () => {
    expectTypeOf<Parameters<official.Webhook["constructEvent"]>>().toExtend<Parameters<Webhook["constructEvent"]>>();
    expectTypeOf<ReturnType<Webhook["constructEvent"]>>().toEqualTypeOf<compat.WebhookEvent>();
    expectTypeOf<compat.WebhookEvent>().toExtend<official.WebhookEvent>();
    expectTypeOf<official.WebhookEvent>().toExtend<compat.WebhookEvent>();
  });

  it("construct AuthsignalError with the official arguments and fields", () => {
    expectTypeOf<ConstructorParameters<typeof official.AuthsignalError>>().toExtend<
      ConstructorParameters<typeof AuthsignalError>
    >();
    expectTypeOf<AuthsignalError>().toHaveProperty("statusCode").toEqualTypeOf<number>();
    expectTypeOf<AuthsignalError>().toHaveProperty("errorCode").toEqualTypeOf<string>();
    expectTypeOf<AuthsignalError["errorDescription"]>().toEqualTypeOf<string | undefined>();
  });
});

describe("the enums", () => {
  it("accept the official enum types, and are the spec's unions", () => {
    expectTypeOf<official.UserActionState>().toExtend<compat.UserActionState>();
    expectTypeOf<official.VerificationMethod>().toExtend<compat.VerificationMethod>();
    expectTypeOf<official.SmsChannel>().toExtend<compat.SmsChannel>();
    expectTypeOf<official.VerificationFailureReason>().toExtend<compat.VerificationFailureReason>();
    expectTypeOf<official.AuthScope>().toExtend<compat.AuthScope>();
    expectTypeOf<official.CallConnectMessageChannel>().toExtend<compat.CallConnectMessageChannel>();
    expectTypeOf<official.CallState>().toExtend<compat.CallState>();
    expectTypeOf<compat.UserActionState>().toEqualTypeOf<compat.TrackResponse["state"]>();
  });

  it("have each member as a type, as an enum does", () => {
    expectTypeOf<compat.UserActionState.CHALLENGE_REQUIRED>().toEqualTypeOf<"CHALLENGE_REQUIRED">();
    expectTypeOf<compat.VerificationMethod.PASSKEY>().toEqualTypeOf<"PASSKEY">();
    expectTypeOf<compat.AuthScope.readAuthenticators>().toEqualTypeOf<"read:authenticators">();
    expectTypeOf<compat.CallState.CHALLENGE_FAILED>().toEqualTypeOf<"CHALLENGE_FAILED">();
  });
});
