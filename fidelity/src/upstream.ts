// The server behind a Prism proxy: it answers each request with the response a test queued, and
// records what reached it. Whatever reaches it has passed Prism's request validation.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  method: string;
  /** Path and query, as the upstream received them. */
  url: string;
  headers: IncomingMessage["headers"];
  /** The parsed JSON body, or undefined when there was none. */
  body: unknown;
}

export interface Upstream {
  url: string;
  /** Sets the response to the next request. */
  answer(response: { status: number; body?: unknown }): void;
  /** What reached the upstream since the last `answer`. */
  received(): ReceivedRequest[];
  close(): Promise<void>;
}

export async function startUpstream(): Promise<Upstream> {
  let next: { status: number; body?: unknown } | undefined;
  let received: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      received.push({
        method: request.method ?? "",
        url: request.url ?? "",
        headers: request.headers,
        body: text === "" ? undefined : JSON.parse(text),
      });
      if (!next) {
        response.writeHead(599).end();
        return;
      }
      const { status, body } = next;
      if (body === undefined) response.writeHead(status).end();
      else response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    answer(response) {
      next = response;
      received = [];
    },
    received: () => received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
