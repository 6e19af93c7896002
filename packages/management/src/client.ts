import { type ClientOptions, createApiClient, secretKeyCredentials } from "@authsignal-ts/core";
import type { ManagementMethods } from "./generated/methods.ts";
import { operationTable, servers } from "./generated/operation-table.ts";
import type { operations } from "./generated/schema.ts";
import { headers } from "./user-agent.ts";

export type ManagementRegion = keyof typeof servers;
export type ManagementClientOptions = ClientOptions<ManagementRegion>;
/** One method per Management API operation, declared and documented in `generated/methods.ts`. */
export interface ManagementClient extends ManagementMethods {}

const definition = { headers, servers, operations: operationTable, credentials: secretKeyCredentials };

/** A client for the Management API. Authenticate with the Management API secret key. */
export function createManagementClient(options: ManagementClientOptions): ManagementClient {
  return createApiClient<operations, typeof operationTable>(definition, options);
}
