// Turns a method's single argument into a URL and a JSON body, following the operation table.
// Path parameters are checked here, before any request exists, so a bad value never reaches the
// network with the secret key attached.
import { AuthsignalValidationError } from "./errors.ts";
import { bodySource, type OperationSpec } from "./operation.ts";

export type MethodArgument = Record<string, unknown>;

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
    throw new AuthsignalValidationError(name, `expected a string, got ${describe(value)}`);
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
  throw new AuthsignalValidationError(name, `expected a string, number or boolean, got ${describe(value)}`);
}

/** The JSON body for an operation, or undefined when it takes none. */
export function pickBody(operation: OperationSpec, args: MethodArgument): Record<string, unknown> | undefined {
  const source = bodySource(operation);
  if (source === "none") return undefined;
  if (source === "attributes") {
    const attributes = args.attributes ?? {};
    if (typeof attributes !== "object" || attributes === null || Array.isArray(attributes)) {
      throw new AuthsignalValidationError("attributes", `expected an object, got ${describe(attributes)}`);
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

export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : typeof value;
}
