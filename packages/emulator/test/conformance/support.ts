// The conformance project's one setup: an emulator behind a `prism proxy --errors` per API, and
// clients whose fetch keeps every violation Prism reports (in `sl-violations`; a broken answer
// also becomes a 500) with the call it came from.
import { createRequire } from "node:module";
import { createManagementClient, type ManagementClient } from "@authsignal-ts/management";
import { type PrismMock, startPrismProxy } from "@authsignal-ts/scripts/testing/prism";
import { createServerClient, type ServerClient } from "@authsignal-ts/server";
import { type RunningEmulator, type StartEmulatorOptions, startEmulator } from "../../src/index.ts";

const require = createRequire(import.meta.url);
const specs = {
  server: require.resolve("@authsignal-ts/server/openapi.json"),
  management: require.resolve("@authsignal-ts/management/openapi.json"),
};

export interface ThroughPrism {
  server: ServerClient;
  management: ManagementClient;
  /** A Server client with another key, through the same proxy. */
  serverWithKey(apiSecretKey: string): ServerClient;
  /** Each violation Prism reported, as `METHOD URL: violations`. */
  violations: string[];
  /** Each `METHOD /path` that was answered. */
  answered: Set<string>;
  stop(): Promise<void>;
}

/** An emulator started with `options`, reached only through a Prism proxy of each spec. */
export async function emulatorThroughPrism(options: StartEmulatorOptions = {}): Promise<ThroughPrism> {
  const running: RunningEmulator = await startEmulator({ port: 0, ...options });
  let proxies: PrismMock[] = [];
  try {
    proxies = await Promise.all([
      startPrismProxy(specs.server, running.serverApiUrl),
      startPrismProxy(specs.management, running.managementApiUrl),
    ]);
  } catch (error) {
    await running.stop();
    throw error;
  }
  const [serverProxy, managementProxy] = proxies as [PrismMock, PrismMock];
  const violations: string[] = [];
  const answered = new Set<string>();
  const recording: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const method = init?.method ?? "GET";
    answered.add(`${method} ${new URL(String(input)).pathname}`);
    const header = response.headers.get("sl-violations");
    if (header) violations.push(`${method} ${input}: ${header}`);
    return response;
  };
  const serverWithKey = (apiSecretKey: string) =>
    createServerClient({ apiSecretKey, baseUrl: serverProxy.baseUrl, fetch: recording, maxRetries: 0 });
  return {
    server: serverWithKey(running.emulator.serverSecret),
    serverWithKey,
    management: createManagementClient({
      apiSecretKey: running.emulator.managementSecret,
      baseUrl: managementProxy.baseUrl,
      fetch: recording,
      maxRetries: 0,
    }),
    violations,
    answered,
    stop: async () => {
      await Promise.all(proxies.map((proxy) => proxy.stop()));
      await running.stop();
    },
  };
}
