// 1,000 concurrent calls against a server, in another process, that answers each attempt with a
// random fault. Every call must settle with a documented outcome, and the client's own record of
// its attempts must show the retry policy was kept: a non-idempotent POST is resent only after a
// 429, and nothing is sent more than 1 + maxRetries times.
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { AuthsignalError } from "../../src/errors.ts";
import { faultClient } from "../support/fault-client.ts";

let child: ChildProcess | undefined;
afterEach(() => {
  child?.stdin?.end();
  child = undefined;
});

async function startRandomFaultServer(): Promise<string> {
  const script = fileURLToPath(new URL("../support/random-fault-server.ts", import.meta.url));
  child = spawn(process.execPath, [script], { stdio: ["pipe", "pipe", "inherit"] });
  const [line] = await createInterface({ input: child.stdout as NodeJS.ReadableStream })
    [Symbol.asyncIterator]()
    .next()
    .then((next) => [next.value as string]);
  return (JSON.parse(line ?? "{}") as { url: string }).url;
}

describe("1,000 concurrent calls with random faults", () => {
  it("settles every call with a documented outcome and keeps the retry policy", async () => {
    const url = await startRandomFaultServer();
    // What each attempt got, as the client saw it: the status, or "error" when fetch threw.
    const attempts = new Map<string, string[]>();
    const outcomeLoggingFetch: typeof fetch = async (input, init) => {
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
    // Long enough that, on a busy 2-core machine, only the deliberate hangs time out.
    const client = faultClient(url, { timeoutMs: 4000, fetch: outcomeLoggingFetch });
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
        // The server sends this body only with its "ok" fault.
        expect(result.value).toEqual({ callId: String(index) });
        expect(last).toBe("200");
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
    expect([...outcomes.keys()].sort()).toEqual([
      "AuthsignalConnectionError",
      "AuthsignalInternalServerError",
      "AuthsignalRateLimitError",
      "AuthsignalResponseError",
      "AuthsignalTimeoutError",
      "resolved",
    ]);
  }, 60_000);
});
