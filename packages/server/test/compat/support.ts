// A loopback HTTP server for the compat tests: it records each request as the wire carried it and
// answers from a handler, so the compat client and the official @authsignal/node client can be
// driven against the same answers and compared request by request.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";

export interface RecordedRequest {
  method: string;
  /** The path without the query string. */
  path: string;
  /** The query parameters, as name → values in the order sent. */
  query: Record<string, string[]>;
  headers: IncomingMessage["headers"];
  /** The parsed JSON body, or undefined when there was none. */
  body: unknown;
}

export interface Answer {
  status?: number;
  /** Sent as JSON; a string is sent as it is. Omitted: an empty body. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  requests: RecordedRequest[];
  /** Answers every following request with `handler`. */
  answer(handler: (request: RecordedRequest) => Answer): void;
  close(): Promise<void>;
}

/**
 * The file's loopback server: started before its tests, closed after them, its request log
 * emptied before each test.
 */
export function useLoopbackServer(): LoopbackServer {
  let current: LoopbackServer | undefined;
  beforeAll(async () => {
    current = await startLoopbackServer();
  });
  afterAll(() => current?.close());
  beforeEach(() => {
    if (current) current.requests.length = 0;
  });
  const started = () => {
    if (!current) throw new Error("the loopback server is started in beforeAll");
    return current;
  };
  return {
    get url() {
      return started().url;
    },
    get requests() {
      return started().requests;
    },
    answer: (handler) => started().answer(handler),
    close: () => started().close(),
  };
}

function queryOf(url: URL): Record<string, string[]> {
  const query: Record<string, string[]> = {};
  for (const [name, value] of url.searchParams) query[name] = [...(query[name] ?? []), value];
  return query;
}

export async function startLoopbackServer(): Promise<LoopbackServer> {
  const requests: RecordedRequest[] = [];
  let handler: (request: RecordedRequest) => Answer = () => ({ body: {} });
  const server: Server = createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const url = new URL(incoming.url ?? "/", "http://127.0.0.1");
    const request: RecordedRequest = {
      method: incoming.method ?? "",
      path: url.pathname,
      query: queryOf(url),
      headers: incoming.headers,
      body: text === "" ? undefined : JSON.parse(text),
    };
    requests.push(request);
    const { status = 200, body, headers = {} } = handler(request);
    const payload = body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body);
    outgoing.writeHead(status, { "content-type": "application/json", ...headers });
    outgoing.end(payload);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer: (next) => {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** What a promise settled with, in a form two clients' outcomes can be compared by. */
export async function settle<T>(promise: Promise<T>): Promise<{ value: T } | { error: unknown }> {
  try {
    return { value: await promise };
  } catch (error) {
    return { error };
  }
}
