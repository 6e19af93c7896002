// The conformance project's one setup: the emulator behind the package's Prism harness (its
// command, and a `prism proxy --errors` per API), and clients whose fetch keeps each path they
// called, for the tests that check every operation was.
import { type ClientApiClient, createClientApiClient } from "@authsignal-ts/client";
import { createClientApiFetchClient } from "@authsignal-ts/client/fetch-client";
import { createManagementClient, type ManagementClient } from "@authsignal-ts/management";
import { createServerClient, type ServerClient } from "@authsignal-ts/server";
import {
  type EmulatorBehindPrism,
  type EmulatorBehindPrismOptions,
  startEmulatorBehindPrism,
} from "../../src/prism.ts";

export interface ThroughPrism {
  server: ServerClient;
  management: ManagementClient;
  /** A Server client with another key, through the same proxy. */
  serverWithKey(apiSecretKey: string): ServerClient;
  /** The sign-in page's Client API client: the tenant ID, and `withToken` for a user's. */
  clientApi: ClientApiClient;
  /** The same, as openapi-fetch, for the `/web` routes. */
  clientApiFetch(token?: string): ReturnType<typeof createClientApiFetchClient>;
  /** The harness: `takeFindings()` lists what Prism found. */
  harness: EmulatorBehindPrism;
  /** Each `METHOD /path` that was answered. */
  answered: Set<string>;
  stop(): Promise<void>;
}

/** An emulator started with `options`, reached only through a Prism proxy of each spec. */
export async function emulatorThroughPrism(options: EmulatorBehindPrismOptions = {}): Promise<ThroughPrism> {
  const harness = await startEmulatorBehindPrism(options);
  const answered = new Set<string>();
  const recording: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    answered.add(`${init?.method ?? "GET"} ${new URL(String(input)).pathname}`);
    return response;
  };
  const serverWithKey = (apiSecretKey: string) =>
    createServerClient({ apiSecretKey, baseUrl: harness.serverApiUrl, fetch: recording, maxRetries: 0 });
  // The emulator's own tenant, read past Prism: its ID is what a page is configured with.
  const tenant = await fetch(`${harness.url}/_emulator/v1/state`).then(
    async (response) => ((await response.json()) as { management: { tenant: { tenantId: string } } }).management.tenant,
  );
  const clientOptions = { tenantId: tenant.tenantId, baseUrl: harness.clientApiUrl, fetch: recording, maxRetries: 0 };
  return {
    server: serverWithKey(harness.serverSecret),
    clientApi: createClientApiClient(clientOptions),
    clientApiFetch: (token) => createClientApiFetchClient({ ...clientOptions, ...(token !== undefined && { token }) }),
    serverWithKey,
    management: createManagementClient({
      apiSecretKey: harness.managementSecret,
      baseUrl: harness.managementApiUrl,
      fetch: recording,
      maxRetries: 0,
    }),
    harness,
    answered,
    stop: harness.stop,
  };
}
