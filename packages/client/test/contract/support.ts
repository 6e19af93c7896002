// What every Client API contract test file shares: the clients (the tenant's, the user's and the
// openapi-fetch one for the /web routes), the statuses every operation documents, and helpers to
// catch the errors they cause.
import {
  contractClientOptions,
  type DocumentedError,
  itSurfacesDocumentedErrors,
  type PreferredResponse,
  refusalStatus,
  rejectionWith,
} from "@authsignal-ts/scripts/testing/contract";
import { expect } from "vitest";
import { createClientApiFetchClient } from "../../src/fetch-client.ts";
import { AuthsignalApiError, createClientApiClient } from "../../src/index.ts";

const { apiSecretKey: _, ...transport } = contractClientOptions("client");

export const tenantId = "0d3c1e9a-5b7f-4c2d-9e8a-1f6b3c5d7e9a";
/** A token as `track` returns one; the mock checks only that one is sent. */
export const token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfMTIzIn0.c2lnbmVk";

/** The sign-in page's client: the tenant ID and no token. */
export const tenantApi = createClientApiClient({ ...transport, tenantId });
/** The client of a user `track` returned a token for. */
export const userApi = tenantApi.withToken(token);
/** For the /web routes, which have no methods of their own. */
export const fetchApi = createClientApiFetchClient({ ...transport, tenantId, token });

/** The error statuses every Client API operation documents, with their examples' codes. */
export const documentedErrors: readonly DocumentedError[] = [
  { status: 400, errorCode: "invalid_request" },
  // The example's errorCode, which the official SDK reads to ask for a new token.
  { status: 401, errorCode: "expired_token" },
  { status: 404, errorCode: "not_found" },
  { status: 429, errorCode: "too_many_requests" },
  { status: 500, errorCode: "internal_error" },
];

/** A test per documented error: the call, made with the options it is given, rejects with it. */
export function surfacesDocumentedErrors(call: (options: PreferredResponse) => Promise<unknown>) {
  itSurfacesDocumentedErrors(AuthsignalApiError, documentedErrors, call, (error, { status, errorCode }) => {
    expect(error.statusCode).toBe(status);
    expect(error.errorCode).toBe(errorCode);
    expect(error.errorDescription).toBeTruthy();
  });
}

/** Asserts Prism refused the request for breaking the spec at `field`. */
export async function expectRefused(promise: Promise<unknown>, field: string): Promise<void> {
  const error = await rejectionWith(promise, AuthsignalApiError);
  expect(error.statusCode).toBe(refusalStatus("client"));
  expect(error.headers.get("sl-violations")).toContain(field);
}
