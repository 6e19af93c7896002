// Bodies that are broken, empty or not JSON, from a real server; and the openapi-fetch client
// riding the same transport.
import { afterEach, describe, expect, it } from "vitest";
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

  it("reports a body cut off by the connection as a connection error", async () => {
    server = await startFaultServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      response.write('{"userId":');
      setTimeout(() => response.socket?.destroy(), 10);
    });
    const error = await faultClient(server.url, { maxRetries: 0 })
      .getUser({ userId: "u1" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthsignalConnectionError);
  });

  it("turns an HTML error page into a typed error with the status", async () => {
    server = await startFaultServer((_request, response) => reply.html(response, 502));
    const error = await faultClient(server.url, { maxRetries: 0 })
      .getUser({ userId: "u1" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthsignalInternalServerError);
    expect(error).toMatchObject({ statusCode: 502, errorCode: "http_502", errorDescription: undefined });
  });

  it.each([200, 204] as const)("resolves an empty %i to undefined", async (status) => {
    server = await startFaultServer((_request, response) => reply.empty(response, status));
    await expect(faultClient(server.url).getUser({ userId: "u1" })).resolves.toBeUndefined();
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
      { identity: { name: "t", version: "0" }, servers: { us: url } },
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
