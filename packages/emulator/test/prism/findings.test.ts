// What the harness reports, read from a real `prism proxy --errors` of the Server spec in front of
// a stand-in for the emulator that answers as each test tells it: so a Prism that changes how it
// reports fails here, not in a suite that then passes with nothing found.
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { type PrismMock, startPrismProxy } from "@authsignal-ts/scripts/testing/prism";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Exchange, findingOf, type PrismFinding } from "../../src/prism/findings.ts";
import { type Front, startFront } from "../../src/prism/front.ts";

const serverSpec = createRequire(import.meta.url).resolve("@authsignal-ts/server/openapi.json");
const authorization = `Basic ${btoa("sk_test:")}`;

let answer: { status: number; body: unknown } = { status: 200, body: {} };
let upstream: Server;
let prism: PrismMock;
let front: Front;
const exchanges: Exchange[] = [];

beforeAll(async () => {
  upstream = createServer((_, response) => {
    response.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  prism = await startPrismProxy(serverSpec, `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v1`);
  front = await startFront("server", prism.baseUrl, (exchange) => exchanges.push(exchange));
  // Prism takes seconds to start on a loaded machine.
}, 90_000);
afterAll(async () => {
  await front?.close();
  await prism?.stop();
  if (upstream?.listening) upstream.close();
});
beforeEach(() => {
  exchanges.length = 0;
});

async function send(path: string, init: RequestInit = {}): Promise<PrismFinding | undefined> {
  const response = await fetch(`${front.url}${path}`, {
    ...init,
    headers: {
      ...(init.headers as Record<string, string>),
      ...(init.body ? { "content-type": "application/json" } : {}),
    },
  });
  await response.arrayBuffer();
  expect(exchanges).toHaveLength(1);
  return findingOf(exchanges[0] as Exchange);
}

describe("what Prism finds, as the harness reports it", () => {
  it("finds nothing in a request and an answer within the spec", async () => {
    answer = { status: 200, body: { isEnrolled: false } };
    expect(await send("/users/u1", { headers: { authorization } })).toBeUndefined();
  });

  it("reports a request Prism refused, with the request's violations", async () => {
    const finding = await send("/users/u1/actions/signIn", {
      method: "POST",
      headers: { authorization },
      body: JSON.stringify({ redirectUrl: 5 }),
    });
    expect(finding).toMatchObject({
      kind: "refused",
      api: "server",
      method: "POST",
      path: "/users/u1/actions/signIn",
      status: 422,
      violations: [{ location: ["request", "body", "redirectUrl"], message: expect.stringContaining("string") }],
    });
  });

  it("reports an answer that breaks the spec, which Prism turned into a 500", async () => {
    answer = { status: 200, body: { nope: 1 } };
    expect(await send("/users/u1", { headers: { authorization } })).toMatchObject({
      kind: "response",
      status: 500,
      violations: [{ location: ["response", "body"], message: expect.stringContaining("isEnrolled") }],
      prismAnswer: expect.stringContaining("not valid"),
    });
  });

  it("reports the answers Prism made itself: no such path, no credentials", async () => {
    expect(await send("/nowhere", { headers: { authorization } })).toMatchObject({
      kind: "prism",
      status: 404,
      violations: [],
      prismAnswer: expect.stringContaining("no path matched"),
    });
    exchanges.length = 0;
    expect(await send("/users/u1")).toMatchObject({ kind: "prism", status: 401 });
  });

  // Last: the stand-in stops for good.
  it("reports that Prism could not reach the emulator", async () => {
    upstream.closeAllConnections();
    await new Promise<void>((resolve) => upstream.close(() => resolve()));
    expect(await send("/users/u1", { headers: { authorization } })).toMatchObject({
      kind: "prism",
      status: 500,
      // ECONNREFUSED, or a hang-up where Prism's last connection to it was still open.
      prismAnswer: expect.stringMatching(/^request to http:\S+ failed, reason: /),
    });
  });

  it("reports a warning Prism let through, and the answer passes", () => {
    const finding = findingOf({
      api: "server",
      method: "GET",
      path: "/users/u1",
      status: 200,
      contentType: "application/json",
      violationsHeader: JSON.stringify([
        { location: ["request", "header", "prefer"], severity: "Warning", code: "x", message: "a warning" },
      ]),
      body: "{}",
    });
    expect(finding).toEqual({
      kind: "request",
      api: "server",
      method: "GET",
      path: "/users/u1",
      status: 200,
      violations: [{ location: ["request", "header", "prefer"], message: "a warning" }],
    });
  });
});
