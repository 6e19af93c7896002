// Helpers shared by the contract tests: the client under test, error capture, and Prism's
// validation report.
import {
  contractClientOptions,
  contractMode,
  type DocumentedError,
  itSurfacesDocumentedErrors,
  type PreferredResponse,
  refusalStatus,
  rejectionWith,
} from "@authsignal-ts/scripts/testing/contract";
import { expect } from "vitest";
import { AuthsignalApiError, createServerClient } from "../../src/index.ts";

/** A client that talks to the Prism mock and records each call for the coverage check. */
export function contractServer() {
  return createServerClient(contractClientOptions("server"));
}

/**
 * A track token whose action succeeded: the example's token against the mock; against the
 * emulator, a real one, from tracking usr_123 and verifying the email code the contract seed fixes
 * (by email, so the seeded SMS challenge stays the newest that getChallenge finds).
 */
export async function succeededChallengeToken(canned: string): Promise<string> {
  if (contractMode("server") === "mock") return canned;
  const server = contractServer();
  const tracked = await server.track({ userId: "usr_123", action: "signIn" });
  const { challengeId } = await server.challenge({
    verificationMethod: "EMAIL_OTP",
    email: "jane@example.com",
    action: "signIn",
    userId: "usr_123",
    idempotencyKey: tracked.idempotencyKey,
  });
  await server.verify({ challengeId, verificationCode: "123456" });
  return tracked.token;
}

/** The documented error statuses every operation answers with. */
export const documentedErrors: readonly DocumentedError[] = [400, 401, 404, 429, 500].map((status) => ({ status }));

/** A test per documented error: the call, made with the options it is given, rejects with that error. */
export function surfacesDocumentedErrors(call: (options: PreferredResponse) => Promise<unknown>) {
  itSurfacesDocumentedErrors(AuthsignalApiError, documentedErrors, call, (error, { status }) =>
    expectDocumentedError(error, status),
  );
}

/** Asks Prism for a named example of the success response. */
export function preferExample(name: string) {
  return { headers: { prefer: `example=${name}` } };
}

/** Resolves to the API error the promise rejected with; fails on any other outcome. */
export const apiError = (promise: Promise<unknown>) => rejectionWith(promise, AuthsignalApiError);

/** Checks an error carries the shared error body: a status, a snake_case code and a description. */
export function expectDocumentedError(error: AuthsignalApiError, status: number) {
  expect(error.statusCode).toBe(status);
  expect(error.errorCode).toMatch(/^[a-z_]+$/);
  expect(error.errorDescription).toBeTruthy();
}

/**
 * Checks Prism refused the request as breaking the spec: the mock answers with the operation's
 * documented 400, the proxy in front of the emulator with its own 422 (see refusalStatus), and
 * both list the violations in `sl-violations`. Returns their locations, such as
 * `request.body.phoneNumber` or `request.query.state`. Prism lowercases query parameter names
 * (`request.query.phonenumber`), so compare those case-insensitively.
 */
export function violationLocations(error: AuthsignalApiError, api = "server"): string[] {
  expect(error.statusCode).toBe(refusalStatus(api));
  const violations = JSON.parse(error.headers.get("sl-violations") ?? "[]") as { location: string[] }[];
  expect(violations.length).toBeGreaterThan(0);
  return violations.map((violation) => violation.location.join("."));
}
