// A client's options, checked once when it is created and resolved with the defaults: the base
// URL of a region (or the one given), the credentials and the Authorization made from them, the
// default headers and the limits. Options a call may override (maxRetries, timeoutMs, headers)
// are checked by the same functions here, which request-options.ts calls for a call's own.
import { AuthsignalValidationError } from "./errors.ts";
import type { Logger } from "./logger.ts";
import type { OperationSpec } from "./operation.ts";

/** The options every client takes besides its credentials. */
export interface TransportOptions<Region extends string = string> {
  /**
   * The region your tenant lives in.
   * @default "us"
   */
  region?: Region;
  /** Overrides `region` with a full base URL, such as a mock server's. */
  baseUrl?: string;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof globalThis.fetch;
  /** Headers sent with every request. They cannot replace `Authorization`. */
  headers?: Record<string, string>;
  /**
   * How many times a failed attempt is retried when that is safe (see the README's retry policy).
   * @default 2
   */
  maxRetries?: number;
  /**
   * How long each attempt may take, including reading the response body, before it fails with
   * an `AuthsignalTimeoutError`. `Infinity` disables the limit.
   * @default 10000
   */
  timeoutMs?: number;
  /**
   * The first retry's wait when the API does not say how long to wait; it doubles per retry.
   * @default 500
   */
  initialRetryDelayMs?: number;
  /**
   * The longest wait between retries when the API does not say how long to wait.
   * @default 8000
   */
  maxRetryDelayMs?: number;
  /**
   * The most bytes a response body may have once decoded (after gzip or brotli). A larger one is
   * cancelled as it streams in and fails with an `AuthsignalResponseError`.
   * @default 10485760 (10 MiB)
   */
  maxResponseBytes?: number;
  /** Receives a line per attempt, retry and response, with `Authorization` redacted. Off by default. */
  logger?: Logger;
}

/** The options of the clients of the APIs a secret key opens: Server, Management and Call Connect. */
export interface ClientOptions<Region extends string = string> extends TransportOptions<Region> {
  /** The API's secret key. The Server and Management APIs each have their own. */
  apiSecretKey: string;
}

/**
 * How an API authenticates: checks a client's credentials once, when the client is created, and
 * answers the Authorization of each request from its operation (absent for a path the operation
 * table does not list). It may throw an AuthsignalValidationError for a call the credentials
 * cannot make, which rejects that call before anything is sent.
 */
export type Credentials<Options> = (options: Options) => (operation?: OperationSpec) => string;

/** What an API's package tells core about it. */
export interface ApiDefinition<Table, Options = ClientOptions> {
  /**
   * Headers every request carries under the caller's: a package's User-Agent. The Client API's
   * has none, since a browser's preflight would have to allow it.
   */
  headers?: Readonly<Record<string, string>>;
  servers: Readonly<Record<string, string>>;
  operations: Table;
  credentials: Credentials<Options>;
}

export interface ResolvedConfig {
  baseUrl: string;
  authorization: (operation?: OperationSpec) => string;
  fetch: typeof globalThis.fetch;
  headers: Record<string, string>;
  maxRetries: number;
  timeoutMs: number;
  initialRetryDelayMs: number;
  maxRetryDelayMs: number;
  maxResponseBytes: number;
  logger: Logger | undefined;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds.
const controlCharacters = /[\x00-\x1f\x7f]/;

const defaults = {
  maxRetries: 2,
  timeoutMs: 10_000,
  initialRetryDelayMs: 500,
  maxRetryDelayMs: 8_000,
  maxResponseBytes: 10 * 1024 * 1024,
};

export function resolveConfig<Options>(
  options: Options & TransportOptions,
  definition: Omit<ApiDefinition<unknown, Options>, "operations">,
): ResolvedConfig {
  const { headers, servers, credentials } = definition;
  if (typeof options !== "object" || options === null) {
    throw new AuthsignalValidationError("options", "expected an object");
  }
  const authorization = credentials(options);
  const { region = "us", baseUrl, fetch = globalThis.fetch } = options;
  if (typeof fetch !== "function") {
    throw new AuthsignalValidationError("fetch", "no global fetch; pass one");
  }
  const { logger } = options;
  if (logger !== undefined && typeof logger?.debug !== "function") {
    throw new AuthsignalValidationError("logger", "expected a debug method");
  }
  return {
    baseUrl: baseUrl === undefined ? serverFor(region, servers) : checkBaseUrl(baseUrl),
    authorization,
    fetch,
    headers: {
      accept: "application/json",
      ...headers,
      ...normalizeHeaders(options.headers, "headers"),
    },
    maxRetries: checkRetries(options.maxRetries, "maxRetries") ?? defaults.maxRetries,
    timeoutMs: checkTimeout(options.timeoutMs, "timeoutMs") ?? defaults.timeoutMs,
    initialRetryDelayMs: checkDelay(options.initialRetryDelayMs, "initialRetryDelayMs") ?? defaults.initialRetryDelayMs,
    maxRetryDelayMs: checkDelay(options.maxRetryDelayMs, "maxRetryDelayMs") ?? defaults.maxRetryDelayMs,
    maxResponseBytes:
      checkNumber(
        options.maxResponseBytes,
        "maxResponseBytes",
        (n) => Number.isInteger(n) && n > 0,
        "a whole number > 0",
      ) ?? defaults.maxResponseBytes,
    logger,
  };
}

export function checkSecretKey(apiSecretKey: unknown): asserts apiSecretKey is string {
  if (typeof apiSecretKey !== "string" || apiSecretKey.trim() === "") {
    throw new AuthsignalValidationError("apiSecretKey", "expected a non-empty string");
  }
  // RFC 7617: the user-id of Basic auth has no colon and no control characters. A key read from
  // a file often ends in a newline, which would fail every call with a 401.
  if (apiSecretKey.includes(":") || controlCharacters.test(apiSecretKey)) {
    throw new AuthsignalValidationError("apiSecretKey", "must not contain a colon or control characters");
  }
}

/**
 * A secret key's credentials: Basic auth with the key as the user-id and an empty password,
 * encoded as UTF-8 (RFC 7617), on every request.
 */
export const secretKeyCredentials: Credentials<{ apiSecretKey: string }> = ({ apiSecretKey }) => {
  checkSecretKey(apiSecretKey);
  let binary = "";
  for (const byte of new TextEncoder().encode(`${apiSecretKey}:`)) binary += String.fromCharCode(byte);
  const authorization = `Basic ${btoa(binary)}`;
  return () => authorization;
};

/** `undefined` stays undefined (the default applies); anything else must pass `valid`. */
function checkNumber(value: unknown, field: string, valid: (value: number) => boolean, expected: string) {
  if (value === undefined || (typeof value === "number" && valid(value))) return value as number | undefined;
  throw new AuthsignalValidationError(field, `expected ${expected}`);
}

/** `maxRetries`, a client's or a call's. */
export const checkRetries = (value: unknown, field: string) =>
  checkNumber(value, field, (n) => Number.isInteger(n) && n >= 0, "a whole number >= 0");

/** The longest delay timers honour (2³¹ − 1 ms, about 24.8 days); a longer one would fire at once. */
const maxTimerMs = 2_147_483_647;

/**
 * `timeoutMs`, a client's or a call's. A timeout beyond what a timer can wait means "no limit"
 * as surely as Infinity does.
 */
export const checkTimeout = (value: unknown, field: string) => {
  const timeoutMs = checkNumber(value, field, (n) => n > 0, "milliseconds > 0, or Infinity");
  return timeoutMs !== undefined && timeoutMs > maxTimerMs ? Number.POSITIVE_INFINITY : timeoutMs;
};

const checkDelay = (value: unknown, field: string) => {
  const delayMs = checkNumber(value, field, (n) => Number.isFinite(n) && n >= 0, "milliseconds >= 0");
  return delayMs === undefined ? undefined : Math.min(delayMs, maxTimerMs);
};

function serverFor(region: string, servers: Readonly<Record<string, string>>): string {
  const url = Object.hasOwn(servers, region) ? servers[region] : undefined;
  if (url === undefined) {
    throw new AuthsignalValidationError("region", `expected one of ${Object.keys(servers).join(", ")}`);
  }
  return url;
}

// The messages never repeat the URL: it may carry a password.
function checkBaseUrl(baseUrl: unknown): string {
  const url = typeof baseUrl === "string" && URL.canParse(baseUrl) ? new URL(baseUrl) : undefined;
  // Operation paths are appended to it, so a query or fragment would swallow them.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds.
  const stray = /[\s?#\x00-\x1f\x7f]/;
  const problem =
    !url || !/^https?:$/.test(url.protocol)
      ? "expected an absolute http(s) URL"
      : stray.test(baseUrl as string)
        ? "must not contain whitespace, a query or a fragment"
        : url.username || url.password
          ? "must not contain credentials"
          : "";
  if (problem) throw new AuthsignalValidationError("baseUrl", problem);
  // Normalized, so what is sent is what the URL parser read.
  return (url as URL).href.replace(/\/+$/, "");
}

/**
 * A client's or a call's `headers`: lower-cases the names so later merges replace rather than
 * duplicate, and drops `authorization`, which only the request builder writes.
 */
export function normalizeHeaders(headers: Record<string, string> | undefined, field: string): Record<string, string> {
  const normalized: Record<string, string> = {};
  if (headers === undefined) return normalized;
  if (typeof headers !== "object" || headers === null) {
    throw new AuthsignalValidationError(field, "expected an object of headers");
  }
  for (const [name, value] of Object.entries(headers)) {
    // What fetch would refuse, refused here so it is an argument error, not a failed request:
    // a name outside RFC 9110's token characters, a value with a control character (a tab aside)
    // or a character beyond Latin-1.
    if (!/^[!#$%&'*+.^`|~\w-]+$/.test(name))
      throw new AuthsignalValidationError(field, `"${name}" is not a header name`);
    if (typeof value !== "string") throw new AuthsignalValidationError(`${field}.${name}`, "expected a string");
    if (/[^\t -\u00ff]/.test(value))
      throw new AuthsignalValidationError(`${field}.${name}`, "has a character a header cannot carry");
    const lower = name.toLowerCase();
    if (lower !== "authorization") normalized[lower] = value;
  }
  return normalized;
}
