// Turns a method's single argument into a URL and a JSON body, following the operation table.
// Path parameters are checked here, before any request exists, so a bad value never reaches the
// network with the secret key attached.
import { AuthsignalValidationError } from "./errors.ts";
import type { OperationSpec, PathParamSpec, QueryParamSpec } from "./operation.ts";

export type MethodArgument = Record<string, unknown>;

export function buildUrl(baseUrl: string, operation: OperationSpec, args: MethodArgument): string {
  let path = operation.path;
  for (const param of operation.pathParams) {
    path = path.replace(`{${param.name}}`, encodePathParam(param, args[param.name]));
  }
  const query = operation.queryParams.length > 0 ? buildQuery(operation.queryParams, args) : "";
  return query === "" ? baseUrl + path : `${baseUrl}${path}?${query}`;
}

function encodePathParam(param: PathParamSpec, value: unknown): string {
  if (value === undefined || value === null) {
    throw new AuthsignalValidationError(param.name, "this path parameter is required");
  }
  if (typeof value !== "string" && !(typeof value === "number" && Number.isFinite(value))) {
    throw new AuthsignalValidationError(param.name, `expected a string, got ${describe(value)}`);
  }
  const text = String(value);
  // "" would address the parent collection and "." or ".." another route entirely.
  if (text === "" || text === "." || text === "..") {
    throw new AuthsignalValidationError(param.name, `"${text}" is not a usable path segment`);
  }
  if (param.pattern && !param.pattern.test(text)) {
    throw new AuthsignalValidationError(param.name, `"${text}" does not match ${param.pattern.source}`);
  }
  return encodeURIComponent(text);
}

function buildQuery(params: readonly QueryParamSpec[], args: MethodArgument): string {
  const search = new URLSearchParams();
  for (const { name, explode } of params) {
    const value = args[name];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      const items = value.map((item) => queryValue(name, item));
      if (explode) for (const item of items) search.append(name, item);
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
  if (operation.body === "none") return undefined;
  if (operation.body === "attributes") {
    const attributes = args.attributes ?? {};
    if (typeof attributes !== "object" || attributes === null || Array.isArray(attributes)) {
      throw new AuthsignalValidationError("attributes", `expected an object, got ${describe(attributes)}`);
    }
    return attributes as Record<string, unknown>;
  }
  if (operation.queryParams.length === 0) return args;
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    if (!operation.queryParams.some((param) => param.name === key)) body[key] = value;
  }
  return body;
}

export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : typeof value;
}
