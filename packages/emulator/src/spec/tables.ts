// The emulated APIs and their generated tables (generated/<api>-routes.ts, with the request
// validators of generated/<api>-validators.js). An API's tables are loaded when a request for it
// first arrives, so starting an emulator loads neither, and a process that never calls the
// Management API never loads its tables.
import type { ValidateFunction } from "ajv";
import type { Operation } from "./operation.ts";

export type ApiName = "server" | "management" | "client";
/** The APIs a secret key opens; the Client API takes a user's token or the tenant ID instead. */
export type KeyedApi = Exclude<ApiName, "client">;

export interface ApiTables {
  operations: readonly Operation[];
  /** By the JSON pointer of the schema in the bundled spec. */
  requestValidators: Record<string, ValidateFunction>;
}

const importers: Record<ApiName, () => Promise<ApiTables>> = {
  server: () => import("./generated/server-routes.ts"),
  management: () => import("./generated/management-routes.ts"),
  client: () => import("./generated/client-routes.ts"),
};
const loaded: Partial<Record<ApiName, ApiTables>> = {};

/** Loads the named API's tables, once. */
export async function loadApiTables(api: ApiName): Promise<void> {
  loaded[api] ??= await importers[api]();
}

/** Whether the named API's tables are loaded. */
export const isApiLoaded = (api: ApiName): boolean => loaded[api] !== undefined;

/** The named API's tables, which loadApiTables must have loaded. */
export function apiTables(api: ApiName): ApiTables {
  const tables = loaded[api];
  if (!tables) throw new Error(`The ${api} API's tables are not loaded yet (loadApiTables)`);
  return tables;
}
