// Renders the runtime operation table (method name → HTTP method, path, parameter locations,
// body placement, idempotency) and the region → server URL map from a bundled spec.
import {
  httpMethods,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  resolveRef,
  type SchemaObject,
} from "./openapi-document.ts";

interface RenderedOperation {
  name: string;
  method: string;
  path: string;
  pathParams: { name: string; pattern?: string }[];
  queryParams: { name: string; explode: boolean }[];
  body: "none" | "attributes" | "root";
  idempotent: boolean;
  idempotencyKeyField?: string;
  pagination?: { iterator: string; cursorParam: string; cursorField: string; itemsField: string };
}

// Methods that HTTP itself defines as idempotent; a POST is idempotent only when the spec says so.
const idempotentMethods = new Set(["get", "put", "patch", "delete"]);

export function collectOperations(document: OpenApiDocument): RenderedOperation[] {
  const operations: RenderedOperation[] = [];
  for (const [path, pathItem] of Object.entries(document.paths)) {
    for (const method of httpMethods) {
      const operation = pathItem[method];
      if (operation) operations.push(describeOperation(document, path, method, operation, pathItem.parameters ?? []));
    }
  }
  const names = new Set<string>();
  for (const { name } of operations) {
    if (names.has(name)) throw new Error(`operationId "${name}" is used twice`);
    names.add(name);
  }
  return operations.sort((a, b) => a.name.localeCompare(b.name));
}

function describeOperation(
  document: OpenApiDocument,
  path: string,
  method: (typeof httpMethods)[number],
  operation: OperationObject,
  sharedParameters: NonNullable<OperationObject["parameters"]>,
): RenderedOperation {
  const name = operation.operationId;
  if (!name) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
  const parameters = [...sharedParameters, ...(operation.parameters ?? [])].map((parameter) =>
    resolveRef<ParameterObject>(document, parameter),
  );

  const pathParams = parameters
    .filter((parameter) => parameter.in === "path")
    .map((parameter) => {
      const schema = parameter.schema ? resolveRef<SchemaObject>(document, parameter.schema) : undefined;
      return schema?.pattern ? { name: parameter.name, pattern: schema.pattern } : { name: parameter.name };
    });
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

  const queryParams = parameters
    .filter((parameter) => parameter.in === "query")
    .map((parameter) => ({ name: parameter.name, explode: parameter.explode ?? true }));

  const hasBody = operation.requestBody !== undefined;
  const body = !hasBody ? "none" : pathParams.length > 0 ? "attributes" : "root";
  const idempotencyKeyField = operation["x-idempotency-key"];
  if (idempotencyKeyField && body === "none") throw new Error(`${name}: x-idempotency-key needs a request body`);
  const pagination = paginationOf(name, operation, queryParams);
  return {
    name,
    method: method.toUpperCase(),
    path,
    pathParams,
    queryParams,
    body,
    idempotent: idempotentMethods.has(method) || operation["x-idempotent"] === true || Boolean(idempotencyKeyField),
    ...(idempotencyKeyField ? { idempotencyKeyField } : {}),
    ...(pagination ? { pagination } : {}),
  };
}

function paginationOf(name: string, operation: OperationObject, queryParams: { name: string }[]) {
  const extension = operation["x-pagination"];
  if (extension) {
    const { iterator, cursorParam, cursorField, itemsField } = extension;
    if (![iterator, cursorParam, cursorField, itemsField].every((value) => typeof value === "string" && value !== "")) {
      throw new Error(`${name}: x-pagination needs iterator, cursorParam, cursorField and itemsField`);
    }
    if (!queryParams.some((param) => param.name === cursorParam)) {
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
    'import type { operations as OperationTypes } from "./schema.ts";',
    "",
    "/** The API's base URL in each region; the first is the default. */",
    `export const servers = ${JSON.stringify(collectServers(document), null, 2)} as const;`,
    "",
    "/** Every operation in the spec, keyed by operationId, which is also the client method's name. */",
    "export const operations = {",
  ];
  for (const operation of collectOperations(document)) {
    lines.push(`  ${operation.name}: {`);
    lines.push(`    method: ${JSON.stringify(operation.method)},`);
    lines.push(`    path: ${JSON.stringify(operation.path)},`);
    const pathParams = operation.pathParams.map(({ name, pattern }) =>
      pattern === undefined
        ? `{ name: ${JSON.stringify(name)} }`
        : `{ name: ${JSON.stringify(name)}, pattern: ${new RegExp(pattern)} }`,
    );
    lines.push(`    pathParams: [${pathParams.join(", ")}],`);
    const queryParams = operation.queryParams.map(
      ({ name, explode }) => `{ name: ${JSON.stringify(name)}, explode: ${explode} }`,
    );
    lines.push(`    queryParams: [${queryParams.join(", ")}],`);
    lines.push(`    body: ${JSON.stringify(operation.body)},`);
    lines.push(`    idempotent: ${operation.idempotent},`);
    if (operation.idempotencyKeyField) {
      lines.push(`    idempotencyKeyField: ${JSON.stringify(operation.idempotencyKeyField)},`);
    }
    if (operation.pagination) {
      const fields = Object.entries(operation.pagination).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
      lines.push(`    pagination: { ${fields.join(", ")} },`);
    }
    lines.push("  },");
  }
  // Webhooks also appear in OperationTypes, but only paths become methods.
  lines.push("} as const satisfies Partial<OperationTable<keyof OperationTypes>>;", "");
  return lines.join("\n");
}
