import { type ClientOptions, createApiClient } from "@authsignal-ts/core";
import type { ManagementMethods } from "./generated/methods.ts";
import { operationTable, servers } from "./generated/operation-table.ts";
import type { operations } from "./generated/schema.ts";
import { identity } from "./identity.ts";

export type ManagementRegion = keyof typeof servers;
export type ManagementClientOptions = ClientOptions<ManagementRegion>;
/** One method per Management API operation, declared and documented in `generated/methods.ts`. */
export interface ManagementClient extends ManagementMethods {}

const definition = { identity, servers, operations: operationTable };

/** A client for the Management API. Authenticate with the Management API secret key. */
export function createManagementClient(options: ManagementClientOptions): ManagementClient {
  return createApiClient<operations, typeof operationTable>(definition, options);
}
