// What every contract test file shares: the client, the statuses each operation documents, and
// helpers to ask Prism for one of them and to catch the error it causes.
import { contractClientOptions, rejectionWith } from "@authsignal-ts/scripts/contract-testing";
import { expect } from "vitest";
import { AuthsignalApiError, createManagementClient } from "../../src/index.ts";

export const mgmt = createManagementClient(contractClientOptions("management"));

/** The error statuses every Management API operation documents, with the code of each one's example. */
export const documentedErrors = [
  [400, "invalid_request"],
  [401, "unauthorized"],
  [404, "not_found"],
  [429, "too_many_requests"],
  [500, "internal_error"],
] as const;

/** Resolves to the `AuthsignalApiError` the call rejected with; fails if it resolved or threw anything else. */
export const apiError = (promise: Promise<unknown>) => rejectionWith(promise, AuthsignalApiError);

/** Asserts the mock refused the request for breaking the spec at `field`: the documented 400, with Prism's violations. */
export async function expectRefused(promise: Promise<unknown>, field: string): Promise<void> {
  const error = await apiError(promise);
  expect(error.statusCode).toBe(400);
  expect(error.errorCode).toBe("invalid_request");
  expect(error.headers.get("sl-violations")).toContain(field);
}
