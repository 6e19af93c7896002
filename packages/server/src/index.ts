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
  type CallConnectChannel,
  type CallConnectClient,
  type CallConnectClientOptions,
  type CallConnectMethods,
  type CallConnectOperations,
  type CallConnectPaths,
  type CallConnectRegion,
  type CallState,
  createCallConnectClient,
  type FinishCallRequest,
  type FinishCallResponse,
  type StartCallRequest,
  type StartCallResponse,
} from "./call-connect.ts";
export {
  createServerClient,
  type ServerClient,
  type ServerClientOptions,
  type ServerRegion,
} from "./client.ts";
export type * from "./generated/methods.ts";
export type * from "./generated/schema.ts";
export * from "./webhook/index.ts";
