import { type ApiClient, type ClientOptions, createApiClient } from "@authsignal-ts/core";
import { operations, servers } from "./generated/call-connect/operations.ts";
import type { operations as Operations } from "./generated/call-connect/schema.ts";
import { identity } from "./identity.ts";

export type {
  CallConnectChannel,
  CallState,
  FinishCallRequest,
  FinishCallResponse,
  operations as CallConnectOperations,
  paths as CallConnectPaths,
  StartCallRequest,
  StartCallResponse,
} from "./generated/call-connect/schema.ts";

/** The regions Call Connect is known to run in; for any other, pass `baseUrl`. */
export type CallConnectRegion = keyof typeof servers;
export type CallConnectClientOptions = ClientOptions<CallConnectRegion>;
/** `startCall` and `finishCall`, the Call Connect API's operations. */
export type CallConnectClient = ApiClient<Operations, typeof operations>;

const definition = { identity, servers, operations };

/**
 * A client for the Call Connect API, which has its own host (`https://us-connect.authsignal.com`
 * in the default region). Authenticate with the Call Connect secret key.
 */
export function createCallConnectClient(options: CallConnectClientOptions): CallConnectClient {
  return createApiClient<Operations, typeof operations>(definition, options);
}
