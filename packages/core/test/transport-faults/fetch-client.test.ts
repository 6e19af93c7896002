// The openapi-fetch client against a real server: the same path rule as the methods, applied
// before anything is sent, and the same refusal of redirects.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { secretKeyCredentials } from "../../src/config.ts";
import { AuthsignalApiError, AuthsignalValidationError } from "../../src/errors.ts";
import { createFetchClient } from "../../src/fetch-client.ts";
import type { OperationTable } from "../../src/operation.ts";
import { type FaultServer, reply, startFaultServer } from "../support/fault-server.ts";

interface Paths {
  "/users/{userId}/authenticators/{userAuthenticatorId}": {
    delete: {
      parameters: { path: { userId: string; userAuthenticatorId: string } };
      responses: { 200: { content: { "application/json": { success: boolean } } } };
    };
  };
  "/users/{userId}/actions/{action}": {
    post: {
      parameters: { path: { userId: string; action: string } };
      requestBody: { content: { "application/json": Record<string, never> } };
      responses: { 200: { content: { "application/json": { state: string } } } };
    };
  };
}

const operations = {
  deleteAuthenticator: { method: "DELETE", path: "/users/{userId}/authenticators/{userAuthenticatorId}" },
  track: { method: "POST", path: "/users/{userId}/actions/{action}", patterns: { action: /^[a-zA-Z0-9_-]{1,64}$/ } },
} satisfies OperationTable;

let server: FaultServer;
beforeEach(async () => {
  server = await startFaultServer((_request, response) => reply.json(response, 200, { success: true }));
});
afterEach(() => server.close());

const clientFor = (url: string) =>
  createFetchClient<Paths>(
    { servers: { us: url }, operations, credentials: secretKeyCredentials },
    { apiSecretKey: "sk_fetch_client", baseUrl: `${url}/v1`, maxRetries: 0 },
  );

describe("path parameters through the openapi-fetch client", () => {
  it.each([
    ["..", "userId"],
    [".", "userId"],
    ["", "userId"],
  ])("refuses %j as a path segment, sending nothing", async (userId, field) => {
    const error = await clientFor(server.url)
      .DELETE("/users/{userId}/authenticators/{userAuthenticatorId}", {
        params: { path: { userId, userAuthenticatorId: "a1" } },
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthsignalValidationError);
    expect(error).toMatchObject({ field });
    expect(server.requests).toHaveLength(0);
  });

  it("refuses a missing parameter instead of sending the placeholder", async () => {
    const client = clientFor(server.url);
    const noParams = client.DELETE as unknown as (path: string, init?: object) => Promise<unknown>;
    for (const init of [undefined, {}, { params: {} }, { params: { path: { userId: "u1" } } }]) {
      await expect(noParams("/users/{userId}/authenticators/{userAuthenticatorId}", init)).rejects.toBeInstanceOf(
        AuthsignalValidationError,
      );
    }
    expect(server.requests).toHaveLength(0);
  });

  it("checks the pattern the spec gives a parameter", async () => {
    const error = await clientFor(server.url)
      .POST("/users/{userId}/actions/{action}", { params: { path: { userId: "u1", action: "sign in" } }, body: {} })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ field: "action" });
    expect(server.requests).toHaveLength(0);
  });

  it("percent-encodes a value the way the methods do", async () => {
    const { data } = await clientFor(server.url).DELETE("/users/{userId}/authenticators/{userAuthenticatorId}", {
      params: { path: { userId: "../admin", userAuthenticatorId: "a/1" } },
    });
    expect(data).toEqual({ success: true });
    expect(server.requests[0]?.path).toBe("/v1/users/..%2Fadmin/authenticators/a%2F1");
  });
});

describe("redirects through the openapi-fetch client", () => {
  it("rejects with the redirect error instead of following it", async () => {
    await server.close();
    server = await startFaultServer((_request, response) => {
      response.writeHead(308, { location: "https://elsewhere.example/steal" });
      response.end();
    });
    const error = await clientFor(server.url)
      .DELETE("/users/{userId}/authenticators/{userAuthenticatorId}", {
        params: { path: { userId: "u1", userAuthenticatorId: "a1" } },
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthsignalApiError);
    expect(error).toMatchObject({ statusCode: 308, errorCode: "redirect_not_followed" });
    expect((error as Error).message).toContain("https://elsewhere.example");
  });
});

describe("retries through the openapi-fetch client", () => {
  type Post<Body> = {
    post: {
      parameters: { path?: Record<string, string> };
      requestBody: { content: { "application/json": Body } };
      responses: { 200: { content: { "application/json": { ok: boolean } } } };
    };
  };
  interface RetryPaths {
    "/validate": Post<{ token: string }>;
    "/challenge": Post<{ userId: string }>;
    "/users/{userId}/actions/{action}": Post<{ idempotencyKey?: string; email?: string }>;
  }
  // The same entries as a method's table: idempotency is decided by isIdempotent on them.
  const retryOperations = {
    validate: { method: "POST", path: "/validate", hasBody: true, idempotent: true },
    challenge: { method: "POST", path: "/challenge", hasBody: true },
    track: {
      method: "POST",
      path: "/users/{userId}/actions/{action}",
      hasBody: true,
      idempotencyKeyField: "idempotencyKey",
    },
  } satisfies OperationTable;

  const retryClientFor = (url: string) =>
    createFetchClient<RetryPaths>(
      { servers: { us: url }, operations: retryOperations, credentials: secretKeyCredentials },
      { apiSecretKey: "sk_fetch_client", baseUrl: url, initialRetryDelayMs: 1, maxRetryDelayMs: 5 },
    );

  beforeEach(async () => {
    await server.close();
    server = await startFaultServer((_request, response, index) =>
      index === 0 ? reply.error(response, 503) : reply.json(response, 200, { ok: true }),
    );
  });

  it("resends a POST the spec marks idempotent after a 503, as the method does", async () => {
    const { data } = await retryClientFor(server.url).POST("/validate", { body: { token: "t" } });
    expect(data).toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
  });

  it("never resends a POST that is not idempotent", async () => {
    const { error, response } = await retryClientFor(server.url).POST("/challenge", { body: { userId: "u1" } });
    expect(response.status).toBe(503);
    expect(error).toMatchObject({ error: "http_503_test" });
    expect(server.requests).toHaveLength(1);
  });

  it("gives a keyed POST a key, as the method does, and resends it with the same key", async () => {
    const { data } = await retryClientFor(server.url).POST("/users/{userId}/actions/{action}", {
      params: { path: { userId: "u1", action: "signIn" } },
      body: { email: "jane@example.com" },
    });
    expect(data).toEqual({ ok: true });
    const [first, second] = server.requests.map((request) => JSON.parse(request.body));
    expect(server.requests).toHaveLength(2);
    expect(first).toEqual({ email: "jane@example.com", idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(second).toEqual(first);
  });
});
