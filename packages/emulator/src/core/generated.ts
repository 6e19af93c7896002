// The build-time tables of each API (src/generated/<api>-operations.js, from its bundled spec):
// its operations, which the router matches, and a validator of each schema they name. An API's
// are loaded when a request for it first arrives, so starting an emulator reads neither spec nor
// compiles a schema, and a process that never calls the Management API never loads its tables.
import type { ValidateFunction } from "ajv";
import type { Operation } from "./operations.ts";
import type { ApiName } from "./spec.ts";

export interface ApiTables {
  operations: Operation[];
  /** By `<api>#<JSON pointer into that spec>`. */
  requestValidators: Record<string, ValidateFunction>;
}

const importers: Record<ApiName, () => Promise<ApiTables>> = {
  server: () => import("../generated/server-operations.js"),
  management: () => import("../generated/management-operations.js"),
};
const loaded: Partial<Record<ApiName, ApiTables>> = {};

/** Loads the named API's tables, once. */
export async function loadApiTables(api: ApiName): Promise<void> {
  loaded[api] ??= await importers[api]();
}

/** The named API's tables, which loadApiTables must have loaded. */
export function apiTables(api: ApiName): ApiTables {
  const tables = loaded[api];
  if (!tables) throw new Error(`The ${api} API's tables are not loaded yet (loadApiTables)`);
  return tables;
}
