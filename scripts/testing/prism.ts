// Starts Prism with `--errors` from a bundled spec on a free loopback port and waits for it to
// be ready: `mock` answers with the spec's examples, `proxy` forwards to an upstream and checks
// both the request and the upstream's response against the spec. Prism has no readiness
// endpoint, so readiness is its "listening" log line.
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";

export interface PrismMock {
  /** The mock's (or proxy's) base URL. Prism serves the spec's paths without the server URL's base path. */
  baseUrl: string;
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);
const prismPackage = require.resolve("@stoplight/prism-cli/package.json");
const prismBin = join(dirname(prismPackage), (require(prismPackage) as { bin: { prism: string } }).bin.prism);
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

function startOnce(command: string[], specPath: string, rest: string[], port: number): Promise<PrismMock> {
  const child = spawn(
    process.execPath,
    [prismBin, ...command, "--host", "127.0.0.1", "--port", String(port), "--errors", specPath, ...rest],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: "0" } },
  );
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const stop = () => {
    process.off("exit", killOnExit);
    return stopChild(child);
  };

  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => fail(new Error(`Prism did not start within ${startTimeoutMs} ms`)), startTimeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      void stop();
      reject(new Error(`${error.message}\n--- Prism output ---\n${output}`));
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = readyPattern.exec(output);
      if (ready?.[1]) {
        clearTimeout(timer);
        child.stdout?.off("data", onData);
        child.stderr?.off("data", onData);
        // Keep draining so a full pipe never blocks Prism's request logging.
        child.stdout?.resume();
        child.stderr?.resume();
        resolve({ baseUrl: ready[1].replace(/\/$/, ""), stop });
      } else if (/\[CLI\] .*\bfatal\b|EADDRINUSE|^TypeError/m.test(output)) {
        fail(new Error("Prism failed to start"));
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => fail(new Error(`Prism exited with code ${code} before it was ready`)));
  });
}

/** Stops a child process: SIGTERM, then SIGKILL if it has not exited within 3 s. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 3_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
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
