// What every contract test file shares: the client, the statuses each operation documents, and
// helpers to ask Prism for one of them and to catch the error it causes.
import {
  contractClientOptions,
  contractMode,
  type DocumentedError,
  itSurfacesDocumentedErrors,
  type PreferredResponse,
  refusalStatus,
  rejectionWith,
  resetEmulator,
} from "@authsignal-ts/scripts/testing/contract";
import { afterAll, beforeEach, expect } from "vitest";
import { AuthsignalApiError, createManagementClient } from "../../src/index.ts";

export const mgmt = createManagementClient(contractClientOptions("management"));

/** The error statuses every Management API operation documents, with the code of each one's example. */
export const documentedErrors: readonly DocumentedError[] = [
  { status: 400, errorCode: "invalid_request" },
  { status: 401, errorCode: "unauthorized" },
  { status: 404, errorCode: "not_found" },
  { status: 429, errorCode: "too_many_requests" },
  { status: 500, errorCode: "internal_error" },
];

/**
 * A test per documented error, those every operation has and the operation's `own`: the call,
 * made with the options it is given, rejects with that status, its example's error code and a
 * description.
 */
export function surfacesDocumentedErrors(
  call: (options: PreferredResponse) => Promise<unknown>,
  own: readonly DocumentedError[] = [],
) {
  const errors = [...documentedErrors, ...own];
  itSurfacesDocumentedErrors(AuthsignalApiError, errors, call, (error, { status, errorCode }) => {
    expect(error.statusCode).toBe(status);
    expect(error.errorCode).toBe(errorCode);
    expect(error.errorDescription).toBeTruthy();
  });
}

/** Resolves to the `AuthsignalApiError` the call rejected with; fails if it resolved or threw anything else. */
export const apiError = (promise: Promise<unknown>) => rejectionWith(promise, AuthsignalApiError);

/**
 * Asserts Prism refused the request for breaking the spec at `field`, with its violations: the
 * mock with the documented 400, the proxy in front of the emulator with its own 422 (see refusalStatus).
 */
export async function expectRefused(promise: Promise<unknown>, field: string): Promise<void> {
  const error = await apiError(promise);
  expect(error.statusCode).toBe(refusalStatus("management"));
  // The proxy's 422 is Prism's problem document, which has no error code of the API's.
  expect(error.errorCode).toBe(contractMode("management") === "mock" ? "invalid_request" : "http_422");
  expect(error.headers.get("sl-violations")).toContain(field);
}

/**
 * A tenant has one configuration per method, and the Management contract seed holds each as the
 * spec's example, which the get and update tests read. Against the emulator, each test of the
 * describe this is called in starts with the method's configuration removed, so a create is not a
 * conflict, and the seed is back when the describe ends.
 */
export function createsFindTheMethodFree(remove: () => Promise<unknown>): void {
  if (contractMode("management") !== "emulator") return;
  beforeEach(async () => {
    const removed = await remove().then(
      () => undefined,
      (error: unknown) => error,
    );
    if (removed && !(removed instanceof AuthsignalApiError && removed.statusCode === 404)) throw removed;
  });
  afterAll(resetEmulator);
}
