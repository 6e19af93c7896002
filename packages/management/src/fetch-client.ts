// The Management API as an openapi-fetch client, on its own entry point
// (`@authsignal-ts/management/fetch-client`) so that openapi-fetch loads only for those who use it.
import { secretKeyCredentials } from "@authsignal-ts/core";
import { createFetchClient } from "@authsignal-ts/core/fetch-client";
import type { Client } from "openapi-fetch";
import type { ManagementClientOptions } from "./client.ts";
import { operationTable, servers } from "./generated/operation-table.ts";
import type { paths } from "./generated/schema.ts";
import { headers } from "./user-agent.ts";

/**
 * The same API as an openapi-fetch client, for `{ data, error, response }` results instead of
 * exceptions, on the same transport: auth, timeouts and retries.
 */
export function createManagementFetchClient(options: ManagementClientOptions): Client<paths> {
  return createFetchClient<paths>(
    { headers, servers, operations: operationTable, credentials: secretKeyCredentials },
    options,
  );
}
