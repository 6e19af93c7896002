// The Client API as an openapi-fetch client, on its own entry point
// (`@authsignal-ts/client/fetch-client`) so that openapi-fetch loads only for those who use it.
import { createFetchClient } from "@authsignal-ts/core/fetch-client";
import type { Client } from "openapi-fetch";
import type { ClientApiClientOptions } from "./client.ts";
import { type ClientApiCredentials, clientApiCredentials } from "./credentials.ts";
import { operationTable, servers } from "./generated/operation-table.ts";
import type { paths } from "./generated/schema.ts";

/**
 * The same API as an openapi-fetch client, for `{ data, error, response }` results instead of
 * exceptions, on the same transport and credentials. It also reaches the `/web` routes, which have
 * no methods of their own.
 */
export function createClientApiFetchClient(options: ClientApiClientOptions): Client<paths> {
  return createFetchClient<paths, ClientApiCredentials>(
    { servers, operations: operationTable, credentials: clientApiCredentials },
    options,
  );
}
