// Everything a request is made of, built in one place for the generated methods and the
// openapi-fetch client alike: the URL (path and query), the JSON body and its idempotency key,
// the headers (the client's, the call's, the content type) and auth, which nothing else writes.
// Arguments are checked here, before any request exists, so a bad value never reaches the
// network with the secret key attached.
import type { ResolvedConfig } from "./config.ts";
import { AuthsignalValidationError } from "./errors.ts";
import { kindOf } from "./kind-of.ts";
import { bodySource, isIdempotent, type OperationSpec } from "./operation.ts";
import type { ResolvedRequestOptions } from "./request-options.ts";

export type MethodArgument = Record<string, unknown>;

/** A request ready for the transport, which sends it as it is. */
export interface OutgoingRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | ArrayBuffer | undefined;
  /** Whether the transport may resend it after a failure the API may have seen (see isIdempotent). */
  idempotent: boolean;
}

/** The request for a method's call: `args` is the method's single argument. */
export function buildRequest(
  config: ResolvedConfig,
  operation: OperationSpec,
  args: unknown,
  options: ResolvedRequestOptions,
): OutgoingRequest {
  if (typeof args !== "object" || args === null || Array.isArray(args)) {
    throw new AuthsignalValidationError("args", `expected an object, got ${kindOf(args)}`);
  }
  const url = buildUrl(config.baseUrl, operation, args as MethodArgument);
  const body = pickBody(operation, args as MethodArgument);
  const headers = body === undefined ? options.headers : { ...options.headers, "content-type": "application/json" };
  return {
    method: operation.method,
    url,
    headers: withAuth(config, headers, operation),
    body:
      body &&
      serializeBody(withIdempotencyKey(operation, body), bodySource(operation) === "attributes" ? "attributes" : ""),
    idempotent: isIdempotent(operation),
  };
}

/**
 * An openapi-fetch Request as the transport sends it: its body read once, so every attempt sends
 * the same bytes, and its headers between the client's and auth. `operation` is the table's entry
 * for its method and path template, if there is one; a JSON body of an operation with an
 * idempotency key field gets a key the way a method's body does.
 */
export async function adoptRequest(
  config: ResolvedConfig,
  request: Request,
  operation: OperationSpec | undefined,
): Promise<OutgoingRequest> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  let body: string | ArrayBuffer | undefined = request.body === null ? undefined : await request.arrayBuffer();
  // The entry's idempotency rests on the key; a body that cannot carry one leaves the request
  // with only its method to go by.
  let vouchedFor = operation;
  if (operation?.idempotencyKeyField !== undefined) {
    const json = body === undefined ? undefined : jsonObject(body);
    const keyed = json && withIdempotencyKey(operation, json);
    if (!keyed) vouchedFor = undefined;
    else if (keyed !== json) body = JSON.stringify(keyed);
  }
  return {
    method: request.method,
    url: request.url,
    headers: withAuth(config, headers, operation),
    body,
    // A path the table does not list (openapi-fetch takes any string at runtime) has only its
    // method to go by: HTTP's own rule, under which only a POST may not be resent.
    idempotent: isIdempotent(vouchedFor ?? { method: request.method }),
  };
}

/** The client's headers, then the request's own, then auth: the one place it is written, and nothing replaces it. */
function withAuth(
  config: ResolvedConfig,
  headers: Record<string, string>,
  operation: OperationSpec | undefined,
): Record<string, string> {
  return { ...config.headers, ...headers, authorization: config.authorization(operation) };
}

/** One key for every attempt, so the API records the action once however often it is sent. */
function withIdempotencyKey(operation: OperationSpec, body: Record<string, unknown>): Record<string, unknown> {
  const keyField = operation.idempotencyKeyField;
  return keyField === undefined || body[keyField] != null ? body : { ...body, [keyField]: crypto.randomUUID() };
}

function jsonObject(body: ArrayBuffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(body));
    return kindOf(value) === "an object" ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function buildUrl(baseUrl: string, operation: OperationSpec, args: MethodArgument): string {
  const path = fillPath(operation.path, operation.patterns, args);
  const query = operation.query === undefined ? "" : buildQuery(operation.query, args);
  return query === "" ? baseUrl + path : `${baseUrl}${path}?${query}`;
}

/**
 * Replaces each `{name}` in `template` with its checked, percent-encoded value. The one path rule
 * of every entry point: the methods and the openapi-fetch clients both build paths with it.
 */
export function fillPath(
  template: string,
  patterns: OperationSpec["patterns"],
  values: Record<string, unknown>,
): string {
  return template.replace(/\{([^}]+)\}/g, (_placeholder, name: string) =>
    encodePathParam(name, patterns?.[name], values[name]),
  );
}

function encodePathParam(name: string, pattern: RegExp | undefined, value: unknown): string {
  if (value === undefined || value === null) {
    throw new AuthsignalValidationError(name, "this path parameter is required");
  }
  if (typeof value !== "string" && !(typeof value === "number" && Number.isFinite(value))) {
    throw new AuthsignalValidationError(name, `expected a string, got ${kindOf(value)}`);
  }
  const text = String(value);
  // "" would address the parent collection and "." or ".." another route entirely.
  if (text === "" || text === "." || text === "..") {
    throw new AuthsignalValidationError(name, `"${text}" is not a usable path segment`);
  }
  if (pattern && !pattern.test(text)) {
    throw new AuthsignalValidationError(name, `"${text}" does not match ${pattern.source}`);
  }
  return encodeURIComponent(wellFormed(name, text));
}

/** The text, if URLs can carry it: a lone surrogate has no UTF-8 form (encodeURIComponent throws). */
function wellFormed(name: string, text: string): string {
  if ((text as unknown as { isWellFormed(): boolean }).isWellFormed()) return text;
  throw new AuthsignalValidationError(name, "has a lone surrogate");
}

function buildQuery(params: NonNullable<OperationSpec["query"]>, args: MethodArgument): string {
  const search = new URLSearchParams();
  for (const [name, style] of Object.entries(params)) {
    const value = args[name];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      const items = value.map((item) => queryValue(name, item));
      if (style === "repeat") for (const item of items) search.append(name, item);
      else if (items.length > 0) search.append(name, items.join(","));
    } else {
      search.append(name, queryValue(name, value));
    }
  }
  return search.toString();
}

function queryValue(name: string, value: unknown): string {
  // URLSearchParams would quietly turn a lone surrogate into U+FFFD.
  if (typeof value === "string") return wellFormed(name, value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw new AuthsignalValidationError(name, `expected a string, number or boolean, got ${kindOf(value)}`);
}

/** The JSON body for an operation, or undefined when it takes none. */
export function pickBody(operation: OperationSpec, args: MethodArgument): Record<string, unknown> | undefined {
  const source = bodySource(operation);
  if (source === "none") return undefined;
  if (source === "attributes") {
    const attributes = args.attributes ?? {};
    if (typeof attributes !== "object" || attributes === null || Array.isArray(attributes)) {
      throw new AuthsignalValidationError("attributes", `expected an object, got ${kindOf(attributes)}`);
    }
    return attributes as Record<string, unknown>;
  }
  const { query } = operation;
  if (query === undefined) return args;
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) if (!Object.hasOwn(query, key)) body[key] = value;
  return body;
}

/**
 * The body as JSON. What JSON cannot hold (a BigInt, a cycle, a `toJSON` that throws) fails here,
 * before anything is sent, naming the first top-level field at fault under `field`.
 */
export function serializeBody(body: Record<string, unknown>, field: string): string {
  try {
    return JSON.stringify(body);
  } catch (error) {
    let culprit = field;
    for (const [key, value] of Object.entries(body)) {
      try {
        JSON.stringify(value);
      } catch {
        culprit = field === "" ? key : `${field}.${key}`;
        break;
      }
    }
    throw new AuthsignalValidationError(culprit || "args", `is not JSON: ${String(error).split("\n")[0]}`);
  }
}
