// The official SDK's error: one class, `AuthsignalError: <status> - <description or code>`, a
// numeric statusCode on every instance. It extends this package's AuthsignalError, so catch
// blocks written for either entry point catch it; the native error it was made from is its `cause`.
import { AuthsignalApiError, errorClassBrand, AuthsignalError as NativeAuthsignalError } from "@authsignal-ts/core";

/**
 * What every method of `Authsignal` and `CallConnect` rejects with, as in `@authsignal/node`.
 *
 * An HTTP failure keeps the response's status, `error` code and description. A failure without a
 * usable response (no connection, a timeout, an argument that cannot be sent, a body that is not
 * JSON) is `500`, `unexpected_error`, with the native error's message as its description, as the
 * official SDK reports such failures. `cause` is always the native error, whose class tells them
 * apart (`AuthsignalTimeoutError`, `AuthsignalRateLimitError`, …).
 *
 * `instanceof` matches it from any copy of this package, and it is also `instanceof` the native
 * `AuthsignalError`. A native `AuthsignalApiError` (an HTTP failure from `createServerClient`) is
 * `instanceof` this class too, since it has the same three fields with a numeric `statusCode`;
 * the native errors without a status are not.
 */
export class AuthsignalError extends NativeAuthsignalError {
  static override readonly [errorClassBrand]: string = "AuthsignalCompatError";

  // biome-ignore-start lint/complexity/noThisInStatic: `this` is whichever class is right of instanceof.
  static override [Symbol.hasInstance](value: unknown): boolean {
    // A caller's own subclass matches only its own instances.
    return super[Symbol.hasInstance](value) || (this === AuthsignalError && value instanceof AuthsignalApiError);
  }
  // biome-ignore-end lint/complexity/noThisInStatic: see above.

  declare statusCode: number;
  declare errorCode: string;
  declare errorDescription: string | undefined;

  /** @param cause what failed, such as the native error; `@authsignal/node` takes its AxiosError here. */
  constructor(statusCode: number, errorCode: string, errorDescription?: string, cause?: unknown) {
    super(`AuthsignalError: ${statusCode} - ${oneLine(errorDescription || errorCode)}`, {
      statusCode,
      errorCode,
      errorDescription,
      cause,
    });
    this.name = "AuthsignalError";
  }
}

/** The compat error for anything a call threw, mapped as `@authsignal/node` maps its failures. */
export function mapToAuthsignalError(error: unknown): AuthsignalError {
  if (isCompatError(error)) return error;
  if (error instanceof AuthsignalApiError) {
    return new AuthsignalError(error.statusCode, error.errorCode, error.errorDescription, error);
  }
  return new AuthsignalError(500, "unexpected_error", error instanceof Error ? error.message : undefined, error);
}

// The brand alone, without the AuthsignalApiError match above: those still need their message mapped.
function isCompatError(error: unknown): error is AuthsignalError {
  return NativeAuthsignalError[Symbol.hasInstance].call(AuthsignalError, error);
}

/**
 * The server's words on one line of at most 300 characters, as in the native errors' messages,
 * which end up in logs; `errorDescription` keeps them whole.
 */
function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it replaces.
  const controls = /[\x00-\x1f\x7f\u2028\u2029]+/g;
  const line = String(text).replace(controls, " ").trim();
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

/**
 * Builds the native client once and runs each call on it, rejecting with the compat error. When
 * the client cannot be built (an empty key, an unusable `apiUrl`), each call rejects with why:
 * the official constructor never throws, so code that creates the client at import time with a
 * key it only has in production keeps loading.
 */
export function nativeCaller<Client>(create: () => Client) {
  let client: Client | undefined;
  let failure: unknown;
  try {
    client = create();
  } catch (error) {
    failure = error;
  }
  return async <Result>(send: (client: Client) => Promise<Result>): Promise<Result> => {
    try {
      if (client === undefined) throw failure;
      return await send(client);
    } catch (error) {
      throw mapToAuthsignalError(error);
    }
  };
}
