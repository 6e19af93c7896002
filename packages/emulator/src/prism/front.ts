// A loopback front to one Prism proxy: it passes each exchange through unchanged and hands it to
// `record`. Clients in any process, and clients that are not ours (`@authsignal/node`, a plain
// fetch), then report to the one harness that started Prism, without a fetch wrapper of their own.
import { createServer, request as forward, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import type { EmulatedApi, Exchange } from "./findings.ts";

export interface Front {
  url: string;
  close(): Promise<void>;
}

// Headers about one connection, which a proxy does not pass on.
const hopByHop = new Set(["connection", "keep-alive", "transfer-encoding", "upgrade", "te", "trailer"]);

function passedOn(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !hopByHop.has(name)));
}

/** Starts a front to the Prism proxy at `prismUrl` on a free loopback port. */
export async function startFront(
  api: EmulatedApi,
  prismUrl: string,
  record: (exchange: Exchange) => void,
): Promise<Front> {
  const target = new URL(prismUrl);
  const server = createServer((request, response) => {
    const method = request.method ?? "GET";
    const path = request.url ?? "/";
    const outgoing = forward(
      new URL(path, target),
      // As if the client had called Prism: Prism, not the front, is the host it names.
      { method, headers: { ...passedOn(request.headers), host: target.host } },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => chunks.push(chunk));
        answer.on("end", () => {
          const body = Buffer.concat(chunks);
          const status = answer.statusCode ?? 502;
          record({
            api,
            method,
            path,
            status,
            contentType: answer.headers["content-type"],
            violationsHeader: [answer.headers["sl-violations"]].flat()[0],
            body: body.toString("utf8"),
          });
          response.writeHead(status, answer.statusMessage, passedOn(answer.headers)).end(body);
        });
        answer.on("error", (error) => response.destroy(error));
      },
    );
    outgoing.on("error", (error) => {
      const body = JSON.stringify({ title: "Prism did not answer", detail: error.message });
      record({
        api,
        method,
        path,
        status: 502,
        contentType: "application/problem+json",
        violationsHeader: undefined,
        body,
      });
      if (!response.headersSent) response.writeHead(502, { "content-type": "application/problem+json" });
      response.end(body);
    });
    request.pipe(outgoing);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
