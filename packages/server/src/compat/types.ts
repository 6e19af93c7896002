// The type names @authsignal/node exports, each the type generated from the spec where one exists,
// so the compat client and the native one describe the same wire. Where the spec is more precise
// than the official interfaces (an optional field the API may omit, an enrolment that needs the
// contact detail its method sends to), the spec's type stands: see the README's "Moving from
// @authsignal/node". A generated type of the official name is exported as it is rather than
// aliased: the bundled declarations would then hold two types of one name and rename the
// generated one (`TrackAttributes$1`), which hovers and errors would print.
import type { ValidateChallengeResponse as ValidateChallengeResponseSchema } from "../generated/methods.ts";
import type {
  ActionRule,
  EnrollVerifiedAuthenticatorAttributes,
  operations,
  ParsedUserAgent,
  SessionTokens,
  TrackAttributes,
  UpdateActionAttributes,
  UpdateUserAttributes,
  UserActionSummary,
} from "../generated/schema.ts";

export type {
  ChallengeRequest,
  ChallengeResponse,
  ClaimChallengeRequest,
  ClaimChallengeResponse,
  CreateSessionRequest,
  EnrollVerifiedAuthenticatorResponse,
  GetActionResponse,
  GetChallengeResponse,
  GetUserResponse,
  QueryUsersResponse,
  RefreshSessionRequest,
  RevokeSessionRequest,
  RevokeUserSessionsRequest,
  TrackResponse,
  ValidateChallengeRequest,
  ValidateSessionRequest,
  ValidateSessionResponse,
  VerifyRequest,
  VerifyResponse,
} from "../generated/methods.ts";
export type {
  AaguidMapping,
  ActionOutput,
  EnrollVerifiedAuthenticatorAttributes,
  TokenPayload,
  TrackAttributes,
  UserAgentBrowser,
  UserAgentCpu,
  UserAgentDevice,
  UserAgentEngine,
  UserAgentOs,
  UserAuthenticator,
  WebauthnCredential,
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

export type QueryUsersRequest = QueryOf<"queryUsers">;

export type UpdateUserRequest = PathOf<"updateUser"> & { attributes: UserAttributes };
/** The fields `updateUser` sets. It resolves to the user's fields after the update. */
export type UserAttributes = UpdateUserAttributes;

export type DeleteUserRequest = PathOf<"deleteUser">;

export type TrackRequest = PathOf<"track"> & { attributes?: TrackAttributes };

export type GetActionRequest = PathOf<"getAction">;
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
export type UserAgent = ParsedUserAgent;

export type EnrollVerifiedAuthenticatorRequest = PathOf<"enrollVerifiedAuthenticator"> & {
  attributes: EnrollVerifiedAuthenticatorAttributes;
};

export type DeleteAuthenticatorRequest = PathOf<"deleteAuthenticator">;

/** The API sends the action's code as `action` and as the deprecated `actionCode`; this has `action` alone. */
export type ValidateChallengeResponse = Omit<ValidateChallengeResponseSchema, "actionCode">;

export type GetChallengeRequest = QueryOf<"getChallenge">;

export type CreateSessionResponse = SessionTokens;
export type RefreshSessionResponse = SessionTokens;
