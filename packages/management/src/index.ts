export type { Logger, RequestOptions } from "@authsignal-ts/core";
export * from "@authsignal-ts/core/errors";
export {
  createManagementClient,
  type ManagementClient,
  type ManagementClientOptions,
  type ManagementRegion,
} from "./client.ts";
export type * from "./generated/methods.ts";
export type * from "./generated/schema.ts";
