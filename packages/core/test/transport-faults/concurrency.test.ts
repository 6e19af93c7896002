// 1,000 concurrent calls against a server that answers each attempt with a random fault. Every
// call must settle with a documented outcome, and the server's log must show the retry policy
// was kept: a non-idempotent POST is resent only after a 429 (or a refused connection).
import { afterEach, describe, expect, it } from "vitest";
import { AuthsignalError } from "../../src/errors.ts";
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
    // What each attempt got, as the client saw it: the status, or "error" when fetch threw. The
    // policy is checked from these, since a loaded server may read an attempt late or never.
    const attempts = new Map<string, string[]>();
    const recordingFetch: typeof fetch = async (input, init) => {
      const callId = new Headers(init?.headers).get("x-call-id") ?? "";
      const seen = attempts.get(callId) ?? [];
      attempts.set(callId, seen);
      try {
        const response = await fetch(input, init);
        seen.push(String(response.status));
        return response;
      } catch (error) {
        seen.push("error");
        throw error;
      }
    };
    // Long enough that only the deliberate hangs time out, even with 1,000 sockets on 2 cores.
    const client = faultClient(server.url, { timeoutMs: 2000, fetch: recordingFetch });
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
      const seen = attempts.get(String(index)) ?? [];
      const last = seen.at(-1);
      expect(seen.length).toBeGreaterThanOrEqual(1);
      expect(seen.length).toBeLessThanOrEqual(3);
      if (index % 2 === 1) {
        // verify is not idempotent: only a 429 may be followed by another attempt.
        for (const status of seen.slice(0, -1)) expect(status).toBe("429");
      }
      if (result.status === "fulfilled") {
        const value = result.value as { callId: string; served: number };
        expect(value.callId).toBe(String(index));
        expect(last).toBe("200");
        expect(served.get(String(index))?.[value.served]).toBe("ok");
      } else {
        expect(result.reason).toBeInstanceOf(AuthsignalError);
        const { statusCode } = result.reason as AuthsignalError;
        // An HTTP error is the last status the client received; otherwise no status came back
        // (or a 200 body could not be read).
        if (statusCode !== undefined) expect(String(statusCode)).toBe(last);
        else expect(["error", "200"]).toContain(last);
      }
      const outcome = result.status === "fulfilled" ? "resolved" : (result.reason as Error).name;
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
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
