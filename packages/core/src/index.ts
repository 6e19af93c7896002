export { type ApiDefinition, createApiClient } from "./client.ts";
export type { ClientOptions, PackageIdentity } from "./config.ts";
export {
  AuthsignalApiError,
  AuthsignalError,
  type AuthsignalErrorDetails,
  AuthsignalValidationError,
} from "./errors.ts";
export { createFetchClient } from "./fetch-client.ts";
export type { ApiMethod, ApiMethods, MethodArgs, MethodResult } from "./method-types.ts";
export type { HttpMethod, OperationSpec, OperationTable, PathParamSpec, QueryParamSpec } from "./operation.ts";
export type { RequestOptions } from "./request-options.ts";
