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
    /**
     * What answers behind each API's URL: `mock`, a Prism mock answering with the spec's examples,
     * or `emulator`, `prism proxy --errors` in front of the stateful emulator (see contract-emulator.ts).
     */
    contractModes: Record<string, ContractMode>;
    /** The emulator's origin in `emulator` mode (its test-only API resets it before each file). */
    emulatorUrl?: string;
  }
}

export type ContractMode = "mock" | "emulator";

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
    const response = await prismReportInHeader(await fetch(request));
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
 * Prism's mock lists a refused request's violations in `sl-violations`; its proxy lists them in
 * the body of the 422 it answers instead (locations without the leading "request"). This puts the
 * proxy's own report where the mock puts it, so a test reads violations from one place in both modes.
 */
async function prismReportInHeader(response: Response): Promise<Response> {
  if (response.status !== 422 || response.headers.has("sl-violations")) return response;
  if (!response.headers.get("content-type")?.startsWith("application/problem+json")) return response;
  const body = await response.text();
  const { validation = [] } = JSON.parse(body) as { validation?: { location: string[]; message: string }[] };
  const headers = new Headers(response.headers);
  const violations = validation.map(({ location, message }) => ({ location: ["request", ...location], message }));
  headers.set("sl-violations", JSON.stringify(violations));
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/** What answers the API's calls in this run. */
export function contractMode(api: string): ContractMode {
  const mode = inject("contractModes")[api];
  if (!mode) throw new Error(`No contract mode for API "${api}" in this package's contract tests`);
  return mode;
}

/** Puts the emulator back to its seed, through its test-only API (emulator mode only). */
export async function resetEmulator(): Promise<void> {
  const response = await fetch(`${inject("emulatorUrl")}/_emulator/v1/reset`, { method: "POST" });
  if (!response.ok) throw new Error(`Resetting the emulator answered ${response.status}: ${await response.text()}`);
}

/**
 * The status Prism refuses a request that breaks the spec with: the mock answers the operation's
 * documented 400; the proxy never looks for one and always answers its own 422.
 */
export function refusalStatus(api: string): number {
  return contractMode(api) === "emulator" ? 422 : 400;
}

/**
 * An assertion about a value only Prism's canned examples give (a generated ID, a signed token,
 * an example that contradicts the request), run against the mock and skipped against the
 * emulator. Each use says why no seed can give it.
 */
export function mockOnly(api: string, assertion: () => void): void {
  if (contractMode(api) === "mock") assertion();
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
