// The caller's signal and the attempt: what happens to a request in flight when the caller aborts.
// Retries, timeouts and broken responses are in transport-faults/.
import { afterEach, describe, expect, it } from "vitest";
import { AuthsignalAbortError } from "../src/errors.ts";
import type { OperationSpec } from "../src/operation.ts";
import { rejection, stubbedCall } from "./helpers.ts";
import { faultClient } from "./support/fault-client.ts";
import { type FaultServer, startFaultServer } from "./support/fault-server.ts";

const getUser: OperationSpec = { method: "GET", path: "/users/{userId}" };

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("the caller's signal", () => {
  it("is joined to the attempt's: aborting it ends the request a real server is holding", async () => {
    let requestArrived!: () => void;
    const arrived = new Promise<void>((resolve) => {
      requestArrived = resolve;
    });
    let connectionClosed!: () => void;
    const closed = new Promise<void>((resolve) => {
      connectionClosed = resolve;
    });
    server = await startFaultServer((_request, response) => {
      // Holds the request: only the client can end it.
      response.once("close", connectionClosed);
      requestArrived();
    });
    const controller = new AbortController();
    // No timeout and no retry, so nothing but the caller's signal can end the attempt.
    const call = faultClient(server.url, { timeoutMs: Number.POSITIVE_INFINITY, maxRetries: 0 })
      .getUser({ userId: "u1" }, { signal: controller.signal })
      .catch((caught: unknown) => caught);
    await arrived;
    controller.abort(new Error("caller gave up"));
    // Awaited without a deadline of its own: a call or a connection the abort failed to end
    // holds the test until its limit, which fails it.
    const error = await call;
    expect(error).toBeInstanceOf(AuthsignalAbortError);
    expect(((error as Error).cause as Error).message).toBe("caller gave up");
    await closed;
    expect(server.requests).toHaveLength(1);
  });

  it("aborts the fetch when the caller aborts, rejecting with AuthsignalAbortError", async () => {
    let seen: AbortSignal | undefined;
    const fetch = ((_input: string, init: RequestInit) => {
      seen = init.signal ?? undefined;
      return new Promise((_resolve, reject) =>
        init.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
      );
    }) as unknown as typeof globalThis.fetch;
    const controller = new AbortController();
    const call = stubbedCall(undefined, fetch).call(getUser, { userId: "u1" }, { signal: controller.signal });
    controller.abort(new Error("user navigated away"));
    const error = await rejection(call);
    expect(error).toBeInstanceOf(AuthsignalAbortError);
    expect(error.statusCode).toBeUndefined();
    expect((error.cause as Error).message).toBe("user navigated away");
    expect(seen?.aborted).toBe(true);
  });
});
