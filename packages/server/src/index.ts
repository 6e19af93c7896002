export {
  AuthsignalApiError,
  AuthsignalError,
  AuthsignalValidationError,
  type RequestOptions,
} from "@authsignal-ts/core";
export {
  createServerClient,
  createServerFetchClient,
  type ServerClient,
  type ServerClientOptions,
  type ServerRegion,
} from "./client.ts";
export type * from "./generated/schema.ts";
