import { type ClientOptions, createApiClient, secretKeyCredentials } from "@authsignal-ts/core";
import type { ServerMethods } from "./generated/methods.ts";
import { operationTable, servers } from "./generated/operation-table.ts";
import type { operations } from "./generated/schema.ts";
import { headers } from "./user-agent.ts";
import { createWebhookVerifier, type WebhookVerifier } from "./webhook/verifier.ts";

export type ServerRegion = keyof typeof servers;
export type ServerClientOptions = ClientOptions<ServerRegion>;
/**
 * A Server API client: one method per operation (declared and documented in
 * `generated/methods.ts`), `iterateUsers`, and `webhook` to verify webhooks.
 */
export interface ServerClient extends ServerMethods {
  /**
   * Verifies requests Authsignal sends to your webhook endpoints, with the client's secret key:
   * `constructEvent` resolves to the event, or rejects with `AuthsignalWebhookError`.
   *
   * @see https://docs.authsignal.com/advanced-usage/webhooks/verify-requests
   * @example
   * ```ts
   * const event = await server.webhook.constructEvent(await request.text(), request.headers.get("x-signature-v2"));
   * ```
   */
  readonly webhook: WebhookVerifier;
}

const definition = { headers, servers, operations: operationTable, credentials: secretKeyCredentials };

/** A client for the Server API. Authenticate with the Server API secret key. */
export function createServerClient(options: ServerClientOptions): ServerClient {
  // The generated declarations must agree with the methods derived from the table and the spec's
  // types; a test checks that they are equal, and this assignment that the runtime fits them.
  const client: ServerMethods = createApiClient<operations, typeof operationTable>(definition, options);
  // Created after createApiClient, which has already rejected a missing or empty secret key.
  return Object.assign(client, { webhook: createWebhookVerifier(options.apiSecretKey) });
}
