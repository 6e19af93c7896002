// Everything the clients throw is an AuthsignalError, so one `instanceof` check catches it all.
// HTTP failures get a subclass per status; failures without a response (connection, timeout,
// abort) get their own classes and no statusCode, so they never pass for a 500.
import { retryAfterMs } from "./retry-policy.ts";

export interface AuthsignalErrorDetails {
  statusCode?: number | undefined;
  errorCode: string;
  errorDescription?: string;
  cause?: unknown;
}

export class AuthsignalError extends Error {
  override name = "AuthsignalError";
  /** The HTTP status of the response; absent when no response was received. */
  readonly statusCode: number | undefined;
  /** A machine-readable code: the API's `error` field, or one of the SDK's own codes. */
  readonly errorCode: string;
  /** A human-readable explanation, when the API or SDK gave one. */
  readonly errorDescription: string | undefined;

  constructor(message: string, details: AuthsignalErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.statusCode = details.statusCode;
    this.errorCode = details.errorCode;
    this.errorDescription = details.errorDescription;
  }
}

/** The API answered with a non-2xx status. Subclasses name the common statuses. */
export class AuthsignalApiError extends AuthsignalError {
  override name = "AuthsignalApiError";
  declare readonly statusCode: number;
  /** The response headers, for rate-limit and tracing details. */
  readonly headers: Headers;
  /** The request ID the API or its gateway attached to the response, for support requests. */
  readonly requestId: string | undefined;

  constructor(statusCode: number, headers: Headers, body: unknown) {
    const { errorCode, errorDescription } = readErrorBody(statusCode, body);
    super(`${statusCode} ${errorCode}${errorDescription ? `: ${errorDescription}` : ""}`, {
      statusCode,
      errorCode,
      errorDescription,
    });
    this.headers = headers;
    this.requestId =
      headers.get("x-request-id") ?? headers.get("x-amzn-requestid") ?? headers.get("apigw-requestid") ?? undefined;
  }
}

/** 400: the request was malformed or failed the API's validation. */
export class AuthsignalBadRequestError extends AuthsignalApiError {
  override name = "AuthsignalBadRequestError";
}
/** 401: the secret key is missing, wrong, or for another region or API. */
export class AuthsignalAuthenticationError extends AuthsignalApiError {
  override name = "AuthsignalAuthenticationError";
}
/** 403: the key may not perform this operation. */
export class AuthsignalPermissionDeniedError extends AuthsignalApiError {
  override name = "AuthsignalPermissionDeniedError";
}
/** 404: the resource does not exist. */
export class AuthsignalNotFoundError extends AuthsignalApiError {
  override name = "AuthsignalNotFoundError";
}
/** 409: the request conflicts with the resource's state, such as creating one that exists. */
export class AuthsignalConflictError extends AuthsignalApiError {
  override name = "AuthsignalConflictError";
}
/** 422: the request was well-formed but could not be processed. */
export class AuthsignalUnprocessableEntityError extends AuthsignalApiError {
  override name = "AuthsignalUnprocessableEntityError";
}
/** 429: too many requests. The client already retried as far as `maxRetries` allowed. */
export class AuthsignalRateLimitError extends AuthsignalApiError {
  override name = "AuthsignalRateLimitError";
  /** How long the API asked callers to wait (`Retry-After` or `retry-after-ms`), if it said. */
  readonly retryAfterMs: number | undefined;

  constructor(statusCode: number, headers: Headers, body: unknown) {
    super(statusCode, headers, body);
    this.retryAfterMs = retryAfterMs(headers);
  }
}
/** 5xx: the API failed. The client already retried when that was safe. */
export class AuthsignalInternalServerError extends AuthsignalApiError {
  override name = "AuthsignalInternalServerError";
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

/** No response arrived: the connection was refused, reset or dropped, or the host is unknown. */
export class AuthsignalConnectionError extends AuthsignalError {
  override name = "AuthsignalConnectionError";

  constructor(message: string, cause: unknown, errorCode = "connection_error") {
    super(message, { errorCode, cause });
  }
}

/** An attempt took longer than `timeoutMs`. */
export class AuthsignalTimeoutError extends AuthsignalConnectionError {
  override name = "AuthsignalTimeoutError";

  constructor(timeoutMs: number) {
    super(`The request timed out after ${timeoutMs} ms`, undefined, "timeout");
  }
}

/** The caller's `signal` aborted the call. `cause` is the signal's reason. */
export class AuthsignalAbortError extends AuthsignalError {
  override name = "AuthsignalAbortError";

  constructor(reason: unknown) {
    super("The request was aborted", { errorCode: "aborted", cause: reason });
  }
}

/** A 2xx response whose body could not be read as the API's JSON. */
export class AuthsignalResponseError extends AuthsignalError {
  override name = "AuthsignalResponseError";

  constructor(message: string, statusCode?: number) {
    super(message, { statusCode, errorCode: "invalid_response" });
  }
}

/** A method was called with an argument that cannot be sent; no request was made. */
export class AuthsignalValidationError extends AuthsignalError {
  override name = "AuthsignalValidationError";
  /** The argument or option at fault, such as `userId` or `apiSecretKey`. */
  readonly field: string;

  constructor(field: string, problem: string) {
    super(`Invalid "${field}": ${problem}`, { errorCode: "invalid_argument", errorDescription: problem });
    this.field = field;
  }
}

function readErrorBody(statusCode: number, body: unknown): { errorCode: string; errorDescription?: string } {
  if (typeof body === "object" && body !== null) {
    const fields = body as Record<string, unknown>;
    // The API sends `error`; some of its SDKs read `errorCode`, so accept either.
    const code = fields.error ?? fields.errorCode;
    const description = fields.errorDescription;
    if (typeof code === "string" && code !== "") {
      return typeof description === "string" ? { errorCode: code, errorDescription: description } : { errorCode: code };
    }
  }
  return { errorCode: `http_${statusCode}` };
}
