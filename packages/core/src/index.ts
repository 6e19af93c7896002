// What the public packages import from core: only names something outside core uses. The error
// classes are also `@authsignal-ts/core/errors`, which each package's index re-exports whole.
export { createApiClient } from "./client.ts";
export {
  type ApiDefinition,
  type ClientOptions,
  type Credentials,
  checkSecretKey,
  secretKeyCredentials,
  type TransportOptions,
} from "./config.ts";
export { errorClassBrand } from "./error-brand.ts";
export * from "./errors.ts";
export type { Logger } from "./logger.ts";
export type { ApiClient } from "./method-types.ts";
export type { OperationTable } from "./operation.ts";
export type { RequestOptions } from "./request-options.ts";
