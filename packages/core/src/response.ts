// What a response means: the one success rule, and what a method makes of the response the
// transport received, its success body parsed and checked against the type the operation
// returns, or the AuthsignalApiError for its status. The openapi-fetch client hands responses
// back as they are, so only the methods decode them.
import {
  AuthsignalApiError,
  AuthsignalAuthenticationError,
  AuthsignalBadRequestError,
  AuthsignalConflictError,
  AuthsignalInternalServerError,
  AuthsignalNotFoundError,
  AuthsignalPermissionDeniedError,
  AuthsignalRateLimitError,
  AuthsignalResponseError,
  AuthsignalUnprocessableEntityError,
} from "./errors.ts";
import { kindOf } from "./kind-of.ts";
import type { OperationSpec } from "./operation.ts";

/** A response as the transport hands it over, its body read in full. */
export interface ReceivedResponse {
  status: number;
  statusText: string;
  headers: Headers;
  text: string;
}

/**
 * The one success rule: a status below 300. Nothing between 300 and 399 arrives (the transport
 * refuses redirects), and fetch never resolves with a 1xx, so this is "a 2xx".
 */
export const isSuccess = (status: number): boolean => status < 300;

/** A method's result: the success body as the spec types it; else it throws the error for the response. */
export function decodeResponse(operation: OperationSpec, { status, headers, text }: ReceivedResponse): unknown {
  // The parsed JSON; an empty body is a success with no content (204, or a 200 the API left
  // empty); a body that is not JSON stays the text, which an error keeps.
  let body: unknown = text;
  let isJson = true;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    isJson = false;
  }
  if (!isSuccess(status)) throw apiErrorFor(status, headers, body);
  if (operation.result === "none") return undefined;
  if (body === undefined && operation.result === "partial") return {};
  if (!isJson) throw new AuthsignalResponseError(`The ${status} response is not valid JSON`, status);
  // The result is typed from the spec, so it must at least be of the type the spec gives it.
  const expected = operation.result === "array" ? "an array" : "an object";
  const actual = body === undefined ? "empty" : kindOf(body);
  if (actual !== expected)
    throw new AuthsignalResponseError(`The ${status} response is ${actual}, not ${expected}`, status);
  return body;
}

const errorClassByStatus: Record<number, typeof AuthsignalApiError> = {
  400: AuthsignalBadRequestError,
  401: AuthsignalAuthenticationError,
  403: AuthsignalPermissionDeniedError,
  404: AuthsignalNotFoundError,
  409: AuthsignalConflictError,
  422: AuthsignalUnprocessableEntityError,
  429: AuthsignalRateLimitError,
};

/** The error for a non-2xx response; `body` is the parsed JSON, or the raw text when it was not JSON. */
export function apiErrorFor(statusCode: number, headers: Headers, body: unknown): AuthsignalApiError {
  const ErrorClass =
    errorClassByStatus[statusCode] ?? (statusCode >= 500 ? AuthsignalInternalServerError : AuthsignalApiError);
  return new ErrorClass(statusCode, headers, body);
}
