export {
  AuthsignalAbortError,
  AuthsignalApiError,
  AuthsignalAuthenticationError,
  AuthsignalBadRequestError,
  AuthsignalConflictError,
  AuthsignalConnectionError,
  AuthsignalError,
  AuthsignalInternalServerError,
  AuthsignalNotFoundError,
  AuthsignalPermissionDeniedError,
  AuthsignalRateLimitError,
  AuthsignalResponseError,
  AuthsignalTimeoutError,
  AuthsignalUnprocessableEntityError,
  AuthsignalValidationError,
  type Logger,
  type RequestOptions,
} from "@authsignal-ts/core";
export {
  createManagementClient,
  type ManagementClient,
  type ManagementClientOptions,
  type ManagementRegion,
} from "./client.ts";
export type * from "./generated/methods.ts";
export type * from "./generated/schema.ts";
