// The type names @authsignal/node exports, each an alias of the type generated from the spec
// where one exists, so the compat client and the native one describe the same wire. Where the
// spec is more precise than the official interfaces (an optional field the API may omit, an
// enrolment that needs the contact detail its method sends to), the spec's type stands: see the
// README's "Moving from @authsignal/node".
import type {
  ChallengeRequest as ChallengeRequestSchema,
  ChallengeResponse as ChallengeResponseSchema,
  ClaimChallengeRequest as ClaimChallengeRequestSchema,
  ClaimChallengeResponse as ClaimChallengeResponseSchema,
  CreateSessionRequest as CreateSessionRequestSchema,
  EnrollVerifiedAuthenticatorResponse as EnrollVerifiedAuthenticatorResponseSchema,
  GetActionResponse as GetActionResponseSchema,
  GetChallengeResponse as GetChallengeResponseSchema,
  GetUserResponse as GetUserResponseSchema,
  QueryUsersResponse as QueryUsersResponseSchema,
  RefreshSessionRequest as RefreshSessionRequestSchema,
  RevokeSessionRequest as RevokeSessionRequestSchema,
  RevokeUserSessionsRequest as RevokeUserSessionsRequestSchema,
  TrackResponse as TrackResponseSchema,
  ValidateChallengeRequest as ValidateChallengeRequestSchema,
  ValidateChallengeResponse as ValidateChallengeResponseSchema,
  ValidateSessionRequest as ValidateSessionRequestSchema,
  ValidateSessionResponse as ValidateSessionResponseSchema,
  VerifyRequest as VerifyRequestSchema,
  VerifyResponse as VerifyResponseSchema,
} from "../generated/methods.ts";
import type {
  ActionRule,
  EnrollVerifiedAuthenticatorAttributes as EnrollVerifiedAuthenticatorAttributesSchema,
  operations,
  ParsedUserAgent,
  SessionTokens,
  TrackAttributes as TrackAttributesSchema,
  UpdateActionAttributes,
  UpdateUserAttributes,
  UserActionSummary,
  UserAuthenticator as UserAuthenticatorSchema,
  WebauthnCredential as WebauthnCredentialSchema,
} from "../generated/schema.ts";

type PathOf<Name extends keyof operations> = operations[Name]["parameters"]["path"];
type QueryOf<Name extends keyof operations> = NonNullable<operations[Name]["parameters"]["query"]>;

/** The options of `new Authsignal(…)` and `new CallConnect(…)`. */
export interface AuthsignalConstructor {
  /** The secret key: the Server API's for `Authsignal`, the Call Connect API's for `CallConnect`. */
  apiSecretKey: string;
  /**
   * The API's base URL, for a region other than the US one or a mock server.
   * @default "https://api.authsignal.com/v1" (`Authsignal`), "https://us-connect.authsignal.com" (`CallConnect`)
   */
  apiUrl?: string;
  /**
   * How many times a failed attempt is retried when that is safe; `0` or less turns retries off.
   * @default 2
   */
  retries?: number;
}

export type GetUserRequest = PathOf<"getUser">;
export type GetUserResponse = GetUserResponseSchema;

export type QueryUsersRequest = QueryOf<"queryUsers">;
export type QueryUsersResponse = QueryUsersResponseSchema;
/** What the `token` of `queryUsers` decoded to. */
export type TokenPayload = NonNullable<QueryUsersResponseSchema["tokenPayload"]>;

export type UpdateUserRequest = PathOf<"updateUser"> & { attributes: UserAttributes };
/** The fields `updateUser` sets. It resolves to the user's fields after the update. */
export type UserAttributes = UpdateUserAttributes;

export type DeleteUserRequest = PathOf<"deleteUser">;

export type TrackRequest = PathOf<"track"> & { attributes?: TrackAttributes };
export type TrackAttributes = TrackAttributesSchema;
export type TrackResponse = TrackResponseSchema;

export type GetActionRequest = PathOf<"getAction">;
export type GetActionResponse = GetActionResponseSchema;
/** The outputs the action's rules produced. */
export type ActionOutput = NonNullable<GetActionResponseSchema["output"]>;
/** A rule that matched an action. */
export type Rule = ActionRule;

/** `actionCodes` is sent as the API's comma-separated `codes` query parameter. */
export type QueryUserActionsRequest = PathOf<"queryUserActions"> & {
  fromDate?: QueryOf<"queryUserActions">["fromDate"];
  actionCodes?: QueryOf<"queryUserActions">["codes"];
  state?: QueryOf<"queryUserActions">["state"];
};
export type QueryUserActionsResponse = UserActionSummary[];

export type UpdateActionRequest = PathOf<"updateAction"> & { attributes: ActionAttributes };
/** The state `updateAction` sets. It resolves to the action after the update. */
export type ActionAttributes = UpdateActionAttributes;

export type GetAuthenticatorsRequest = PathOf<"getAuthenticators">;
export type UserAuthenticator = UserAuthenticatorSchema;
export type WebauthnCredential = WebauthnCredentialSchema;
export type AaguidMapping = NonNullable<WebauthnCredentialSchema["aaguidMapping"]>;
export type UserAgent = ParsedUserAgent;
export type UserAgentBrowser = NonNullable<ParsedUserAgent["browser"]>;
export type UserAgentDevice = NonNullable<ParsedUserAgent["device"]>;
export type UserAgentEngine = NonNullable<ParsedUserAgent["engine"]>;
export type UserAgentOs = NonNullable<ParsedUserAgent["os"]>;
export type UserAgentCpu = NonNullable<ParsedUserAgent["cpu"]>;

export type EnrollVerifiedAuthenticatorRequest = PathOf<"enrollVerifiedAuthenticator"> & {
  attributes: EnrollVerifiedAuthenticatorAttributes;
};
export type EnrollVerifiedAuthenticatorAttributes = EnrollVerifiedAuthenticatorAttributesSchema;
export type EnrollVerifiedAuthenticatorResponse = EnrollVerifiedAuthenticatorResponseSchema;

export type DeleteAuthenticatorRequest = PathOf<"deleteAuthenticator">;

export type ValidateChallengeRequest = ValidateChallengeRequestSchema;
/** The API sends the action's code as `action` and as the deprecated `actionCode`; this has `action` alone. */
export type ValidateChallengeResponse = Omit<ValidateChallengeResponseSchema, "actionCode">;

export type ClaimChallengeRequest = ClaimChallengeRequestSchema;
export type ClaimChallengeResponse = ClaimChallengeResponseSchema;

export type GetChallengeRequest = QueryOf<"getChallenge">;
export type GetChallengeResponse = GetChallengeResponseSchema;

export type ChallengeRequest = ChallengeRequestSchema;
export type ChallengeResponse = ChallengeResponseSchema;

export type VerifyRequest = VerifyRequestSchema;
export type VerifyResponse = VerifyResponseSchema;

export type CreateSessionRequest = CreateSessionRequestSchema;
export type CreateSessionResponse = SessionTokens;
export type ValidateSessionRequest = ValidateSessionRequestSchema;
export type ValidateSessionResponse = ValidateSessionResponseSchema;
export type RefreshSessionRequest = RefreshSessionRequestSchema;
export type RefreshSessionResponse = SessionTokens;
export type RevokeSessionRequest = RevokeSessionRequestSchema;
export type RevokeUserSessionsRequest = RevokeUserSessionsRequestSchema;
