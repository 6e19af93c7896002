import { AuthsignalValidationError } from "./errors.ts";

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
}

export interface ResolvedConfig {
  baseUrl: string;
  authorization: string;
  fetch: typeof globalThis.fetch;
  headers: Record<string, string>;
}

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
  if (typeof apiSecretKey !== "string" || apiSecretKey.trim() === "") {
    throw new AuthsignalValidationError("apiSecretKey", "expected a non-empty string");
  }
  if (typeof fetch !== "function") {
    throw new AuthsignalValidationError("fetch", "no fetch is available; pass one in the options");
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
  };
}

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
