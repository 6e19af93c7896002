import { type ApiClient, type ClientOptions, createApiClient } from "@authsignal-ts/core";
import { operations, servers } from "./generated/operations.ts";
import type { operations as Operations } from "./generated/schema.ts";
import { identity } from "./identity.ts";
import { createWebhookVerifier, type WebhookVerifier } from "./webhook/verifier.ts";

export type ServerRegion = keyof typeof servers;
export type ServerClientOptions = ClientOptions<ServerRegion>;
/** One method per Server API operation, named by its operationId, and `webhook` to verify webhooks. */
export type ServerClient = ApiClient<Operations, typeof operations> & {
  /** Verifies requests Authsignal sends to your webhook endpoints, with the client's secret key. */
  readonly webhook: WebhookVerifier;
};

const definition = { identity, servers, operations };

/** A client for the Server API. Authenticate with the Server API secret key. */
export function createServerClient(options: ServerClientOptions): ServerClient {
  const client = createApiClient<Operations, typeof operations>(definition, options);
  // Created after createApiClient, which has already rejected a missing or empty secret key.
  return Object.assign(client, { webhook: createWebhookVerifier(options.apiSecretKey) });
}
