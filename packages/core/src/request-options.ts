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
