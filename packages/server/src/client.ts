import { type ApiClient, type ClientOptions, createApiClient, createFetchClient } from "@authsignal-ts/core";
import type { Client } from "openapi-fetch";
import { name, version } from "../package.json" with { type: "json" };
import { operations, servers } from "./generated/operations.ts";
import type { operations as Operations, paths } from "./generated/schema.ts";

export type ServerRegion = keyof typeof servers;
export type ServerClientOptions = ClientOptions<ServerRegion>;
/** One method per Server API operation, named by its operationId. */
export type ServerClient = ApiClient<Operations, typeof operations>;

const definition = { identity: { name, version }, servers, operations };

/** A client for the Server API. Authenticate with the Server API secret key. */
export function createServerClient(options: ServerClientOptions): ServerClient {
  return createApiClient<Operations, typeof operations>(definition, options);
}

/** The same API as an openapi-fetch client, for `{ data, error, response }` results. */
export function createServerFetchClient(options: ServerClientOptions): Client<paths> {
  return createFetchClient<paths>(definition, options);
}
