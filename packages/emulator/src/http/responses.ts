// How every answer leaves the emulator: JSON with exactly `application/json` (the Python SDK
// compares the header for equality) and the emulator's version header.
import packageJson from "../../package.json" with { type: "json" };
import { EmulatorApiError } from "../domain/errors.ts";
import type { Answer } from "./exchange.ts";

export const emulatorVersion: string = packageJson.version;
export const EMULATOR_HEADER = "x-authsignal-emulator";
/** On an answer to a request the emulator let through with something ignored (unknown body fields): what. */
export const EMULATOR_WARNING_HEADER = "x-authsignal-emulator-warning";

/** An answer with no body (revokeSession's 200) has no content type: an empty body is not JSON. */
export function jsonResponse(status: number, body?: unknown, headers: Record<string, string> = {}): Answer {
  if (body === undefined) return { status, headers: { [EMULATOR_HEADER]: emulatorVersion, ...headers } };
  return {
    status,
    headers: { "content-type": "application/json", [EMULATOR_HEADER]: emulatorVersion, ...headers },
    body: JSON.stringify(body),
  };
}

/** The answer to an EmulatorApiError; anything else is rethrown, as the emulator failing. */
export function apiErrorAnswer(error: unknown): Answer {
  if (error instanceof EmulatorApiError) return errorResponse(error.status, error.code, error.description);
  throw error;
}

/** Authsignal's error body: `error` (deprecated, still sent) and `errorCode` carry the same code. */
export function errorResponse(
  status: number,
  code: string,
  description: string,
  headers?: Record<string, string>,
): Answer {
  return jsonResponse(status, { error: code, errorCode: code, errorDescription: description }, headers);
}
