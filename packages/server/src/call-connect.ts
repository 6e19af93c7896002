import { type ClientOptions, createApiClient, secretKeyCredentials } from "@authsignal-ts/core";
import type { CallConnectMethods } from "./generated/call-connect/methods.ts";
import { operationTable, servers } from "./generated/call-connect/operation-table.ts";
import type { operations } from "./generated/call-connect/schema.ts";
import { headers } from "./user-agent.ts";

export type {
  CallConnectMethods,
  FinishCallRequest,
  FinishCallResponse,
  StartCallRequest,
  StartCallResponse,
} from "./generated/call-connect/methods.ts";
export type {
  CallConnectChannel,
  CallState,
  operations as CallConnectOperations,
  paths as CallConnectPaths,
} from "./generated/call-connect/schema.ts";

/** The regions Call Connect is known to run in; for any other, pass `baseUrl`. */
export type CallConnectRegion = keyof typeof servers;
export type CallConnectClientOptions = ClientOptions<CallConnectRegion>;
/** `startCall` and `finishCall`, the Call Connect API's operations (declared in `generated/call-connect/methods.ts`). */
export interface CallConnectClient extends CallConnectMethods {}

const definition = { headers, servers, operations: operationTable, credentials: secretKeyCredentials };

/**
 * A client for the Call Connect API, which has its own host (`https://us-connect.authsignal.com`
 * in the default region). Authenticate with the Call Connect secret key.
 */
export function createCallConnectClient(options: CallConnectClientOptions): CallConnectClient {
  return createApiClient<operations, typeof operationTable>(definition, options);
}
