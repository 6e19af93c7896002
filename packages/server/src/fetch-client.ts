// The Server API as an openapi-fetch client, on its own entry point
// (`@authsignal-ts/server/fetch-client`) so that openapi-fetch loads only for those who use it.
import { secretKeyCredentials } from "@authsignal-ts/core";
import { createFetchClient } from "@authsignal-ts/core/fetch-client";
import type { Client } from "openapi-fetch";
import type { CallConnectClientOptions } from "./call-connect.ts";
import type { ServerClientOptions } from "./client.ts";
import {
  operationTable as callConnectOperationTable,
  servers as callConnectServers,
} from "./generated/call-connect/operation-table.ts";
import type { paths as callConnectPaths } from "./generated/call-connect/schema.ts";
import { operationTable, servers } from "./generated/operation-table.ts";
import type { paths } from "./generated/schema.ts";
import { headers } from "./user-agent.ts";

/**
 * The same API as an openapi-fetch client, for `{ data, error, response }` results instead of
 * exceptions, on the same transport: auth, timeouts and retries.
 */
export function createServerFetchClient(options: ServerClientOptions): Client<paths> {
  return createFetchClient<paths>(
    { headers, servers, operations: operationTable, credentials: secretKeyCredentials },
    options,
  );
}

/** The Call Connect API as an openapi-fetch client, on its own host, with the Call Connect secret key. */
export function createCallConnectFetchClient(options: CallConnectClientOptions): Client<callConnectPaths> {
  return createFetchClient<callConnectPaths>(
    { headers, servers: callConnectServers, operations: callConnectOperationTable, credentials: secretKeyCredentials },
    options,
  );
}
