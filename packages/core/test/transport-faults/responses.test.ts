// Bodies that are broken, empty or not JSON, from a real server; and the openapi-fetch client
// riding the same transport.
import { afterEach, describe, expect, it } from "vitest";
import { secretKeyCredentials } from "../../src/config.ts";
import { AuthsignalConnectionError, AuthsignalInternalServerError, AuthsignalResponseError } from "../../src/errors.ts";
import { createFetchClient } from "../../src/fetch-client.ts";
import { faultClient } from "../support/fault-client.ts";
import { type FaultServer, reply, startFaultServer } from "../support/fault-server.ts";

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("response bodies", () => {
  it("reports truncated JSON in a 200 as an invalid response, not as success", async () => {
    server = await startFaultServer((_request, response) => reply.truncated(response));
    const error = await faultClient(server.url)
      .getUser({ userId: "u1" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthsignalResponseError);
    expect(error).toMatchObject({ statusCode: 200, errorCode: "invalid_response" });
  });

  it("reports a body cut off by the connection as a truncated response, and does not retry it", async () => {
    server = await startFaultServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      response.write('{"userId":');
      setTimeout(() => response.socket?.destroy(), 10);
    });
    const error = await faultClient(server.url)
      .getUser({ userId: "u1" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthsignalResponseError);
    expect(error).not.toBeInstanceOf(AuthsignalConnectionError);
    expect(error).toMatchObject({ statusCode: 200, errorCode: "truncated_response" });
    expect(server.requests).toHaveLength(1);
  });

  it("turns an HTML error page into a typed error with the status", async () => {
    server = await startFaultServer((_request, response) => reply.html(response, 502));
    const error = await faultClient(server.url, { maxRetries: 0 })
      .getUser({ userId: "u1" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthsignalInternalServerError);
    expect(error).toMatchObject({ statusCode: 502, errorCode: "http_502", errorDescription: undefined });
  });

  it.each([200, 204] as const)("resolves an empty %i to undefined where the spec gives no body", async (status) => {
    server = await startFaultServer((_request, response) => reply.empty(response, status));
    await expect(faultClient(server.url).revoke({ token: "t" })).resolves.toBeUndefined();
  });
});

describe("success bodies of the wrong type", () => {
  it.each([
    ["null", null],
    ["an array", []],
    ["number", 42],
    ["string", "ok"],
  ])("rejects %s where the operation returns an object", async (described, body) => {
    server = await startFaultServer((_request, response) => reply.json(response, 200, body));
    const error = await faultClient(server.url)
      .track({ userId: "u1", action: "signIn" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthsignalResponseError);
    expect(error).toMatchObject({ statusCode: 200, errorCode: "invalid_response" });
    expect((error as Error).message).toBe(`The 200 response is ${described}, not an object`);
  });

  it("rejects an empty 200 where the operation returns an object", async () => {
    server = await startFaultServer((_request, response) => reply.empty(response, 200));
    const error = await faultClient(server.url)
      .getUser({ userId: "u1" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthsignalResponseError);
    expect((error as Error).message).toBe("The 200 response is empty, not an object");
  });

  it("takes an array where the operation returns one, and rejects an object there", async () => {
    server = await startFaultServer((request, response) =>
      reply.json(response, 200, request.path.endsWith("?object") ? { id: "a" } : [{ id: "a" }]),
    );
    await expect(faultClient(server.url).listThings()).resolves.toEqual([{ id: "a" }]);
    await expect(
      faultClient(`${server.url}`, { fetch: (input, init) => fetch(`${String(input)}?object`, init) }).listThings(),
    ).rejects.toThrow("The 200 response is an object, not an array");
  });
});

describe("the openapi-fetch client", () => {
  interface Paths {
    "/users/{userId}": {
      get: {
        parameters: { path: { userId: string } };
        responses: {
          200: { content: { "application/json": { userId: string } } };
          503: { content: { "application/json": { error: string } } };
        };
      };
    };
  }

  const clientFor = (url: string) =>
    createFetchClient<Paths>(
      { servers: { us: url }, operations: {}, credentials: secretKeyCredentials },
      { apiSecretKey: "sk_raw", baseUrl: url, initialRetryDelayMs: 1, maxRetryDelayMs: 5 },
    );

  it("retries on the same transport and returns { data } with auth sent", async () => {
    server = await startFaultServer((_request, response, index) =>
      index === 0 ? reply.error(response, 503) : reply.json(response, 200, { userId: "u1" }),
    );
    const { data, error, response } = await clientFor(server.url).GET("/users/{userId}", {
      params: { path: { userId: "u1" } },
    });
    expect(data).toEqual({ userId: "u1" });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(server.requests[1]?.headers.authorization).toBe(`Basic ${btoa("sk_raw:")}`);
  });

  it("returns the final HTTP error as { error } instead of throwing", async () => {
    server = await startFaultServer((_request, response) => reply.error(response, 503));
    const { data, error, response } = await clientFor(server.url).GET("/users/{userId}", {
      params: { path: { userId: "u1" } },
    });
    expect(data).toBeUndefined();
    expect(error).toEqual({ error: "http_503_test", errorDescription: "Status 503 on purpose" });
    expect(response.status).toBe(503);
    expect(server.requests).toHaveLength(3);
  });
});
