// A call's own options, the optional second argument of every method, and the one function that
// reads them. The value checks are the client options' (config.ts), since the same option may be
// set per client or per call and must mean the same either way.
import { checkRetries, checkTimeout, normalizeHeaders, type ResolvedConfig } from "./config.ts";
import { AuthsignalValidationError } from "./errors.ts";

/** Options for a single call, passed as a method's optional second argument. */
export interface RequestOptions {
  /** Aborts the call, including any wait between retries; it then rejects with an `AuthsignalAbortError`. */
  signal?: AbortSignal;
  /** Extra headers for this call. They cannot replace `Authorization`. */
  headers?: Record<string, string>;
  /** Overrides the client's `maxRetries` for this call. */
  maxRetries?: number;
  /** Overrides the client's `timeoutMs` (per attempt) for this call. */
  timeoutMs?: number;
}

/** A call's options, checked, with the client's settings where the call gives none. */
export interface ResolvedRequestOptions {
  signal: AbortSignal | undefined;
  /** The call's own headers, lower-cased and without `authorization`; the client's are added later. */
  headers: Record<string, string>;
  maxRetries: number;
  timeoutMs: number;
}

/** Reads a call's options (any object, or nothing) before anything is sent; a bad one is an AuthsignalValidationError. */
export function resolveRequestOptions(
  options: RequestOptions | null | undefined,
  config: ResolvedConfig,
): ResolvedRequestOptions {
  const { signal, headers, maxRetries, timeoutMs } = options ?? {};
  // Anything else would fail deep in fetch, after a retry or two.
  if (signal !== undefined && typeof signal?.addEventListener !== "function")
    throw new AuthsignalValidationError("options.signal", "expected an AbortSignal");
  return {
    signal,
    headers: normalizeHeaders(headers, "options.headers"),
    maxRetries: checkRetries(maxRetries, "options.maxRetries") ?? config.maxRetries,
    timeoutMs: checkTimeout(timeoutMs, "options.timeoutMs") ?? config.timeoutMs,
  };
}
