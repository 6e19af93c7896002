export type { Logger, RequestOptions } from "@authsignal-ts/core";
export * from "@authsignal-ts/core/errors";
export {
  type ClientApiClient,
  type ClientApiClientOptions,
  type ClientApiRegion,
  createClientApiClient,
} from "./client.ts";
export type { ClientApiCredentials } from "./credentials.ts";
export type * from "./generated/methods.ts";
export type * from "./generated/schema.ts";
