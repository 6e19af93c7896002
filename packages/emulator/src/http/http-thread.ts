// node:http on a thread of its own: this thread parses requests, reads their bodies and writes the
// answers, and the main thread, which holds the state, only answers calls. node:http's own work
// (parsing, streams, the socket writes) was more than a third of a track's time on one thread; here
// it runs beside the emulator's, on the machine's other core. startEmulator runs this file.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { batching } from "./batches.ts";
import { builtin } from "./builtins.ts";
import { declaredOver } from "./exchange.ts";
import { isTestApiPath } from "./test-api-path.ts";

/** What the main thread gives the thread as it starts. */
export interface HttpThreadOptions {
  port: number;
  host: string;
  /** The largest body read: `import` on the test-only API's paths (a state import), `body` elsewhere. */
  limits: { body: number; import: number };
}

/**
 * A request, as a tuple (one per request, so kept compact): its number, method, target, headers, and
 * its body's bytes, or false when it was over the limit.
 */
export type RequestMessage = [
  id: number,
  method: string,
  target: string,
  headers: IncomingHeaders,
  body: Uint8Array | false,
];
export type IncomingHeaders = IncomingMessage["headers"];

/** An answer to the request of that number; status 0 when it has none, and its connection is closed. */
export type AnswerMessage = [id: number, status: number, headers: Record<string, string>, body: string | undefined];

/** What else the thread says: where it listens, why it could not, or that it has closed. */
export type ThreadEvent =
  | { kind: "listening"; address: string; family: string; port: number }
  | { kind: "listen-error"; code: string | undefined; message: string }
  | { kind: "closed" };

/** What the main thread says besides answers. */
export type ThreadCommand = { kind: "stop" };

/**
 * How long a body declared too large may stop arriving before it is refused without the rest: long
 * enough for a client that is still sending but was not scheduled for a while (a loaded CI machine).
 */
const stalledBodyMs = 1000;

/**
 * The body's bytes, or false past `limit`. A body declared too large is read on and dropped, and
 * refused once it has all arrived, or at once when it stops coming (a client that only claims a huge
 * length): refused while a client was still sending, on a connection closed after the answer, the
 * client met a broken pipe instead of the 413. One that turns out too large as it streams is not read
 * further, and the connection closes after the answer.
 */
function bodyOf(incoming: IncomingMessage, limit: number, then: (body: Uint8Array | false) => void): void {
  if (declaredOver(incoming.headers["content-length"] ?? null, limit)) {
    let refused = false;
    // Once: the end, an error and the stall timer may all come.
    const refuse = () => {
      if (refused) return;
      refused = true;
      clearTimeout(stalled);
      incoming.off("data", arrived);
      incoming.resume();
      then(false);
    };
    const stalled = setTimeout(refuse, stalledBodyMs);
    const arrived = () => stalled.refresh();
    incoming.on("data", arrived).once("end", refuse).once("error", refuse);
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size > limit) {
      incoming.off("data", onData);
      incoming.off("end", onEnd);
      incoming.pause();
      then(false);
      return;
    }
    chunks.push(chunk);
  };
  const onEnd = () => {
    // A fresh buffer of the body's size: a chunk is a view of a larger one, and a view sent to another
    // thread takes all of its buffer with it.
    const body = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      body.set(chunk, at);
      at += chunk.length;
    }
    then(body);
  };
  incoming.on("data", onData);
  incoming.once("end", onEnd);
  // A request that breaks off is never answered: its socket is gone.
  incoming.once("error", () => incoming.off("end", onEnd));
}

function send(answer: AnswerMessage, incoming: IncomingMessage, outgoing: ServerResponse): void {
  const [, status, headers, body] = answer;
  // A body left unread (refused for its size) would hold the connection open: it closes after the answer.
  if (!incoming.complete && incoming.isPaused()) outgoing.shouldKeepAlive = false;
  // A length, as Authsignal's answers have, rather than chunks: one write, and less to frame.
  if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
  outgoing.writeHead(status, headers);
  outgoing.end(body);
}

/** Serves on this thread until told to stop, passing each request to `port` and writing its answer. */
export function runHttpThread(options: HttpThreadOptions, port: import("node:worker_threads").MessagePort): void {
  const { createServer } = builtin<typeof import("node:http")>("node:http");
  const waiting = new Map<number, [IncomingMessage, ServerResponse]>();
  let nextId = 0;
  const pass = batching<RequestMessage>((batch) => port.postMessage(batch));
  const server = createServer((incoming, outgoing) => {
    const target = incoming.url ?? "/";
    const limit = isTestApiPath(target) ? options.limits.import : options.limits.body;
    bodyOf(incoming, limit, (body) => {
      const id = nextId++;
      waiting.set(id, [incoming, outgoing]);
      pass([id, incoming.method ?? "GET", target, incoming.headers, body]);
    });
  });

  // A client may end its side once it has sent the request (HTTP/1.0 tools do): node:http would then
  // end the connection before the answer comes back from the main thread, unless it may stay half open,
  // in which case it closes after the answer. The switch is node:http's own, undeclared in its types;
  // test-api-guard.test.ts's HTTP/1.0 request fails without it.
  (server as { httpAllowHalfOpen?: boolean }).httpAllowHalfOpen = true;

  port.on("message", (message: AnswerMessage[] | ThreadCommand) => {
    if (!Array.isArray(message)) {
      server.close(() => {
        port.postMessage({ kind: "closed" } satisfies ThreadEvent);
        port.close();
      });
      server.closeAllConnections();
      return;
    }
    for (const answer of message) answerWith(answer);
  });

  function answerWith(answer: AnswerMessage): void {
    // Every request gets its message back, so nothing waits here past its answer.
    const exchange = waiting.get(answer[0]);
    if (!exchange) return;
    waiting.delete(answer[0]);
    const [incoming, outgoing] = exchange;
    if (outgoing.destroyed) return;
    if (answer[1] === 0) {
      outgoing.destroy();
      return;
    }
    try {
      send(answer, incoming, outgoing);
    } catch {
      outgoing.destroy();
    }
  }

  server.once("error", (error: NodeJS.ErrnoException) => {
    port.postMessage({ kind: "listen-error", code: error.code, message: error.message } satisfies ThreadEvent);
    port.close();
  });
  server.listen(options.port, options.host, () => {
    const { address, family, port: listening } = server.address() as AddressInfo;
    port.postMessage({ kind: "listening", address, family, port: listening } satisfies ThreadEvent);
  });
}

const threads = builtin<typeof import("node:worker_threads")>("node:worker_threads");
if (!threads.isMainThread && threads.parentPort && threads.workerData?.httpThread) {
  runHttpThread(threads.workerData.httpThread as HttpThreadOptions, threads.parentPort);
}
