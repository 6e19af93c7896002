// The conformance project's one setup: the emulator behind the package's Prism harness (its
// command, and a `prism proxy --errors` per API), and clients whose fetch keeps each path they
// called, for the tests that check every operation was.
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
  return {
    server: serverWithKey(harness.serverSecret),
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
