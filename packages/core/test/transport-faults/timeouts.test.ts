// Timeouts and cancellation against a real server that stalls on purpose.
import { afterEach, describe, expect, it } from "vitest";
import { AuthsignalAbortError, AuthsignalTimeoutError } from "../../src/errors.ts";
import { countingFetch, faultClient } from "../support/fault-client.ts";
import { type FaultServer, reply, startFaultServer } from "../support/fault-server.ts";

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("timeouts", () => {
  // Counted at the client: on a busy machine an attempt may time out before its request reaches
  // the server. The default timeout (10 s a try) would outlast the test's own limit.
  it("fails an attempt whose headers never arrive, and retries it when idempotent", async () => {
    server = await startFaultServer((_request, response) => reply.hang(response));
    const counter = countingFetch();
    const error = await faultClient(server.url, { timeoutMs: 150, fetch: counter.fetch })
      .getUser({ userId: "u1" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthsignalTimeoutError);
    expect(error).toMatchObject({
      errorCode: "timeout",
      statusCode: undefined,
      message: "The request timed out after 150 ms",
    });
    expect(counter.attempts).toBe(3);
  });

  it("does not resend a POST that timed out, since it may have been processed", async () => {
    server = await startFaultServer((_request, response) => reply.hang(response));
    const counter = countingFetch();
    const error = await faultClient(server.url, { timeoutMs: 100, fetch: counter.fetch })
      .verify({ challengeId: "c", verificationCode: "1" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthsignalTimeoutError);
    expect(counter.attempts).toBe(1);
  });

  it("fails a body that stalls mid-stream", async () => {
    server = await startFaultServer((_request, response) => reply.hangBody(response));
    const error = await faultClient(server.url, { timeoutMs: 150, maxRetries: 0 })
      .getUser({ userId: "u1" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthsignalTimeoutError);
  });

  it("lets a call override the client's timeout", async () => {
    server = await startFaultServer((_request, response) =>
      setTimeout(() => reply.json(response, 200, { userId: "u1" }), 300),
    );
    const client = faultClient(server.url, { timeoutMs: 100, maxRetries: 0 });
    await expect(client.getUser({ userId: "u1" })).rejects.toBeInstanceOf(AuthsignalTimeoutError);
    await expect(client.getUser({ userId: "u1" }, { timeoutMs: 60_000 })).resolves.toEqual({ userId: "u1" });
  });
});

describe("cancellation", () => {
  it("aborts a call mid-flight with the caller's reason, and does not retry it", async () => {
    server = await startFaultServer((_request, response) => reply.hang(response));
    const counter = countingFetch();
    const controller = new AbortController();
    const call = faultClient(server.url, { fetch: counter.fetch }).getUser(
      { userId: "u1" },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(new Error("user gave up")), 50);
    const error = await call.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthsignalAbortError);
    expect(error).toMatchObject({ errorCode: "aborted", statusCode: undefined });
    expect(((error as Error).cause as Error).message).toBe("user gave up");
    expect(counter.attempts).toBe(1);
  });

  it("aborts during the wait between retries", async () => {
    server = await startFaultServer((_request, response) => reply.error(response, 503, { "retry-after": "30" }));
    const controller = new AbortController();
    // Aborted once the client has decided to wait; the wait the 503 asks for (30 s) outlasts the
    // test's own limit, so only the abort can end it.
    const logger = {
      debug: (message: string) => message.endsWith("retrying") && setImmediate(() => controller.abort()),
    };
    const call = faultClient(server.url, { logger }).getUser({ userId: "u1" }, { signal: controller.signal });
    await expect(call).rejects.toBeInstanceOf(AuthsignalAbortError);
    expect(server.requests).toHaveLength(1);
  });

  it("sends nothing when the signal is already aborted", async () => {
    server = await startFaultServer((_request, response) => reply.json(response, 200, {}));
    await expect(
      faultClient(server.url).getUser({ userId: "u1" }, { signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(AuthsignalAbortError);
    expect(server.requests).toHaveLength(0);
  });
});
