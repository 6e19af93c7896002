import { createApiClient, type TransportOptions } from "@authsignal-ts/core";
import { type ClientApiCredentials, clientApiCredentials } from "./credentials.ts";
import type { ClientApiMethods } from "./generated/methods.ts";
import { operationTable, servers } from "./generated/operation-table.ts";
import type { operations } from "./generated/schema.ts";

export type ClientApiRegion = keyof typeof servers;
export interface ClientApiClientOptions extends TransportOptions<ClientApiRegion>, ClientApiCredentials {}

/**
 * A Client API client: one method per operation (declared and documented in
 * `generated/methods.ts`), and `withToken` for the calls a new token allows.
 */
export interface ClientApiClient extends ClientApiMethods {
  /**
   * The same client with another token: the one `track` returned, or one a verification did.
   * @example
   * ```ts
   * const user = clientApi.withToken(trackResult.token!);
   * ```
   */
  withToken(token: string): ClientApiClient;
}

// No headers of the API's own, so no User-Agent: in a browser it would widen the CORS preflight
// beyond what the official SDK's requests need (authorization and content-type).
const definition = { servers, operations: operationTable, credentials: clientApiCredentials };

/** A client for the Client API, as a user's own app calls it: with the tenant ID, and the user's token once there is one. */
export function createClientApiClient(options: ClientApiClientOptions): ClientApiClient {
  const client: ClientApiMethods = createApiClient<operations, typeof operationTable, ClientApiCredentials>(
    definition,
    options,
  );
  return Object.assign(client, {
    withToken: (token: string) => createClientApiClient({ ...options, token }),
  });
}
