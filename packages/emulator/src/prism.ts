// `@authsignal-ts/emulator/prism`: the emulator as users run it (its command, in a child process)
// with a `prism proxy --errors` of each emulated API's bundled spec in front of it, and a report
// of everything Prism found: requests that break the spec, answers that break it, and answers
// Prism made itself. Our contract, fidelity and conformance suites all run through it.
//
// It loads nothing of the emulator: the build bundles the Prism and child-process helpers of the
// workspace's test tooling into this one file, which then imports node builtins only. Prism
// (`@stoplight/prism-cli`) is an optional peer dependency, looked for when Prism first starts.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { type ReadyChild, startReadyChild } from "@authsignal-ts/scripts/testing/child-process";
import { type PrismMock, startPrismProxy } from "@authsignal-ts/scripts/testing/prism";
import { type EmulatedApi, findingOf, type PrismFinding } from "./prism/findings.ts";
import { type Front, startFront } from "./prism/front.ts";
import { DEFAULT_MANAGEMENT_SECRET, DEFAULT_SERVER_SECRET } from "./secrets.ts";
import type { EmulatorSeed } from "./seed/check.ts";

export type { EmulatedApi, PrismFinding, PrismFindingKind, PrismViolation } from "./prism/findings.ts";

export interface EmulatorBehindPrismOptions<Api extends EmulatedApi = EmulatedApi> {
  /** A seed: the path of a seed file, as the command's `--seed` takes, or the seed itself. */
  seed?: string | EmulatorSeed;
  /** The Server API key the emulator accepts; by default the seed's, else `sk_emulator_server`. */
  serverSecret?: string;
  /** The Management API key the emulator accepts; by default the seed's, else `sk_emulator_management`. */
  managementSecret?: string;
  /** The APIs to put a Prism proxy in front of (each is a Prism process); by default all three. */
  apis?: readonly Api[];
}

export type EmulatorBehindPrism<Api extends EmulatedApi = EmulatedApi> = {
  /** The emulator's own URL (`http://127.0.0.1:PORT`), for `connectEmulator`: requests to it skip Prism. */
  readonly url: string;
  /** The Server API key the emulator accepts. */
  readonly serverSecret: string;
  /** The Management API key the emulator accepts. */
  readonly managementSecret: string;
  /**
   * Everything Prism found since the start or the previous call, in the order the answers came
   * back, and forgets it: an empty list means every request and every answer kept to the spec.
   */
  takeFindings(): PrismFinding[];
  /** Stops Prism and the emulator (the command exits as on Ctrl-C). */
  stop(): Promise<void>;
} & {
  /** Prism's proxy of the API, the base URL to give a client (`serverApiUrl`, `managementApiUrl`, `clientApiUrl`). */
  readonly [Name in Api as `${Name}ApiUrl`]: string;
};

/** The APIs the emulator serves. */
export const emulatedApis: readonly EmulatedApi[] = ["server", "management", "client"];
const specPackages: Record<EmulatedApi, string> = {
  server: "@authsignal-ts/server",
  management: "@authsignal-ts/management",
  client: "@authsignal-ts/client",
};
// The command prints its URL, then each API's base URL on a line of its own.
const readyPattern = /Authsignal emulator listening on (http:\/\/\S+)/;
const apiLinePatterns: Record<EmulatedApi, RegExp> = {
  server: /^Server API:\s+(http:\/\/\S+)$/m,
  management: /^Management API:\s+(http:\/\/\S+)$/m,
  client: /^Client API:\s+(http:\/\/\S+)$/m,
};
const startTimeoutMs = 60_000;

const require = createRequire(import.meta.url);
// Run from its sources (this repository's tests), the harness runs the emulator's command from
// its sources too, and Prism reads the specs the clients generate; installed, the built ones.
const fromSource = import.meta.url.endsWith(".ts");
const sourceCondition = "@authsignal-ts/source";

function binOfThisPackage(): string {
  const manifestPath = require.resolve("@authsignal-ts/emulator/package.json");
  const { bin } = JSON.parse(readFileSync(manifestPath, "utf8")) as { bin: Record<string, string> };
  return join(dirname(manifestPath), bin["authsignal-emulator"] as string);
}

function specOf(api: EmulatedApi): string {
  const name = specPackages[api];
  if (!fromSource) return require.resolve(`${name}/openapi.json`);
  const manifestPath = require.resolve(`${name}/package.json`);
  const { exports } = JSON.parse(readFileSync(manifestPath, "utf8")) as {
    exports: Record<string, Record<string, string>>;
  };
  return join(dirname(manifestPath), exports["./openapi.json"]?.[sourceCondition] as string);
}

function checkOptions(options: EmulatorBehindPrismOptions<EmulatedApi>): void {
  const { seed, apis } = options;
  if (seed !== undefined && typeof seed !== "string" && (typeof seed !== "object" || seed === null)) {
    throw new TypeError("startEmulatorBehindPrism: seed must be a seed file's path or a seed object");
  }
  for (const field of ["serverSecret", "managementSecret"] as const) {
    const value = options[field];
    if (value !== undefined && (typeof value !== "string" || value === "")) {
      throw new TypeError(`startEmulatorBehindPrism: ${field} must be a non-empty string`);
    }
  }
  if (
    apis !== undefined &&
    (!Array.isArray(apis) || apis.length === 0 || apis.some((api) => !emulatedApis.includes(api)))
  ) {
    throw new TypeError(
      `startEmulatorBehindPrism: apis must list some of ${emulatedApis.map((api) => `"${api}"`).join(", ")}, not ${JSON.stringify(apis)}`,
    );
  }
}

/** The seed's own keys, which the command accepts unless told others. */
function seedSecretsOf(seed: string | EmulatorSeed | undefined): EmulatorSeed["secrets"] {
  if (seed === undefined) return undefined;
  if (typeof seed !== "string") return seed.secrets;
  try {
    return (JSON.parse(readFileSync(seed, "utf8")) as EmulatorSeed).secrets;
  } catch {
    // The command refuses a seed it cannot read, in one line; that is the error to show.
    return undefined;
  }
}

/**
 * Starts the emulator's command (`authsignal-emulator --port 0`) and a `prism proxy --errors` in
 * front of each of its APIs, and resolves once all answer. A client given `serverApiUrl` (or
 * `managementApiUrl`) reaches the emulator through Prism, which refuses a request that breaks the
 * spec (422) and turns an answer that breaks it into a 500; `takeFindings()` lists both.
 */
export async function startEmulatorBehindPrism<Api extends EmulatedApi = EmulatedApi>(
  options: EmulatorBehindPrismOptions<Api> = {},
): Promise<EmulatorBehindPrism<Api>> {
  checkOptions(options);
  const apis: readonly EmulatedApi[] = options.apis ?? emulatedApis;
  const seedSecrets = seedSecretsOf(options.seed);
  const serverSecret = options.serverSecret ?? seedSecrets?.server ?? DEFAULT_SERVER_SECRET;
  const managementSecret = options.managementSecret ?? seedSecrets?.management ?? DEFAULT_MANAGEMENT_SECRET;

  let seedDir: string | undefined;
  let seedPath: string | undefined;
  if (typeof options.seed === "string") seedPath = options.seed;
  else if (options.seed !== undefined) {
    seedDir = mkdtempSync(join(tmpdir(), "authsignal-emulator-seed-"));
    seedPath = join(seedDir, "seed.json");
    writeFileSync(seedPath, JSON.stringify(options.seed));
  }

  const findings: PrismFinding[] = [];
  let emulator: ReadyChild | undefined;
  const proxies: PrismMock[] = [];
  const fronts: Front[] = [];
  const stop = async () => {
    await Promise.all(fronts.map((front) => front.close()));
    await Promise.all(proxies.map((proxy) => proxy.stop()));
    await emulator?.stop();
    if (seedDir) rmSync(seedDir, { recursive: true, force: true });
  };

  try {
    emulator = await startReadyChild({
      name: "The emulator (authsignal-emulator)",
      args: [
        ...(fromSource ? [`--conditions=${sourceCondition}`] : []),
        binOfThisPackage(),
        "--port",
        "0",
        ...(seedPath === undefined ? [] : ["--seed", seedPath]),
        "--server-secret",
        serverSecret,
        "--management-secret",
        managementSecret,
      ],
      readyPattern,
      timeoutMs: startTimeoutMs,
    });
    const started = emulator;
    const urls = await Promise.all(
      apis.map(async (api) => {
        const [, apiUrl = ""] = await started.waitFor(apiLinePatterns[api]);
        const proxy = await startPrismProxy(specOf(api), apiUrl);
        proxies.push(proxy);
        const front = await startFront(api, proxy.baseUrl, (exchange) => {
          const finding = findingOf(exchange);
          if (finding) findings.push(finding);
        });
        fronts.push(front);
        return [`${api}ApiUrl`, front.url] as const;
      }),
    );
    return {
      url: started.ready,
      serverSecret,
      managementSecret,
      ...Object.fromEntries(urls),
      takeFindings: () => findings.splice(0),
      stop,
    } as EmulatorBehindPrism<Api>;
  } catch (error) {
    await stop();
    throw error;
  }
}
