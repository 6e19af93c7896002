// 1,000 concurrent calls against a server that answers each attempt with a random fault. Every
// call must settle with a documented outcome, and the server's log must show the retry policy
// was kept: a non-idempotent POST is resent only after a 429 (or a refused connection).
import { afterEach, describe, expect, it } from "vitest";
import { AuthsignalError, AuthsignalTimeoutError } from "../../src/errors.ts";
import { faultClient } from "../support/fault-client.ts";
import { type FaultServer, reply, startFaultServer } from "../support/fault-server.ts";

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// A seeded generator, so a failure reproduces.
function mulberry32(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const faults = ["ok", "ok", "ok", "503", "429", "500", "reset", "hang", "truncated", "html"] as const;
type Fault = (typeof faults)[number];

describe("1,000 concurrent calls with random faults", () => {
  it("settles every call with a documented outcome and keeps the retry policy", async () => {
    const random = mulberry32(20261123);
    const served = new Map<string, Fault[]>();
    server = await startFaultServer((request, response) => {
      const callId = String(request.headers["x-call-id"]);
      const fault = faults[Math.floor(random() * faults.length)] ?? "ok";
      const history = served.get(callId) ?? [];
      served.set(callId, [...history, fault]);
      // Which attempt this was, as the server saw it: under load the server may still be working
      // through an attempt the client already abandoned, so arrival order is not attempt order.
      if (fault === "ok") reply.json(response, 200, { callId, served: history.length });
      else if (fault === "503" || fault === "500") reply.error(response, Number(fault));
      else if (fault === "429") reply.error(response, 429, { "retry-after-ms": "5" });
      else if (fault === "reset") reply.reset(response);
      else if (fault === "hang") reply.hang(response);
      else if (fault === "truncated") reply.truncated(response);
      else reply.html(response, 502);
    });
    // Long enough that only the deliberate hangs time out, even with 1,000 sockets on 2 cores.
    const client = faultClient(server.url, { timeoutMs: 2000 });
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);

    const calls = Array.from({ length: 1000 }, (_, index) => {
      const headers = { "x-call-id": String(index) };
      return index % 2 === 0
        ? client.getUser({ userId: `u${index}` }, { headers })
        : client.verify({ challengeId: `c${index}`, verificationCode: "000000" }, { headers });
    });
    const results = await Promise.allSettled(calls);
    process.off("unhandledRejection", onUnhandled);

    expect(unhandled).toEqual([]);
    expect(results).toHaveLength(1000);
    const outcomes = new Map<string, number>();
    results.forEach((result, index) => {
      const history = served.get(String(index)) ?? [];
      if (result.status === "fulfilled") {
        const value = result.value as { callId: string; served: number };
        expect(value.callId).toBe(String(index));
        expect(history[value.served]).toBe("ok");
      } else {
        expect(result.reason).toBeInstanceOf(AuthsignalError);
        // Under load an answer can arrive after timeoutMs; the client rightly calls that a timeout.
        if (!(result.reason instanceof AuthsignalTimeoutError))
          expect(history.some((fault) => fault !== "ok")).toBe(true);
      }
      const outcome = result.status === "fulfilled" ? "resolved" : (result.reason as Error).name;
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);

      expect(history.length).toBeGreaterThanOrEqual(1);
      expect(history.length).toBeLessThanOrEqual(3);
      if (index % 2 === 1) {
        // verify is not idempotent: only a 429 may be followed by another attempt.
        for (const fault of history.slice(0, -1)) expect(fault).toBe("429");
      }
    });
    // Every kind of outcome occurred, so the run exercised them all.
    expect([...outcomes.keys()].sort()).toEqual(
      [
        "AuthsignalBadRequestError",
        "AuthsignalConnectionError",
        "AuthsignalInternalServerError",
        "AuthsignalRateLimitError",
        "AuthsignalResponseError",
        "AuthsignalTimeoutError",
        "resolved",
      ].filter((name) => name !== "AuthsignalBadRequestError"),
    );
  }, 30_000);
});
