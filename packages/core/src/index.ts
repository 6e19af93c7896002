export { type ApiDefinition, createApiClient } from "./client.ts";
export { type ClientOptions, checkSecretKey, defaults, type PackageIdentity } from "./config.ts";
export { errorClassBrand } from "./error-brand.ts";
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
} from "./errors.ts";
export type { Logger } from "./logger.ts";
export type {
  ApiClient,
  ApiMethod,
  ApiMethods,
  IteratorMethod,
  IteratorMethods,
  MethodArgs,
  MethodResult,
} from "./method-types.ts";
export type { HttpMethod, OperationSpec, OperationTable, PaginationSpec } from "./operation.ts";
export type { RequestOptions } from "./request-options.ts";
