// When a failed attempt may be sent again, and how long to wait first. The policy is stated as a
// table in the repository README; keep the two in step.

/** Why an attempt failed, as far as retrying is concerned. */
export type AttemptFailure =
  | { kind: "status"; status: number; headers: Headers }
  /** `reachedServer: false` only when the request surely never left, such as a refused connection. */
  | { kind: "connection"; reachedServer: boolean }
  | { kind: "timeout" };

export interface RetrySettings {
  maxRetries: number;
  initialRetryDelayMs: number;
  maxRetryDelayMs: number;
}

/** The longest wait a `Retry-After` header can impose. */
export const maxRetryAfterMs = 60_000;

/**
 * An idempotent request is resent after any transient failure. A request that may already have
 * been processed (a POST that sends an SMS or counts a verification attempt) is resent only when
 * it surely was not: the connection was refused, or the API rate-limited it.
 */
export function isRetryable(failure: AttemptFailure, idempotent: boolean): boolean {
  switch (failure.kind) {
    case "status":
      if (failure.status === 429) return true;
      return idempotent && (failure.status === 408 || failure.status >= 500);
    case "connection":
      return idempotent || !failure.reachedServer;
    case "timeout":
      return idempotent;
  }
}

/** The wait before retry number `retry` (1 for the first): what the API asked, else backoff with jitter. */
export function retryDelayMs(retry: number, settings: RetrySettings, headers: Headers | undefined): number {
  const asked = headers === undefined ? undefined : retryAfterMs(headers);
  if (asked !== undefined) return Math.min(asked, maxRetryAfterMs);
  const backoff = Math.min(settings.initialRetryDelayMs * 2 ** (retry - 1), settings.maxRetryDelayMs);
  // Up to 25% less, so clients that failed together do not retry together.
  return backoff * (1 - Math.random() * 0.25);
}

/** The wait the response asks for, from `retry-after-ms`, or `Retry-After` in seconds or as an HTTP date. */
export function retryAfterMs(headers: Headers): number | undefined {
  const milliseconds = headers.get("retry-after-ms");
  if (milliseconds !== null) {
    const value = Number(milliseconds);
    if (milliseconds.trim() !== "" && Number.isFinite(value) && value >= 0) return value;
  }
  const retryAfter = headers.get("retry-after");
  if (retryAfter === null || retryAfter.trim() === "") return undefined;
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

// Error codes that mean no connection was ever made, so the server cannot have seen the request:
// Node/undici (ECONNREFUSED, ENOTFOUND, EAI_AGAIN, UND_ERR_CONNECT_TIMEOUT), Bun (ConnectionRefused).
const neverConnected = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|UND_ERR_CONNECT_TIMEOUT|ConnectionRefused)$/;

/** Whether a fetch failure could have happened after the request reached the server. */
export function mayHaveReachedServer(error: unknown): boolean {
  // The code sits on the error, its cause, or (for several addresses) the cause's errors; Deno
  // says so only in the message.
  const cause = (error as { cause?: { errors?: unknown } } | null)?.cause;
  const candidates = [error, cause, ...(Array.isArray(cause?.errors) ? cause.errors : [])];
  return !candidates.some((candidate) => {
    const { code, message } = (candidate ?? {}) as { code?: unknown; message?: unknown };
    return (typeof code === "string" && neverConnected.test(code)) || /connection refused/i.test(String(message));
  });
}
