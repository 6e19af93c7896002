// The front passes each exchange through as it came, and records it: here in front of a stand-in
// for Prism that echoes what reached it.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { refusedUrl } from "@authsignal-ts/scripts/testing/loopback";
import { afterEach, describe, expect, it } from "vitest";
import type { Exchange } from "../../src/prism/findings.ts";
import { type Front, startFront } from "../../src/prism/front.ts";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function echoingPrism(): Promise<string> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const seen = {
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: `${Buffer.concat(chunks)}`,
      };
      response
        .writeHead(418, "Teapot", {
          "content-type": "application/problem+json",
          "sl-violations": '[{"location":["request"],"message":"m"}]',
          "x-custom": "kept",
        })
        .end(JSON.stringify(seen));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function frontTo(target: string, exchanges: Exchange[]): Promise<Front> {
  const front = await startFront("management", target, (exchange) => exchanges.push(exchange));
  closers.unshift(() => front.close());
  return front;
}

describe("the front to a Prism proxy", () => {
  it("passes the request and the answer through unchanged, naming Prism as the host, and records the exchange", async () => {
    const prismUrl = await echoingPrism();
    const exchanges: Exchange[] = [];
    const front = await frontTo(prismUrl, exchanges);
    const response = await fetch(`${front.url}/rules/r1?x=1`, {
      method: "PATCH",
      headers: { authorization: "Basic abc", prefer: "code=404", "content-type": "application/json" },
      body: '{"a":1}',
    });
    const text = await response.text();
    expect([response.status, response.statusText, response.headers.get("x-custom")]).toEqual([418, "Teapot", "kept"]);
    const seen = JSON.parse(text) as { method: string; url: string; headers: IncomingHttpHeaders; body: string };
    expect(seen).toMatchObject({
      method: "PATCH",
      url: "/rules/r1?x=1",
      body: '{"a":1}',
      headers: { authorization: "Basic abc", prefer: "code=404", host: new URL(prismUrl).host },
    });
    expect(exchanges).toEqual([
      {
        api: "management",
        method: "PATCH",
        path: "/rules/r1?x=1",
        status: 418,
        contentType: "application/problem+json",
        violationsHeader: '[{"location":["request"],"message":"m"}]',
        body: text,
      },
    ]);
  });

  it("answers 502 and records it when Prism does not answer", async () => {
    const exchanges: Exchange[] = [];
    const front = await frontTo(await refusedUrl(), exchanges);
    const response = await fetch(`${front.url}/users/u1`);
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ title: "Prism did not answer" });
    expect(exchanges).toMatchObject([{ status: 502, contentType: "application/problem+json" }]);
  });
});
