// startEmulator: the emulator served on node:http, for test setups (vitest globalSetup) and the CLI.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { answerOf, createEmulator, type Emulator, type EmulatorOptions } from "./emulator.ts";
import { builtin } from "./http/builtins.ts";
import { type Answer, BodyTooLargeError, type Call, declaredOver, urlOf, utf8 } from "./http/exchange.ts";
import { allowedHostProblem, guardTestApi, type HostPolicy } from "./http/guard.ts";
import { errorResponse } from "./http/responses.ts";
import { isTestApiPath } from "./http/test-api-routes.ts";

// Not imported (builtins.ts): node:http's facade would load all of undici before the server listens.
const { createServer } = builtin<typeof import("node:http")>("node:http");

export interface StartEmulatorOptions extends EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1, so nothing outside the machine can reach it; `0.0.0.0` or `::` listens on every interface. */
  host?: string;
  /**
   * Host names the test-only API answers to besides loopback names, IP addresses and `host`: the
   * name a container or another machine reaches it by (`emulator`), or with a leading dot a domain
   * and its subdomains (`.example.test`). Any other Host is refused, against DNS rebinding.
   */
  allowedHosts?: readonly string[];
}

export interface RunningEmulator {
  /** `http://HOST:PORT`; `http://localhost:PORT` when it listens on every interface. */
  url: string;
  /** The Server API base URL, `…/v1`: pass it as `baseUrl` to createServerClient. */
  serverApiUrl: string;
  /** The Management API base URL, `…/v1/management`. */
  managementApiUrl: string;
  /** The address it listens on, as the system reports it: `127.0.0.1`, or `0.0.0.0` or `::` for every interface. */
  address: string;
  port: number;
  emulator: Emulator;
  /** Stops listening and closes open connections; startEmulator's also closes its data dir. */
  stop(): Promise<void>;
}

/**
 * The request as a call on the emulator's own origin, or undefined when its target is not a path.
 * The target is appended to the origin, never resolved against it: `//host/…` would resolve to
 * another host, and the origin is what the answers' URLs (track's `url`, token issuers) name. An
 * absolute-form target (`http://host/…`, which clients send only to proxies) names a host too.
 */
function callOf(incoming: IncomingMessage, origin: string): Call | undefined {
  const target = incoming.url ?? "/";
  if (!target.startsWith("/")) return undefined;
  const { headers } = incoming;
  return {
    method: incoming.method ?? "GET",
    url: urlOf(origin, target),
    header(name) {
      const value = headers[name];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
    text: (limit) => bodyOf(incoming, limit),
  };
}

/**
 * How long a body declared too large may stop arriving before it is refused without the rest: long
 * enough for a client that is still sending but was not scheduled for a while (a loaded CI machine).
 */
const stalledBodyMs = 1000;

/**
 * The body as text, refused past `limit` bytes. A body declared too large is read on and dropped,
 * and refused once it has all arrived, or at once when it stops coming (a client that only claims
 * a huge length): refused while a client was still sending, on a connection closed after the answer,
 * the client met a broken pipe instead of the 413. One that turns out too large as it streams is
 * not read further, and the connection closes after the answer.
 */
function bodyOf(incoming: IncomingMessage, limit: number): Promise<string> {
  if (declaredOver(incoming.headers["content-length"] ?? null, limit)) {
    return new Promise((_resolve, reject) => {
      const refuse = () => {
        clearTimeout(stalled);
        incoming.off("data", arrived);
        incoming.resume();
        reject(new BodyTooLargeError());
      };
      const stalled = setTimeout(refuse, stalledBodyMs);
      const arrived = () => stalled.refresh();
      incoming.on("data", arrived).once("end", refuse).once("error", refuse);
    });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        incoming.off("data", onData);
        incoming.off("end", onEnd);
        incoming.pause();
        reject(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      try {
        resolve(utf8(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size)));
      } catch (error) {
        reject(error);
      }
    };
    incoming.on("data", onData);
    incoming.once("end", onEnd);
    incoming.once("error", reject);
  });
}

function send(answer: Answer, incoming: IncomingMessage, outgoing: ServerResponse): void {
  // A body left unread (refused for its size) would hold the connection open: it closes after the answer.
  if (!incoming.complete && incoming.isPaused()) outgoing.shouldKeepAlive = false;
  // A length, as Authsignal's answers have, rather than chunks: one write, and less to frame.
  if (answer.body !== undefined) answer.headers["content-length"] = String(Buffer.byteLength(answer.body));
  outgoing.writeHead(answer.status, answer.headers);
  outgoing.end(answer.body);
}

/** Addresses that mean every interface: nobody can open a URL naming them, so URLs name localhost. */
const wildcardAddresses = new Set(["0.0.0.0", "::"]);

/** Whether the emulator listens on every interface (`--host 0.0.0.0` or `::`). */
export function listensEverywhere(running: RunningEmulator): boolean {
  return wildcardAddresses.has(running.address);
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  switch (error.code) {
    case "EADDRINUSE":
      return new Error(`Port ${port} on ${host} is already in use; pick another with --port (0 picks a free one).`);
    case "EADDRNOTAVAIL":
      return new Error(
        `${host} is not an address of this machine; listen on 127.0.0.1, on one of its own addresses, or on 0.0.0.0 for every interface.`,
      );
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "EAI_FAIL":
      return new Error(`The host ${host} does not resolve to an address of this machine.`);
    case "EACCES":
      return new Error(`Port ${port} on ${host} needs privileges this process lacks; pick one above 1023.`);
    default:
      return new Error(`Cannot listen on ${host} port ${port}: ${error.message}`);
  }
}

/** Serves an emulator that exists already (the CLI imports a state into it before it listens). */
/** The names the test-only API answers to: the allowed hosts, and the host it listens on by name. */
function hostPolicy(host: string, allowedHosts: readonly string[]): HostPolicy {
  for (const allowed of allowedHosts) {
    const problem = allowedHostProblem(allowed, "allowedHosts");
    if (problem) throw new TypeError(problem);
  }
  return { allowedHosts: [...allowedHosts, ...(wildcardAddresses.has(host) ? [] : [host])] };
}

/** The answer to a request: the emulator's, unless the request cannot be read or the guard refuses it. */
function answer(emulator: Emulator, call: Call | undefined, policy: HostPolicy): Promise<Answer> {
  if (!call) {
    return Promise.resolve(
      errorResponse(400, "invalid_request", "The request target must be a path, such as /v1/users/…."),
    );
  }
  const refused = isTestApiPath(call.url.pathname) ? guardTestApi(call, policy) : undefined;
  return refused ? Promise.resolve(refused) : answerOf(emulator, call);
}

export async function serveEmulator(
  emulator: Emulator,
  {
    port = 0,
    host = "127.0.0.1",
    allowedHosts = [],
  }: Pick<StartEmulatorOptions, "port" | "host" | "allowedHosts"> = {},
): Promise<RunningEmulator> {
  const policy = hostPolicy(host, allowedHosts);
  let origin = "";
  let callOrigin = "";
  const server = createServer((incoming, outgoing) => {
    answer(emulator, callOf(incoming, callOrigin), policy).then(
      (answered) => {
        try {
          send(answered, incoming, outgoing);
        } catch {
          outgoing.destroy();
        }
      },
      () => outgoing.destroy(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(listenError(error, host, port));
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostInUrl = wildcardAddresses.has(address.address)
    ? "localhost"
    : address.family === "IPv6"
      ? `[${address.address}]`
      : address.address;
  origin = `http://${hostInUrl}:${address.port}`;
  // What URL.origin would say of each request's URL: no port 80.
  callOrigin = new URL(origin).origin;
  return {
    url: origin,
    serverApiUrl: `${origin}/v1`,
    managementApiUrl: `${origin}/v1/management`,
    address: address.address,
    port: address.port,
    emulator,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const { port, host, allowedHosts, ...emulatorOptions } = options;
  const emulator = createEmulator(emulatorOptions);
  let running: RunningEmulator;
  try {
    running = await serveEmulator(emulator, { port, host, allowedHosts });
  } catch (error) {
    emulator.close();
    throw error;
  }
  // The emulator is this function's own, so stopping it releases its data dir too.
  const { stop } = running;
  return {
    ...running,
    async stop() {
      await stop();
      emulator.close();
    },
  };
}
