// Turns a method's single argument into a URL and a JSON body, following the operation table.
// Path parameters are checked here, before any request exists, so a bad value never reaches the
// network with the secret key attached.
import { AuthsignalValidationError } from "./errors.ts";
import { bodySource, type OperationSpec } from "./operation.ts";

export type MethodArgument = Record<string, unknown>;

export function buildUrl(baseUrl: string, operation: OperationSpec, args: MethodArgument): string {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_placeholder, name: string) =>
    encodePathParam(name, operation.patterns?.[name], args[name]),
  );
  const query = operation.query === undefined ? "" : buildQuery(operation.query, args);
  return query === "" ? baseUrl + path : `${baseUrl}${path}?${query}`;
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
  return encodeURIComponent(text);
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
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
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

export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : typeof value;
}
