// When a failed attempt may be sent again, and how long to wait first. The repository README
// states the policy as a table for users; test/readme-retry-table.test.ts checks each of its
// rows against isRetryable.

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

/**
 * The wait the response asks for: `retry-after-ms` (milliseconds), or `Retry-After` in the forms
 * RFC 9110 allows, whole seconds or an HTTP date. Anything else (`0x1`, `1e1`, `-1`, `1, 2`) is
 * ignored, and the client backs off as if no wait was asked.
 */
export function retryAfterMs(headers: Headers): number | undefined {
  // Headers.get has already trimmed the values.
  const milliseconds = headers.get("retry-after-ms");
  if (milliseconds && /^\d+(\.\d+)?$/.test(milliseconds)) return Number(milliseconds);
  const retryAfter = headers.get("retry-after");
  if (!retryAfter) return undefined;
  if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
  // The shape of an IMF-fixdate or of the obsolete RFC 850 and asctime forms recipients must
  // still accept; Date.parse then checks the names and ranges.
  const form = /^\w{3,9}, \d\d[ -]\w{3}[ -]\d{2,4} [\d:]{8} GMT$|^\w{3} \w{3} [ \d]\d [\d:]{8} (\d{4})$/.exec(
    retryAfter,
  );
  // asctime has no zone, and means GMT.
  const date = form ? Date.parse(form[1] ? `${retryAfter} GMT` : retryAfter) : Number.NaN;
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
