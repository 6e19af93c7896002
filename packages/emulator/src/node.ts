// startEmulator: the emulator served on node:http, for test setups (vitest globalSetup) and the CLI.
// node:http runs on a thread of its own (http/http-thread.ts); this thread holds the emulator and
// answers the calls that thread passes it.
import { answerOf, bodyLimitsOf, createEmulator, type Emulator, type EmulatorOptions } from "./emulator.ts";
import { batching } from "./http/batches.ts";
import { builtin } from "./http/builtins.ts";
import { type Answer, BodyTooLargeError, type Call, urlOf, utf8 } from "./http/exchange.ts";
import { allowedHostProblem, guardTestApi, type HostPolicy } from "./http/guard.ts";
import type {
  AnswerMessage,
  HttpThreadOptions,
  RequestMessage,
  ThreadCommand,
  ThreadEvent,
} from "./http/http-thread.ts";
import { errorResponse } from "./http/responses.ts";
import { areaOf } from "./http/routes.ts";

const { Worker } = builtin<typeof import("node:worker_threads")>("node:worker_threads");

// The thread's file: built beside this module's chunk in dist/, or the source when run from it (tests).
const httpThreadFile = new URL(
  import.meta.url.endsWith(".ts") ? "./http/http-thread.ts" : "./http-thread.js",
  import.meta.url,
);

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
  /**
   * The Client API base URL, `…/v1/client`, for createClientApiClient. The official web SDK takes
   * `…/v1` (serverApiUrl) as its `baseUrl`, and adds `/client` itself.
   */
  clientApiUrl: string;
  /** The address it listens on, as the system reports it: `127.0.0.1`, or `0.0.0.0` or `::` for every interface. */
  address: string;
  port: number;
  emulator: Emulator;
  /** Stops listening and closes open connections; startEmulator's also closes its data dir. */
  stop(): Promise<void>;
}

/**
 * A request from the HTTP thread as a call on the emulator's own origin, or undefined when its target
 * is not a path. The target is appended to the origin, never resolved against it: `//host/…` would
 * resolve to another host, and the origin is what the answers' URLs (track's `url`, token issuers)
 * name. An absolute-form target (`http://host/…`, which clients send only to proxies) names a host too.
 */
function callOf([, method, target, headers, body]: RequestMessage, origin: string): Call | undefined {
  if (!target.startsWith("/")) return undefined;
  return {
    method,
    url: urlOf(origin, target),
    header(name) {
      const value = headers[name];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
    // The thread read the body up to the largest limit of the request's path; a route's own may be lower.
    text(limit) {
      if (body === false || body.byteLength > limit) return Promise.reject(new BodyTooLargeError());
      try {
        return Promise.resolve(utf8(body));
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
}

/** Addresses that mean every interface: nobody can open a URL naming them, so URLs name localhost. */
const wildcardAddresses = new Set(["0.0.0.0", "::"]);

/** Whether the emulator listens on every interface (`--host 0.0.0.0` or `::`). */
export function listensEverywhere(running: RunningEmulator): boolean {
  return wildcardAddresses.has(running.address);
}

function listenError(error: { code?: string | undefined; message: string }, host: string, port: number): Error {
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
  const area = areaOf(call.url.pathname);
  const refused =
    area === "test-api"
      ? guardTestApi(call, policy)
      : area === "console"
        ? guardTestApi(call, policy, "The console")
        : undefined;
  return refused ? Promise.resolve(refused) : answerOf(emulator, call);
}

type Listening = Extract<ThreadEvent, { kind: "listening" }>;

/** Serves an emulator that exists already (the CLI imports a state into it before it listens). */
export async function serveEmulator(
  emulator: Emulator,
  {
    port = 0,
    host = "127.0.0.1",
    allowedHosts = [],
  }: Pick<StartEmulatorOptions, "port" | "host" | "allowedHosts"> = {},
): Promise<RunningEmulator> {
  const policy = hostPolicy(host, allowedHosts);
  const httpThread: HttpThreadOptions = { port, host, limits: bodyLimitsOf(emulator) };
  const thread = new Worker(httpThreadFile, { workerData: { httpThread } });
  let callOrigin = "";
  let closed: (() => void) | undefined;
  let stopping: Promise<void> | undefined;
  const reply = batching<AnswerMessage>((batch) => thread.postMessage(batch));
  const onRequests = (message: RequestMessage[] | ThreadEvent) => {
    if (!Array.isArray(message)) {
      if (message.kind === "closed") closed?.();
      return;
    }
    for (const request of message) {
      const id = request[0];
      answer(emulator, callOf(request, callOrigin), policy).then(
        (answered) => reply([id, answered.status, answered.headers, answered.body]),
        () => reply([id, 0, {}, undefined]),
      );
    }
  };
  const listening = await new Promise<Listening>((resolve, reject) => {
    const onStart = (event: RequestMessage[] | ThreadEvent) => {
      if (Array.isArray(event)) return;
      thread.off("message", onStart).off("error", reject);
      if (event.kind === "listening") resolve(event);
      else if (event.kind === "listen-error") reject(listenError(event, host, port));
    };
    thread.on("message", onStart).once("error", reject);
  }).catch(async (error: unknown) => {
    await thread.terminate();
    throw error;
  });
  thread.on("message", onRequests);
  // Asked for by name, localhost stays the name in its URLs: the pre-built UI at track's url must
  // be on localhost to use passkeys of the relying party localhost, not on the address it resolved to.
  const hostInUrl =
    wildcardAddresses.has(listening.address) || host === "localhost"
      ? "localhost"
      : listening.family === "IPv6"
        ? `[${listening.address}]`
        : listening.address;
  const origin = `http://${hostInUrl}:${listening.port}`;
  // What URL.origin would say of each request's URL: no port 80.
  callOrigin = new URL(origin).origin;
  return {
    url: origin,
    serverApiUrl: `${origin}/v1`,
    managementApiUrl: `${origin}/v1/management`,
    clientApiUrl: `${origin}/v1/client`,
    address: listening.address,
    port: listening.port,
    emulator,
    stop() {
      // Stops listening and closes every connection on the thread, then ends it; once, however often asked.
      stopping ??= new Promise<void>((resolve) => {
        // -1 once the thread has ended.
        if (thread.threadId === -1) return resolve();
        closed = resolve;
        thread.once("exit", () => resolve());
        thread.postMessage({ kind: "stop" } satisfies ThreadCommand);
      }).then(async () => {
        await thread.terminate();
      });
      return stopping;
    },
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
