// Renders the runtime operation table (method name → HTTP method, path, parameter locations,
// body placement, idempotency) and the region → server URL map from a bundled spec.
import {
  type OpenApiDocument,
  type OperationObject,
  type Reference,
  resolveRef,
  type SchemaObject,
} from "../spec/openapi-document.ts";
import { documentSchemes, operationSchemes } from "../spec/security.ts";
import { type SpecOperation, specOperations } from "../spec/spec-operations.ts";
import { parameterSerialization } from "./parameters.ts";

/** One operation as the table holds it: only what the client cannot derive (see core's operation.ts). */
interface RenderedOperation {
  name: string;
  method: string;
  path: string;
  patterns?: Record<string, string>;
  query?: Record<string, "repeat" | "comma">;
  hasBody?: true;
  result?: "array" | "none" | "partial";
  idempotent?: true;
  idempotencyKeyField?: string;
  pagination?: { iterator: string; cursorParam: string; cursorField: string; itemsField: string };
  security?: string[];
}

export function collectOperations(document: OpenApiDocument): RenderedOperation[] {
  const operations: RenderedOperation[] = [];
  const aliases: { name: string; of: string }[] = [];
  for (const found of specOperations(document)) {
    // An alias is a second route to an operation's behaviour (POST /users/{userId} beside
    // PATCH): the spec describes it, so requests to it validate, but one method is enough.
    const of = found.operation["x-alias-of"];
    if (of !== undefined) aliases.push({ name: found.operation.operationId ?? found.route, of });
    else operations.push(describeOperation(document, found));
  }
  const names = new Set<string>();
  for (const { name } of operations) {
    if (names.has(name)) throw new Error(`operationId "${name}" is used twice`);
    names.add(name);
  }
  for (const { name, of } of aliases) {
    if (!names.has(of)) throw new Error(`${name}: x-alias-of names "${of}", which is not an operation with a method`);
  }
  return operations.sort((a, b) => a.name.localeCompare(b.name));
}

function describeOperation(document: OpenApiDocument, found: SpecOperation): RenderedOperation {
  const { path, method, route, operation, parameters } = found;
  const name = operation.operationId;
  if (!name) throw new Error(`${route} has no operationId`);

  const pathParams = parameters.filter((parameter) => parameter.in === "path");
  const templateNames = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]).sort();
  if (
    templateNames.join() !==
    pathParams
      .map((parameter) => parameter.name)
      .sort()
      .join()
  ) {
    throw new Error(`${name}: the path parameters declared do not match the template ${path}`);
  }
  const patterns: Record<string, string> = {};
  for (const parameter of pathParams) {
    const schema = parameter.schema ? resolveRef<SchemaObject>(document, parameter.schema) : undefined;
    if (schema?.pattern) patterns[parameter.name] = schema.pattern;
  }

  const query: Record<string, "repeat" | "comma"> = {};
  for (const parameter of parameters) {
    const serialization = parameterSerialization(document, name, parameter);
    if (serialization) query[parameter.name] = serialization;
  }

  const hasBody = operation.requestBody !== undefined;
  const idempotencyKeyField = operation["x-idempotency-key"];
  if (idempotencyKeyField && !hasBody) throw new Error(`${name}: x-idempotency-key needs a request body`);
  // GET, PUT, PATCH and DELETE are idempotent by definition; a POST only when the spec says so.
  // A key field says so on its own (core's isIdempotent), so the table states it once.
  const idempotentPost = method === "post" && operation["x-idempotent"] === true && !idempotencyKeyField;
  const pagination = paginationOf(name, operation, Object.keys(query));
  const result = resultOf(document, name, operation);
  const security = securityOf(document, name, operation);
  return {
    name,
    method: method.toUpperCase(),
    path,
    ...(Object.keys(patterns).length > 0 ? { patterns } : {}),
    ...(Object.keys(query).length > 0 ? { query } : {}),
    ...(hasBody ? { hasBody: true as const } : {}),
    ...(result ? { result } : {}),
    ...(idempotentPost ? { idempotent: true as const } : {}),
    ...(idempotencyKeyField ? { idempotencyKeyField } : {}),
    ...(pagination ? { pagination } : {}),
    ...(security ? { security } : {}),
  };
}

/** The schemes an operation accepts (spec/security.ts), when they are not the document's. */
function securityOf(document: OpenApiDocument, name: string, operation: OperationObject): string[] | undefined {
  if (operation.security === undefined) return undefined;
  const own = operationSchemes(document, name, operation);
  return own.join() === documentSchemes(document).join() ? undefined : own;
}

/**
 * The JSON type of the first 2xx response's body: `undefined` for an object (the usual case),
 * `partial` for an object none of whose fields is required, which an empty body satisfies.
 */
function resultOf(
  document: OpenApiDocument,
  name: string,
  operation: OperationObject,
): "array" | "none" | "partial" | undefined {
  const responses = (operation.responses ?? {}) as Record<string, unknown>;
  const status = Object.keys(responses).find((code) => /^2\d\d$/.test(code));
  const response = status
    ? resolveRef<{ content?: Record<string, { schema?: SchemaObject | Reference }> }>(
        document,
        responses[status] as never,
      )
    : undefined;
  const schema = response?.content?.["application/json"]?.schema;
  if (!schema) return "none";
  const resolved = resolveRef<SchemaObject>(document, schema);
  if (resolved.type === "array") return "array";
  // A delete that answers 204 or an empty 200 has succeeded; when the spec's result has no
  // required field, `{}` is a value of its type, so the client can resolve to that.
  if (
    resolved.type === "object" &&
    !hasComposition(resolved) &&
    ((resolved.required as string[] | undefined) ?? []).length === 0
  ) {
    return "partial";
  }
  // Unions and compositions (oneOf, allOf, anyOf) are of objects in these specs.
  if (resolved.type === undefined || resolved.type === "object") return undefined;
  throw new Error(`${name}: a ${String(resolved.type)} success body is not something the client can check`);
}

/** Whether a schema is built from others, whose required fields it then has. */
const hasComposition = (schema: SchemaObject): boolean =>
  schema.allOf !== undefined || schema.oneOf !== undefined || schema.anyOf !== undefined;

function paginationOf(name: string, operation: OperationObject, queryNames: string[]) {
  const extension = operation["x-pagination"];
  if (extension) {
    const { iterator, cursorParam, cursorField, itemsField } = extension;
    if (![iterator, cursorParam, cursorField, itemsField].every((value) => typeof value === "string" && value !== "")) {
      throw new Error(`${name}: x-pagination needs iterator, cursorParam, cursorField and itemsField`);
    }
    if (!queryNames.includes(cursorParam)) {
      throw new Error(`${name}: x-pagination.cursorParam "${cursorParam}" is not a query parameter`);
    }
    return { iterator, cursorParam, cursorField, itemsField };
  }
  return undefined;
}

export function collectServers(document: OpenApiDocument): Record<string, string> {
  const servers: Record<string, string> = {};
  for (const server of document.servers ?? []) {
    const region = server["x-region"];
    if (!region) throw new Error(`Server ${server.url} has no x-region`);
    servers[region] = server.url;
  }
  if (!servers.us) throw new Error("The spec must list a server for the default region, us");
  return servers;
}

export function renderOperationTable(document: OpenApiDocument): string {
  const lines = [
    'import type { OperationTable } from "@authsignal-ts/core";',
    'import type { operations } from "./schema.ts";',
    "",
    "/** The API's base URL in each region; the first is the default. */",
    `export const servers = ${JSON.stringify(collectServers(document), null, 2)} as const;`,
    "",
    "/**",
    " * How to send each operation in the spec (method, path, parameters, body, idempotency), keyed by",
    " * operationId, which is also the client method's name. The types of each are in schema.ts's `operations`.",
    " */",
    "export const operationTable = {",
  ];
  for (const { name, ...spec } of collectOperations(document)) {
    const fields = Object.entries(spec).map(([key, value]) => `${key}: ${renderValue(key, value)}`);
    lines.push(`  ${name}: { ${fields.join(", ")} },`);
  }
  // Webhooks also appear in `operations`, but only paths become methods.
  lines.push("} as const satisfies Partial<OperationTable<keyof operations>>;", "");
  return lines.join("\n");
}

function renderValue(key: string, value: unknown): string {
  if (key === "patterns") {
    const entries = Object.entries(value as Record<string, string>).map(
      ([name, pattern]) => `${name}: ${new RegExp(pattern)}`,
    );
    return `{ ${entries.join(", ")} }`;
  }
  if (Array.isArray(value)) return JSON.stringify(value);
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).map(([name, inner]) => `${name}: ${JSON.stringify(inner)}`);
    return `{ ${entries.join(", ")} }`;
  }
  return JSON.stringify(value);
}
