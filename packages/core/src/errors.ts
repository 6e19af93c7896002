// Everything the clients throw is an AuthsignalError, so one `instanceof` check catches it all.
// HTTP failures get a subclass per status; failures without a response (connection, timeout,
// abort) get their own classes and no statusCode, so they never pass for a 500.
// This file is `@authsignal-ts/core/errors`: each public package re-exports all of it, so it
// exports the error classes and nothing else. Which status gets which class is response.ts's.
import { errorClassBrand } from "./error-brand.ts";
import { retryAfterMs } from "./retry-policy.ts";

interface AuthsignalErrorDetails {
  statusCode?: number | undefined;
  errorCode: string;
  errorDescription?: string;
  cause?: unknown;
}

// Each public package bundles its own copy of these classes (one file per entry point loads
// faster), so the same class can exist more than once in an app: in @authsignal-ts/server, in
// @authsignal-ts/management, and in each one's /fetch-client entry. `instanceof` therefore
// compares a brand shared through the global symbol registry (error-brand.ts), not class identity.
type Branded = { [errorClassBrand]?: string } | null | undefined;

// Fields are `declare`d and set in constructors: emitted field declarations would only add bytes.
export class AuthsignalError extends Error {
  static readonly [errorClassBrand]: string = "AuthsignalError";

  /** True for instances of this class or a subclass, from this copy of the SDK or any other. */
  // biome-ignore-start lint/complexity/noThisInStatic: `this` is whichever class is right of instanceof.
  static override [Symbol.hasInstance](value: unknown): boolean {
    // A caller's own subclass inherits a brand but has none of its own: only identity can tell.
    const brand = Object.hasOwn(this, errorClassBrand) && this[errorClassBrand];
    for (let prototype = value; prototype != null; ) {
      prototype = Object.getPrototypeOf(prototype);
      if (prototype === this.prototype) return true;
      if (brand && (prototype?.constructor as Branded)?.[errorClassBrand] === brand) return true;
    }
    return false;
  }
  // biome-ignore-end lint/complexity/noThisInStatic: see above.

  /** The HTTP status of the response; absent when no response was received. */
  declare readonly statusCode: number | undefined;
  /** A machine-readable code: the API's `error` field, or one of the SDK's own codes. */
  declare readonly errorCode: string;
  /** A human-readable explanation, when the API or SDK gave one. */
  declare readonly errorDescription: string | undefined;

  constructor(message: string, details: AuthsignalErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    // Inherited, so a caller's own subclass takes the name of the class it extends.
    this.name = (new.target as unknown as { [errorClassBrand]: string })[errorClassBrand];
    this.statusCode = details.statusCode;
    this.errorCode = details.errorCode;
    this.errorDescription = details.errorDescription;
  }
}

/** The API answered with a non-2xx status. Subclasses name the common statuses. */
export class AuthsignalApiError extends AuthsignalError {
  static override readonly [errorClassBrand]: string = "AuthsignalApiError";
  declare readonly statusCode: number;
  /** The response headers, for rate-limit and tracing details. */
  declare readonly headers: Headers;
  /** The request ID the API or its gateway attached to the response, for support requests. */
  declare readonly requestId: string | undefined;

  constructor(statusCode: number, headers: Headers, body: unknown) {
    const { errorCode, errorDescription } = readErrorBody(statusCode, body);
    // The server's words stay whole in errorCode and errorDescription; the message, which ends
    // up in logs, gets one bounded line of them.
    super(`${statusCode} ${oneLine(errorCode, 64)}${errorDescription ? `: ${oneLine(errorDescription, 300)}` : ""}`, {
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
  static override readonly [errorClassBrand]: string = "AuthsignalBadRequestError";
}
/** 401: the secret key is missing, wrong, or for another region or API. */
export class AuthsignalAuthenticationError extends AuthsignalApiError {
  static override readonly [errorClassBrand]: string = "AuthsignalAuthenticationError";
}
/** 403: the key may not perform this operation. */
export class AuthsignalPermissionDeniedError extends AuthsignalApiError {
  static override readonly [errorClassBrand]: string = "AuthsignalPermissionDeniedError";
}
/** 404: the resource does not exist. */
export class AuthsignalNotFoundError extends AuthsignalApiError {
  static override readonly [errorClassBrand]: string = "AuthsignalNotFoundError";
}
/** 409: the request conflicts with the resource's state, such as creating one that exists. */
export class AuthsignalConflictError extends AuthsignalApiError {
  static override readonly [errorClassBrand]: string = "AuthsignalConflictError";
}
/** 422: the request was well-formed but could not be processed. */
export class AuthsignalUnprocessableEntityError extends AuthsignalApiError {
  static override readonly [errorClassBrand]: string = "AuthsignalUnprocessableEntityError";
}
/** 429: too many requests. The client already retried as far as `maxRetries` allowed. */
export class AuthsignalRateLimitError extends AuthsignalApiError {
  static override readonly [errorClassBrand]: string = "AuthsignalRateLimitError";
  /** How long the API asked callers to wait (`Retry-After` or `retry-after-ms`), if it said. */
  declare readonly retryAfterMs: number | undefined;

  constructor(statusCode: number, headers: Headers, body: unknown) {
    super(statusCode, headers, body);
    this.retryAfterMs = retryAfterMs(headers);
  }
}
/** 5xx: the API failed. The client already retried when that was safe. */
export class AuthsignalInternalServerError extends AuthsignalApiError {
  static override readonly [errorClassBrand]: string = "AuthsignalInternalServerError";
}

/** No response arrived: the connection was refused, reset or dropped, or the host is unknown. */
export class AuthsignalConnectionError extends AuthsignalError {
  static override readonly [errorClassBrand]: string = "AuthsignalConnectionError";

  constructor(message: string, cause: unknown, errorCode = "connection_error") {
    super(message, { errorCode, cause });
  }
}

/** An attempt took longer than `timeoutMs`. */
export class AuthsignalTimeoutError extends AuthsignalConnectionError {
  static override readonly [errorClassBrand]: string = "AuthsignalTimeoutError";

  constructor(timeoutMs: number) {
    super(`The request timed out after ${timeoutMs} ms`, undefined, "timeout");
  }
}

/** The caller's `signal` aborted the call. `cause` is the signal's reason. */
export class AuthsignalAbortError extends AuthsignalError {
  static override readonly [errorClassBrand]: string = "AuthsignalAbortError";

  constructor(reason: unknown) {
    super("The request was aborted", { errorCode: "aborted", cause: reason });
  }
}

/**
 * A response the client cannot use: a 2xx body that is not the JSON the operation returns, a
 * body cut short (`truncated_response`), or one over `maxResponseBytes` (`response_too_large`).
 */
export class AuthsignalResponseError extends AuthsignalError {
  static override readonly [errorClassBrand]: string = "AuthsignalResponseError";

  constructor(message: string, statusCode?: number, errorCode = "invalid_response") {
    super(message, { statusCode, errorCode });
  }
}

/** A method was called with an argument that cannot be sent; no request was made. */
export class AuthsignalValidationError extends AuthsignalError {
  static override readonly [errorClassBrand]: string = "AuthsignalValidationError";
  /** The argument or option at fault, such as `userId` or `apiSecretKey`. */
  declare readonly field: string;

  constructor(field: string, problem: string) {
    super(`Invalid "${field}": ${problem}`, { errorCode: "invalid_argument", errorDescription: problem });
    this.field = field;
  }
}

/** Text on one line, at most `max` characters: control characters and line breaks become spaces. */
function oneLine(text: string, max: number): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it replaces.
  const line = text.replace(/[\x00-\x1f\x7f\u2028\u2029]+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function readErrorBody(statusCode: number, body: unknown): { errorCode: string; errorDescription?: string } {
  if (typeof body === "object" && body !== null) {
    const fields = body as Record<string, unknown>;
    // The API sends both, `error` deprecated; `errorCode` is the finer where they differ (the
    // Client API's 401 says `expired_token` there), and older answers may carry only `error`.
    const code = fields.errorCode ?? fields.error;
    const description = fields.errorDescription;
    if (typeof code === "string" && code !== "") {
      return typeof description === "string" ? { errorCode: code, errorDescription: description } : { errorCode: code };
    }
  }
  return { errorCode: `http_${statusCode}` };
}
