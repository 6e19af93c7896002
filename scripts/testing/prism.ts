// Starts Prism with `--errors` from a bundled spec on a free loopback port and waits for it to
// be ready: `mock` answers with the spec's examples, `proxy` forwards to an upstream and checks
// both the request and the upstream's response against the spec. Prism has no readiness
// endpoint, so readiness is its "listening" log line. The emulator's published harness
// (`@authsignal-ts/emulator/prism`) bundles this module, so it imports node builtins only and
// finds Prism when it first starts one: from the emulator's install, Prism is an optional peer.
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { startReadyChild } from "./child-process.ts";

export interface PrismMock {
  /** The mock's (or proxy's) base URL. Prism serves the spec's paths without the server URL's base path. */
  baseUrl: string;
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);
const readyPattern = /Prism is listening on (http:\/\/\S+)/;
const startTimeoutMs = 60_000;

/** A mock answering with the spec's examples; requests that break the spec get its documented 400. */
export function startPrism(specPath: string): Promise<PrismMock> {
  return startWithRetries(["mock"], specPath);
}

/**
 * A validating proxy in front of `upstreamUrl`: a request that breaks the spec is refused with a
 * 422 before it reaches the upstream, and an upstream response that breaks it becomes a 500.
 * Both list what broke in `sl-violations`.
 */
export function startPrismProxy(specPath: string, upstreamUrl: string): Promise<PrismMock> {
  return startWithRetries(["proxy"], specPath, upstreamUrl);
}

async function startWithRetries(command: string[], specPath: string, ...rest: string[]): Promise<PrismMock> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(command, specPath, rest, await findFreePort());
    } catch (error) {
      // Another process may take the port between findFreePort and Prism binding it.
      if (attempt >= 3 || !String(error).includes("EADDRINUSE")) throw error;
    }
  }
}

let prismBin: string | undefined;

/** Prism's command-line script, from the @stoplight/prism-cli installed beside this module. */
function findPrismBin(): string {
  if (prismBin) return prismBin;
  let prismPackage: string;
  try {
    prismPackage = require.resolve("@stoplight/prism-cli/package.json");
  } catch (error) {
    throw new Error(
      "Prism is not installed: install @stoplight/prism-cli beside @authsignal-ts/emulator (npm install --save-dev @stoplight/prism-cli)",
      { cause: error },
    );
  }
  prismBin = join(dirname(prismPackage), (require(prismPackage) as { bin: { prism: string } }).bin.prism);
  return prismBin;
}

async function startOnce(command: string[], specPath: string, rest: string[], port: number): Promise<PrismMock> {
  const { ready, stop } = await startReadyChild({
    name: "Prism",
    args: [findPrismBin(), ...command, "--host", "127.0.0.1", "--port", String(port), "--errors", specPath, ...rest],
    env: { ...process.env, FORCE_COLOR: "0" },
    readyPattern,
    failurePattern: /\[CLI\] .*\bfatal\b|EADDRINUSE|^TypeError/m,
    timeoutMs: startTimeoutMs,
  });
  return { baseUrl: ready.replace(/\/$/, ""), stop };
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}
