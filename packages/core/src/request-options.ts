/** Options for a single call, passed as a method's optional second argument. */
export interface RequestOptions {
  /** Aborts the call; the method then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Extra headers for this call. They cannot replace `Authorization`. */
  headers?: Record<string, string>;
}
