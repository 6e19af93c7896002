// Retry behaviour against a real server that fails on purpose (see support/fault-server.ts).

import { refusedUrl } from "@authsignal-ts/scripts/testing/loopback";
import { afterEach, describe, expect, it } from "vitest";
import {
  AuthsignalConnectionError,
  type AuthsignalError,
  AuthsignalInternalServerError,
  AuthsignalRateLimitError,
} from "../../src/errors.ts";
import { countingFetch, faultClient } from "../support/fault-client.ts";
import { type FaultServer, reply, startFaultServer } from "../support/fault-server.ts";

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ok = { userId: "u1" };
const verifyArgs = { challengeId: "ch_1", verificationCode: "123456" };

describe("retries", () => {
  it("honours Retry-After in seconds on a 429, then succeeds", async () => {
    server = await startFaultServer((_request, response, index) =>
      index === 0 ? reply.error(response, 429, { "retry-after": "1" }) : reply.json(response, 200, ok),
    );
    await expect(faultClient(server.url).getUser({ userId: "u1" })).resolves.toEqual(ok);
    const [first, second] = server.requests;
    expect(server.requests).toHaveLength(2);
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it("honours Retry-After as an HTTP date on a 429", async () => {
    server = await startFaultServer((_request, response, index) =>
      index === 0
        ? reply.error(response, 429, { "retry-after": new Date(Date.now() + 2000).toUTCString() })
        : reply.json(response, 200, ok),
    );
    await expect(faultClient(server.url).getUser({ userId: "u1" })).resolves.toEqual(ok);
    const [first, second] = server.requests;
    // The date has one-second precision, so the wait is between 1 and 2 seconds.
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it("retries a 429 even on a POST that is not idempotent, because the API did not process it", async () => {
    server = await startFaultServer((_request, response, index) =>
      index === 0
        ? reply.error(response, 429, { "retry-after-ms": "10" })
        : reply.json(response, 200, { isVerified: true }),
    );
    await expect(faultClient(server.url).verify(verifyArgs)).resolves.toEqual({ isVerified: true });
    expect(server.requests).toHaveLength(2);
  });

  it("gives up after maxRetries with the last 429 and the wait it asked for", async () => {
    server = await startFaultServer((_request, response) => reply.error(response, 429, { "retry-after-ms": "20" }));
    const error = await faultClient(server.url, { maxRetries: 1 })
      .getUser({ userId: "u1" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthsignalRateLimitError);
    expect(error).toMatchObject({ statusCode: 429, retryAfterMs: 20, errorCode: "http_429_test" });
    expect(server.requests).toHaveLength(2);
  });

  it("rides out a run of 503s on an idempotent call", async () => {
    server = await startFaultServer((_request, response, index) =>
      index < 2 ? reply.error(response, 503) : reply.json(response, 200, ok),
    );
    await expect(faultClient(server.url).getUser({ userId: "u1" })).resolves.toEqual(ok);
    expect(server.requests).toHaveLength(3);
  });

  it("stops after maxRetries (default 2) and throws the last 503", async () => {
    server = await startFaultServer((_request, response) => reply.error(response, 503));
    const error = await faultClient(server.url)
      .getUser({ userId: "u1" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthsignalInternalServerError);
    expect(error).toMatchObject({ statusCode: 503 });
    expect(server.requests).toHaveLength(3);
  });

  it("honours maxRetries per call", async () => {
    server = await startFaultServer((_request, response) => reply.error(response, 503));
    await faultClient(server.url)
      .getUser({ userId: "u1" }, { maxRetries: 0 })
      .catch(() => undefined);
    expect(server.requests).toHaveLength(1);
  });

  it("never resends a POST that is not idempotent after a 500", async () => {
    server = await startFaultServer((_request, response) => reply.error(response, 500));
    const error = await faultClient(server.url)
      .verify(verifyArgs)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthsignalInternalServerError);
    expect(server.requests).toHaveLength(1);
  });

  it("resends an idempotent-keyed POST with the same key on every attempt", async () => {
    server = await startFaultServer((_request, response, index) =>
      index < 2 ? reply.error(response, 500) : reply.json(response, 200, { state: "ALLOW" }),
    );
    await faultClient(server.url).track({ userId: "u1", action: "signIn", attributes: { email: "e@example.com" } });
    const keys = server.requests.map((request) => JSON.parse(request.body).idempotencyKey);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("keeps the caller's own idempotency key", async () => {
    server = await startFaultServer((_request, response) => reply.json(response, 200, { state: "ALLOW" }));
    await faultClient(server.url).track({ userId: "u1", action: "signIn", attributes: { idempotencyKey: "mine" } });
    expect(JSON.parse(server.requests[0]?.body ?? "{}").idempotencyKey).toBe("mine");
  });

  it("retries an idempotent call after the connection is reset before the response", async () => {
    server = await startFaultServer((_request, response, index) =>
      index === 0 ? reply.reset(response) : reply.json(response, 200, ok),
    );
    await expect(faultClient(server.url).getUser({ userId: "u1" })).resolves.toEqual(ok);
    expect(server.requests).toHaveLength(2);
  });

  it("does not resend a POST that is not idempotent after a reset, since the server may have acted on it", async () => {
    server = await startFaultServer((_request, response) => reply.reset(response));
    const error = await faultClient(server.url)
      .verify(verifyArgs)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthsignalConnectionError);
    expect((error as AuthsignalError).statusCode).toBeUndefined();
    expect(server.requests).toHaveLength(1);
  });

  it("retries even a non-idempotent POST when the connection is refused, then reports a connection error", async () => {
    const counter = countingFetch();
    const error = await faultClient(await refusedUrl(), { fetch: counter.fetch })
      .verify(verifyArgs)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthsignalConnectionError);
    expect(error).toMatchObject({ errorCode: "connection_error", statusCode: undefined });
    expect((error as Error).message).toContain("ECONNREFUSED");
    expect(counter.attempts).toBe(3);
  });
});
