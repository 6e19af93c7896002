// `new Authsignal({ apiSecretKey, apiUrl, retries })` with the 21 methods of @authsignal/node 2.x,
// each a call of the native client built on the same generated table and transport: the same
// auth, retries, timeouts, path checks, refused redirects and body limits as createServerClient.
// What it adds is the official surface: argument names (`actionCodes`), `action` on validate,
// `undefined` where the official methods resolve to void, and the official error.
import { createApiClient, secretKeyCredentials } from "@authsignal-ts/core";
import type { UpdateActionResponse, UpdateUserResponse } from "../generated/methods.ts";
import { operationTable, servers } from "../generated/operation-table.ts";
import type { operations } from "../generated/schema.ts";
import { headers } from "../user-agent.ts";
import { nativeCaller } from "./errors.ts";
import type {
  AuthsignalConstructor,
  ChallengeRequest,
  ChallengeResponse,
  ClaimChallengeRequest,
  ClaimChallengeResponse,
  CreateSessionRequest,
  CreateSessionResponse,
  DeleteAuthenticatorRequest,
  DeleteUserRequest,
  EnrollVerifiedAuthenticatorRequest,
  EnrollVerifiedAuthenticatorResponse,
  GetActionRequest,
  GetActionResponse,
  GetAuthenticatorsRequest,
  GetChallengeRequest,
  GetChallengeResponse,
  GetUserRequest,
  GetUserResponse,
  QueryUserActionsRequest,
  QueryUserActionsResponse,
  QueryUsersRequest,
  QueryUsersResponse,
  RefreshSessionRequest,
  RefreshSessionResponse,
  RevokeSessionRequest,
  RevokeUserSessionsRequest,
  TrackRequest,
  TrackResponse,
  UpdateActionRequest,
  UpdateUserRequest,
  UserAuthenticator,
  ValidateChallengeRequest,
  ValidateChallengeResponse,
  ValidateSessionRequest,
  ValidateSessionResponse,
  VerifyRequest,
  VerifyResponse,
} from "./types.ts";
import { Webhook } from "./webhook.ts";

/** The official SDK's default: the US region's Server API. */
export const DEFAULT_API_URL: string = servers.us;

const definition = { headers, servers, operations: operationTable, credentials: secretKeyCredentials };

/** `retries` as the official SDK reads it: 0, a negative number or NaN turns retries off. */
export function maxRetriesFor(retries: number | undefined): number | undefined {
  if (retries === undefined) return undefined;
  return retries > 0 ? Math.ceil(retries) : 0;
}

/** The official SDK's query parameters are sent only when truthy: `limit: 0` or `email: ""` is left out. */
function truthy<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value)) as Partial<T>;
}

/**
 * The Server API client of `@authsignal/node` 2.x, on this package's transport. Authenticate
 * with the Server API secret key. Every method rejects with `AuthsignalError`.
 */
export class Authsignal {
  /** The Server API's base URL, without a trailing path. */
  apiUrl: string;
  /** Verifies webhook requests with the same secret key, synchronously, as the official SDK does. */
  webhook: Webhook;
  readonly #call;

  constructor({ apiSecretKey, apiUrl, retries }: AuthsignalConstructor) {
    this.apiUrl = apiUrl ?? DEFAULT_API_URL;
    this.webhook = new Webhook(apiSecretKey);
    const baseUrl = this.apiUrl;
    const maxRetries = maxRetriesFor(retries);
    this.#call = nativeCaller(() =>
      createApiClient<operations, typeof operationTable>(definition, { apiSecretKey, baseUrl, maxRetries }),
    );
  }

  /** The Server API secret key. Not an own property, so it stays out of logs of the client. */
  get apiSecretKey(): string {
    return this.webhook.apiSecretKey;
  }

  getUser(request: GetUserRequest): Promise<GetUserResponse> {
    return this.#call((api) => api.getUser({ userId: request.userId }));
  }

  queryUsers(request: QueryUsersRequest): Promise<QueryUsersResponse> {
    return this.#call((api) => {
      const { username, email, phoneNumber, token, limit, lastEvaluatedUserId } = request;
      return api.queryUsers(truthy({ username, email, phoneNumber, token, limit, lastEvaluatedUserId }));
    });
  }

  updateUser(request: UpdateUserRequest): Promise<UpdateUserResponse> {
    return this.#call((api) => api.updateUser({ userId: request.userId, attributes: request.attributes }));
  }

  async deleteUser(request: DeleteUserRequest): Promise<void> {
    await this.#call((api) => api.deleteUser({ userId: request.userId }));
  }

  getAuthenticators(request: GetAuthenticatorsRequest): Promise<UserAuthenticator[]> {
    return this.#call((api) => api.getAuthenticators({ userId: request.userId }));
  }

  enrollVerifiedAuthenticator(
    request: EnrollVerifiedAuthenticatorRequest,
  ): Promise<EnrollVerifiedAuthenticatorResponse> {
    return this.#call((api) =>
      api.enrollVerifiedAuthenticator({ userId: request.userId, attributes: request.attributes }),
    );
  }

  async deleteAuthenticator(request: DeleteAuthenticatorRequest): Promise<void> {
    await this.#call((api) => {
      const { userId, userAuthenticatorId } = request;
      return api.deleteAuthenticator({ userId, userAuthenticatorId });
    });
  }

  track(request: TrackRequest): Promise<TrackResponse> {
    return this.#call((api) => {
      const { userId, action, attributes = {} } = request;
      return api.track({ userId, action, attributes });
    });
  }

  /** Resolves with the action's code as `action`, the official name; the deprecated `actionCode` is dropped. */
  async validateChallenge(request: ValidateChallengeRequest): Promise<ValidateChallengeResponse> {
    const { actionCode, ...rest } = await this.#call((api) => api.validateChallenge(request));
    // The official order: `action` from the body wins, `actionCode` fills in when it is absent.
    return { action: actionCode, ...rest };
  }

  claimChallenge(request: ClaimChallengeRequest): Promise<ClaimChallengeResponse> {
    return this.#call((api) => api.claimChallenge(request));
  }

  getAction(request: GetActionRequest): Promise<GetActionResponse> {
    return this.#call((api) => {
      const { userId, action, idempotencyKey } = request;
      return api.getAction({ userId, action, idempotencyKey });
    });
  }

  queryUserActions(request: QueryUserActionsRequest): Promise<QueryUserActionsResponse> {
    return this.#call((api) => {
      const { userId, fromDate, actionCodes = [], state } = request;
      const codes = actionCodes.length > 0 ? actionCodes : undefined;
      return api.queryUserActions({ userId, ...truthy({ fromDate, state, codes }) });
    });
  }

  updateAction(request: UpdateActionRequest): Promise<UpdateActionResponse> {
    return this.#call((api) => {
      const { userId, action, idempotencyKey, attributes } = request;
      return api.updateAction({ userId, action, idempotencyKey, attributes });
    });
  }

  challenge(request: ChallengeRequest): Promise<ChallengeResponse> {
    return this.#call((api) => api.challenge(request));
  }

  verify(request: VerifyRequest): Promise<VerifyResponse> {
    return this.#call((api) => api.verify(request));
  }

  getChallenge(request: GetChallengeRequest): Promise<GetChallengeResponse> {
    return this.#call((api) => {
      const { challengeId, userId, action, verificationMethod } = request;
      return api.getChallenge(truthy({ challengeId, userId, action, verificationMethod }));
    });
  }

  createSession(request: CreateSessionRequest): Promise<CreateSessionResponse> {
    return this.#call((api) => api.createSession(request));
  }

  validateSession(request: ValidateSessionRequest): Promise<ValidateSessionResponse> {
    return this.#call((api) => api.validateSession(request));
  }

  refreshSession(request: RefreshSessionRequest): Promise<RefreshSessionResponse> {
    return this.#call((api) => api.refreshSession(request));
  }

  async revokeSession(request: RevokeSessionRequest): Promise<void> {
    await this.#call((api) => api.revokeSession(request));
  }

  async revokeUserSessions(request: RevokeUserSessionsRequest): Promise<void> {
    await this.#call((api) => api.revokeUserSessions(request));
  }
}
