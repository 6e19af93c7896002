// A real node:http server on 127.0.0.1 that misbehaves on purpose, for proving how the transport
// handles faults. Each test gives it a handler that picks the fault for every request.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** When the request arrived, in ms since the server started. */
  at: number;
}

export type FaultHandler = (request: ReceivedRequest, response: ServerResponse, index: number) => void;

export interface FaultServer {
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

export async function startFaultServer(handler: FaultHandler): Promise<FaultServer> {
  const requests: ReceivedRequest[] = [];
  const startedAt = performance.now();
  const server = createServer(async (incoming, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const request: ReceivedRequest = {
      method: incoming.method ?? "",
      path: incoming.url ?? "",
      headers: incoming.headers,
      body: Buffer.concat(chunks).toString("utf8"),
      at: performance.now() - startedAt,
    };
    requests.push(request);
    handler(request, response, requests.length - 1);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const reply = {
  json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    response.writeHead(status, { "content-type": "application/json", ...headers });
    response.end(JSON.stringify(body));
  },
  error(response: ServerResponse, status: number, headers: Record<string, string> = {}) {
    reply.json(
      response,
      status,
      { error: `http_${status}_test`, errorDescription: `Status ${status} on purpose` },
      headers,
    );
  },
  /** Drops the connection before any response, after the server has read the request. */
  reset(response: ServerResponse) {
    response.socket?.destroy();
  },
  /** Never answers. */
  hang(_response: ServerResponse) {},
  /** Sends headers and half a body, then stalls forever. */
  hangBody(response: ServerResponse) {
    response.writeHead(200, { "content-type": "application/json" });
    response.write('{"userId":"u');
  },
  /** Sends an incomplete JSON document as a complete response. */
  truncated(response: ServerResponse) {
    response.writeHead(200, { "content-type": "application/json" });
    response.end('{"userId":"u1","ema');
  },
  html(response: ServerResponse, status: number) {
    response.writeHead(status, { "content-type": "text/html" });
    response.end("<html><body><h1>502 Bad Gateway</h1></body></html>");
  },
  empty(response: ServerResponse, status: 200 | 204) {
    response.writeHead(status);
    response.end();
  },
};
