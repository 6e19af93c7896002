import { AuthsignalValidationError } from "./errors.ts";
import type { Logger } from "./logger.ts";

/** Options shared by the Server and Management clients. */
export interface ClientOptions<Region extends string = string> {
  /** The API's secret key. The Server and Management APIs each have their own. */
  apiSecretKey: string;
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
  /** Receives a line per attempt, retry and response, with `Authorization` redacted. Off by default. */
  logger?: Logger;
}

export interface ResolvedConfig {
  baseUrl: string;
  authorization: string;
  fetch: typeof globalThis.fetch;
  headers: Record<string, string>;
  maxRetries: number;
  timeoutMs: number;
  initialRetryDelayMs: number;
  maxRetryDelayMs: number;
  logger: Logger | undefined;
}

export const defaults = { maxRetries: 2, timeoutMs: 10_000, initialRetryDelayMs: 500, maxRetryDelayMs: 8_000 };

export interface PackageIdentity {
  name: string;
  version: string;
}

export function resolveConfig(
  options: ClientOptions,
  servers: Readonly<Record<string, string>>,
  identity: PackageIdentity,
): ResolvedConfig {
  if (typeof options !== "object" || options === null) {
    throw new AuthsignalValidationError("options", "expected an object with at least apiSecretKey");
  }
  const { apiSecretKey, region = "us", baseUrl, fetch = globalThis.fetch } = options;
  checkSecretKey(apiSecretKey);
  if (typeof fetch !== "function") {
    throw new AuthsignalValidationError("fetch", "no global fetch; pass one");
  }
  const { logger } = options;
  if (logger !== undefined && typeof logger?.debug !== "function") {
    throw new AuthsignalValidationError("logger", "expected an object with a debug method");
  }
  return {
    baseUrl: baseUrl === undefined ? serverFor(region, servers) : checkBaseUrl(baseUrl),
    authorization: `Basic ${btoa(`${apiSecretKey}:`)}`,
    fetch,
    headers: {
      accept: "application/json",
      "user-agent": `${identity.name}/${identity.version}`,
      ...normalizeHeaders(options.headers, "headers"),
    },
    maxRetries: checkRetries(options.maxRetries, "maxRetries") ?? defaults.maxRetries,
    timeoutMs: checkTimeout(options.timeoutMs, "timeoutMs") ?? defaults.timeoutMs,
    initialRetryDelayMs: checkDelay(options.initialRetryDelayMs, "initialRetryDelayMs") ?? defaults.initialRetryDelayMs,
    maxRetryDelayMs: checkDelay(options.maxRetryDelayMs, "maxRetryDelayMs") ?? defaults.maxRetryDelayMs,
    logger,
  };
}

export function checkSecretKey(apiSecretKey: unknown): asserts apiSecretKey is string {
  if (typeof apiSecretKey !== "string" || apiSecretKey.trim() === "") {
    throw new AuthsignalValidationError("apiSecretKey", "expected a non-empty string");
  }
}

/** `undefined` stays undefined (the default applies); anything else must pass `valid`. */
function checkNumber(value: unknown, field: string, valid: (value: number) => boolean, expected: string) {
  if (value === undefined || (typeof value === "number" && valid(value))) return value as number | undefined;
  throw new AuthsignalValidationError(field, `expected ${expected}`);
}

export const checkRetries = (value: unknown, field: string) =>
  checkNumber(value, field, (n) => Number.isInteger(n) && n >= 0, "a whole number of 0 or more");

export const checkTimeout = (value: unknown, field: string) =>
  checkNumber(value, field, (n) => n > 0, "a number of milliseconds above 0 (or Infinity)");

const checkDelay = (value: unknown, field: string) =>
  checkNumber(value, field, (n) => Number.isFinite(n) && n >= 0, "a number of milliseconds of 0 or more");

function serverFor(region: string, servers: Readonly<Record<string, string>>): string {
  const url = Object.hasOwn(servers, region) ? servers[region] : undefined;
  if (url === undefined) {
    throw new AuthsignalValidationError("region", `expected one of ${Object.keys(servers).join(", ")}`);
  }
  return url;
}

function checkBaseUrl(baseUrl: unknown): string {
  if (typeof baseUrl === "string" && URL.canParse(baseUrl)) {
    const { protocol } = new URL(baseUrl);
    if (protocol === "https:" || protocol === "http:") return baseUrl.replace(/\/+$/, "");
  }
  throw new AuthsignalValidationError("baseUrl", "expected an absolute http(s) URL");
}

/** Lower-cases header names so later merges replace rather than duplicate, and drops `authorization`. */
export function normalizeHeaders(headers: Record<string, string> | undefined, field: string): Record<string, string> {
  const normalized: Record<string, string> = {};
  if (headers === undefined) return normalized;
  if (typeof headers !== "object" || headers === null) {
    throw new AuthsignalValidationError(field, "expected an object of header names to values");
  }
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value !== "string") throw new AuthsignalValidationError(`${field}.${name}`, "expected a string");
    const lower = name.toLowerCase();
    if (lower !== "authorization") normalized[lower] = value;
  }
  return normalized;
}
