import { type ClientOptions, createApiClient } from "@authsignal-ts/core";
import type { ManagementMethods } from "./generated/methods.ts";
import { operations, servers } from "./generated/operations.ts";
import type { operations as Operations } from "./generated/schema.ts";
import { identity } from "./identity.ts";

export type ManagementRegion = keyof typeof servers;
export type ManagementClientOptions = ClientOptions<ManagementRegion>;
/** One method per Management API operation, declared and documented in `generated/methods.ts`. */
export interface ManagementClient extends ManagementMethods {}

const definition = { identity, servers, operations };

/** A client for the Management API. Authenticate with the Management API secret key. */
export function createManagementClient(options: ManagementClientOptions): ManagementClient {
  return createApiClient<Operations, typeof operations>(definition, options);
}
