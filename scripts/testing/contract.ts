// What contract tests use: each Prism mock's URL, client options that log every call for the
// coverage check, per-call options that pick a documented response, a test per documented error,
// and helpers to catch rejections.
import { appendFileSync } from "node:fs";
import { inject, it } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** Each API's Prism mock, by the API's name in openapi/redocly.yaml. */
    prismUrls: Record<string, string>;
    contractCallLog: string;
  }
}

/** One call seen by a mock, as the coverage check reads it. */
export interface RecordedCall {
  /** The API whose mock answered. */
  api: string;
  method: string;
  path: string;
  status: number;
  violations: { location: string[]; message: string }[];
}

/** A fetch that appends each call (API, method, path, status, Prism's violations) to the coverage log, then returns the response. */
export function coverageLogFetch(api: string): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const response = await fetch(request);
    const call: RecordedCall = {
      api,
      method: request.method,
      path: new URL(request.url).pathname,
      status: response.status,
      violations: JSON.parse(response.headers.get("sl-violations") ?? "[]"),
    };
    appendFileSync(inject("contractCallLog"), `${JSON.stringify(call)}\n`);
    return response;
  };
}

/**
 * Options for a client that talks to the Prism mock of `api` (its name in openapi/redocly.yaml)
 * and records its calls. Retries are off: a forced 500 or 429 should come straight back, and
 * retrying is proven by the fault suite.
 */
export function contractClientOptions(api: string) {
  const baseUrl = inject("prismUrls")[api];
  if (!baseUrl) throw new Error(`No Prism mock runs for API "${api}" in this package's contract tests`);
  return { apiSecretKey: "sk_test_contract", baseUrl, fetch: coverageLogFetch(api), maxRetries: 0 };
}

/** Per-call options asking Prism for the documented response with this status instead of the success. */
export function preferStatus(status: number): PreferredResponse {
  return { headers: { prefer: `code=${status}` } };
}

/** Per-call options that pick one of the responses the spec documents. */
export interface PreferredResponse {
  headers: { prefer: string };
}

/** An error status every operation of an API documents, with its example's error code where all share one. */
export interface DocumentedError {
  status: number;
  errorCode?: string;
}

/**
 * One test per documented error: `call` makes the operation's call with the per-call options it
 * is given, which ask Prism for that status; the call must reject with an `errorClass`, which
 * `expectDocumented` then checks against the documented error.
 */
export function itSurfacesDocumentedErrors<E>(
  errorClass: abstract new (...args: never) => E,
  errors: readonly DocumentedError[],
  call: (options: PreferredResponse) => Promise<unknown>,
  expectDocumented: (error: E, documented: DocumentedError) => void,
): void {
  it.each(errors)("surfaces the documented $status error", async (documented) => {
    expectDocumented(await rejectionWith(call(preferStatus(documented.status)), errorClass), documented);
  });
}

/** Resolves to the error the promise rejected with; fails if it fulfilled or rejected with anything else. */
export async function rejectionWith<T>(
  promise: Promise<unknown>,
  errorClass: abstract new (...args: never) => T,
): Promise<T> {
  const error = await rejectionOf(promise);
  if (!(error instanceof errorClass))
    throw new Error(`expected a ${errorClass.name}, got ${String(error)}`, { cause: error });
  return error;
}

/** Resolves to what the promise rejected with; fails if it fulfilled. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to reject, but it resolved");
}
