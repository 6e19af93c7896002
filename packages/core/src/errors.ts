// Everything the clients throw is an AuthsignalError, so one `instanceof` check catches it all.

export interface AuthsignalErrorDetails {
  statusCode?: number;
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

/** The API answered with a non-2xx status. */
export class AuthsignalApiError extends AuthsignalError {
  override name = "AuthsignalApiError";
  declare readonly statusCode: number;
  /** The response headers, for rate-limit and tracing details. */
  readonly headers: Headers;

  constructor(statusCode: number, headers: Headers, body: unknown) {
    const { errorCode, errorDescription } = readErrorBody(statusCode, body);
    super(`${statusCode} ${errorCode}${errorDescription ? `: ${errorDescription}` : ""}`, {
      statusCode,
      errorCode,
      errorDescription,
    });
    this.headers = headers;
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
