// The README states the retry policy as a table for users. Each of its rows is checked here
// against isRetryable, so neither can change without the other.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type AttemptFailure, isRetryable } from "../src/retry-policy.ts";

const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");

/** The rows of the first table after the "Retries and timeouts" heading, as cells. */
function retryTable(): string[][] {
  const section = readme.slice(readme.indexOf("### Retries and timeouts"));
  const lines = section.split("\n");
  const start = lines.findIndex((line) => line.startsWith("|"));
  const end = lines.findIndex((line, index) => index > start && !line.startsWith("|"));
  return lines
    .slice(start, end)
    .map((line) =>
      line
        .split("|")
        .slice(1, -1)
        .map((cell) => cell.trim()),
    )
    .filter((cells) => !cells.every((cell) => /^-+$/.test(cell)));
}

const status = (code: number): AttemptFailure => ({ kind: "status", status: code, headers: new Headers() });
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

// What each row's failure is, as the transport hands it to isRetryable.
const failuresOfRow: Record<string, AttemptFailure[]> = {
  "connection refused, unknown host (the request never left)": [{ kind: "connection", reachedServer: false }],
  "connection reset or dropped, other network errors": [{ kind: "connection", reachedServer: true }],
  "attempt timed out": [{ kind: "timeout" }],
  "408 Request Timeout": [status(408)],
  "429 Too Many Requests": [status(429)],
  "500–599": range(500, 599).map(status),
  "any other 4xx": range(400, 499)
    .filter((code) => code !== 408 && code !== 429)
    .map(status),
};

// Failures that never reach isRetryable: the transport retries only connection failures and
// statuses, and throws these at once (proven against a real server in transport-faults/).
const neverRetriedRows = [
  "your `signal` aborted",
  "a redirect (3xx), which is never followed",
  "a body cut short or over `maxResponseBytes`",
];

/** true for "retried…", false for "not retried…" (bold or not); anything else fails the test. */
function saysRetried(cell: string): boolean {
  if (/^retried\b/.test(cell)) return true;
  if (/^(\*\*)?not retried\b/.test(cell)) return false;
  throw new Error(`cannot read "${cell}" as retried or not`);
}

describe("the README's retry table", () => {
  const [header = [], ...rows] = retryTable();

  it("has the columns the test reads: the failure, then idempotent requests, then other POSTs", () => {
    expect(header).toHaveLength(3);
    expect(header[0]).toBe("failure");
    expect(header[1]).toMatch(/^idempotent request/);
    expect(header[2]).toMatch(/^other POST/);
  });

  it("lists exactly the failures the test knows", () => {
    expect(rows.map(([failure]) => failure).sort()).toEqual(
      [...Object.keys(failuresOfRow), ...neverRetriedRows].sort(),
    );
  });

  it.each(Object.entries(failuresOfRow))("says of %s what isRetryable does", (row, failures) => {
    const [, idempotent = "", other = ""] = rows.find(([failure]) => failure === row) ?? [];
    for (const failure of failures) {
      expect(isRetryable(failure, true), `${row}, idempotent: ${JSON.stringify(failure)}`).toBe(
        saysRetried(idempotent),
      );
      expect(isRetryable(failure, false), `${row}, other POST: ${JSON.stringify(failure)}`).toBe(saysRetried(other));
    }
  });

  it.each(neverRetriedRows)("says %s is never retried", (row) => {
    const [, idempotent = "", other = ""] = rows.find(([failure]) => failure === row) ?? [];
    expect(saysRetried(idempotent)).toBe(false);
    expect(saysRetried(other)).toBe(false);
  });
});
