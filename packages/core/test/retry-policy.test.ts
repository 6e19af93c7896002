import { describe, expect, it } from "vitest";
import { isRetryable, maxRetryAfterMs, mayHaveReachedServer, retryAfterMs, retryDelayMs } from "../src/retry-policy.ts";

const settings = { maxRetries: 2, initialRetryDelayMs: 500, maxRetryDelayMs: 8000 };
const status = (code: number) => ({ kind: "status" as const, status: code, headers: new Headers() });

describe("isRetryable", () => {
  it.each([
    // failure, idempotent, non-idempotent
    [status(408), true, false],
    [status(429), true, true],
    [status(500), true, false],
    [status(503), true, false],
    [status(400), false, false],
    [status(401), false, false],
    [status(404), false, false],
    [status(409), false, false],
    [{ kind: "timeout" as const }, true, false],
    [{ kind: "connection" as const, reachedServer: true }, true, false],
    [{ kind: "connection" as const, reachedServer: false }, true, true],
  ])("%j: idempotent %s, non-idempotent %s", (failure, idempotent, nonIdempotent) => {
    expect(isRetryable(failure, true)).toBe(idempotent);
    expect(isRetryable(failure, false)).toBe(nonIdempotent);
  });
});

describe("retryAfterMs", () => {
  it("reads retry-after-ms first, then Retry-After in seconds or as an HTTP date", () => {
    expect(retryAfterMs(new Headers({ "retry-after-ms": "250", "retry-after": "9" }))).toBe(250);
    expect(retryAfterMs(new Headers({ "retry-after": "3" }))).toBe(3000);
    // On a clock held still: a real one could pass a second between writing the date and reading it.
    const now = Date.parse("Sun, 06 Nov 1994 08:49:30.250 GMT");
    const realNow = Date.now;
    Date.now = () => now;
    try {
      expect(retryAfterMs(new Headers({ "retry-after": "Sun, 06 Nov 1994 08:49:35 GMT" }))).toBe(4750);
      expect(retryAfterMs(new Headers({ "retry-after": "Sun, 06 Nov 1994 08:48:30 GMT" }))).toBe(0);
    } finally {
      Date.now = realNow;
    }
  });

  it("reads every HTTP-date form RFC 9110 allows: IMF-fixdate, RFC 850 and asctime (which is GMT)", () => {
    const now = Date.parse("Sun, 06 Nov 1994 08:49:30 GMT");
    const realNow = Date.now;
    Date.now = () => now;
    try {
      for (const date of [
        "Sun, 06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37 1994",
      ]) {
        expect(retryAfterMs(new Headers({ "retry-after": date })), date).toBe(7000);
      }
    } finally {
      Date.now = realNow;
    }
  });

  it("ignores what RFC 9110 does not allow, so the client backs off instead", () => {
    for (const value of [
      "0x1",
      "1e1",
      "0.5",
      "+3",
      " 1, 2",
      "Infinity",
      "3 seconds",
      "06 Nov 1994",
      "Sun, 32 Nov 1994 08:49:37 GMT",
    ]) {
      expect(retryAfterMs(new Headers({ "retry-after": value })), value).toBeUndefined();
    }
    for (const value of ["1e3", "-5", "0x10"]) {
      expect(retryAfterMs(new Headers({ "retry-after-ms": value })), value).toBeUndefined();
    }
  });

  it("ignores missing, negative and unreadable values", () => {
    expect(retryAfterMs(new Headers())).toBeUndefined();
    expect(retryAfterMs(new Headers({ "retry-after": "-1" }))).toBeUndefined();
    expect(retryAfterMs(new Headers({ "retry-after": "soon" }))).toBeUndefined();
    expect(retryAfterMs(new Headers({ "retry-after-ms": "", "retry-after": "2" }))).toBe(2000);
  });
});

describe("retryDelayMs", () => {
  it("backs off exponentially with jitter of at most 25%, up to the cap", () => {
    for (let sample = 0; sample < 200; sample++) {
      const first = retryDelayMs(1, settings, undefined);
      const third = retryDelayMs(3, settings, undefined);
      const tenth = retryDelayMs(10, settings, undefined);
      expect(first).toBeGreaterThanOrEqual(375);
      expect(first).toBeLessThanOrEqual(500);
      expect(third).toBeGreaterThanOrEqual(1500);
      expect(third).toBeLessThanOrEqual(2000);
      expect(tenth).toBeGreaterThanOrEqual(6000);
      expect(tenth).toBeLessThanOrEqual(8000);
    }
  });

  it("waits what the server asked, capped at 60 s", () => {
    expect(retryDelayMs(1, settings, new Headers({ "retry-after": "2" }))).toBe(2000);
    expect(retryDelayMs(1, settings, new Headers({ "retry-after": "3600" }))).toBe(maxRetryAfterMs);
  });
});

describe("mayHaveReachedServer", () => {
  const fetchFailed = (cause: unknown) => Object.assign(new TypeError("fetch failed"), { cause });

  it("knows a refused connection or an unknown host never reached the server", () => {
    expect(mayHaveReachedServer(fetchFailed(Object.assign(new Error("connect"), { code: "ECONNREFUSED" })))).toBe(
      false,
    );
    expect(mayHaveReachedServer(fetchFailed(Object.assign(new Error("dns"), { code: "ENOTFOUND" })))).toBe(false);
    const both = new AggregateError([Object.assign(new Error("a"), { code: "ECONNREFUSED" })], "all failed");
    expect(mayHaveReachedServer(fetchFailed(both))).toBe(false);
    expect(mayHaveReachedServer(new TypeError("error sending request: Connection refused (os error 111)"))).toBe(false);
  });

  it("assumes anything else may have reached it", () => {
    expect(mayHaveReachedServer(fetchFailed(Object.assign(new Error("reset"), { code: "ECONNRESET" })))).toBe(true);
    expect(mayHaveReachedServer(fetchFailed(Object.assign(new Error("closed"), { code: "UND_ERR_SOCKET" })))).toBe(
      true,
    );
    expect(mayHaveReachedServer("weird")).toBe(true);
  });
});
