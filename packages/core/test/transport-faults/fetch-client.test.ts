// The openapi-fetch client against a real server: the same path rule as the methods, applied
// before anything is sent, and the same refusal of redirects.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
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
    { identity: { name: "t", version: "0" }, servers: { us: url }, operations },
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
