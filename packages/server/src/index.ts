export type { Logger, RequestOptions } from "@authsignal-ts/core";
export * from "@authsignal-ts/core/errors";
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
