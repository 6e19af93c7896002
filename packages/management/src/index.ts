export {
  AuthsignalApiError,
  AuthsignalError,
  AuthsignalValidationError,
  type RequestOptions,
} from "@authsignal-ts/core";
export {
  createManagementClient,
  createManagementFetchClient,
  type ManagementClient,
  type ManagementClientOptions,
  type ManagementRegion,
} from "./client.ts";
export type * from "./generated/schema.ts";
