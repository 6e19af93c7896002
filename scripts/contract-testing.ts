// What contract tests use: each Prism mock's URL, client options that record every call for the
// coverage check, per-call options that pick a documented response, and helpers to catch
// rejections.
import { appendFileSync } from "node:fs";
import { inject } from "vitest";

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

/** A fetch that records each call's API, method, path, status and Prism violations, then returns the response. */
export function recordingFetch(api: string): typeof fetch {
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
  return { apiSecretKey: "sk_test_contract", baseUrl, fetch: recordingFetch(api), maxRetries: 0 };
}

/** Per-call options asking Prism for the documented response with this status instead of the success. */
export function preferStatus(status: number) {
  return { headers: { prefer: `code=${status}` } };
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
