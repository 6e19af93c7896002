// The parts of an OpenAPI 3.1 document that the generators read. Bundled documents keep
// component $refs, so anything may be a reference to resolve with `resolveRef`.

export interface Reference {
  $ref: string;
}

export interface SchemaObject {
  type?: string | string[];
  pattern?: string;
  items?: SchemaObject | Reference;
  [keyword: string]: unknown;
}

export interface ParameterObject {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  style?: string;
  explode?: boolean;
  allowReserved?: boolean;
  schema?: SchemaObject | Reference;
  content?: Record<string, unknown>;
  example?: unknown;
  examples?: Record<string, unknown>;
}

export interface OperationObject {
  operationId?: string;
  parameters?: (ParameterObject | Reference)[];
  requestBody?: Reference | { required?: boolean; content?: Record<string, unknown> };
  "x-idempotent"?: boolean;
  /** This route does what another operation does; it is described, but gets no client method. */
  "x-alias-of"?: string;
  "x-idempotency-key"?: string;
  "x-pagination"?: { iterator: string; cursorParam: string; cursorField: string; itemsField: string };
  [field: string]: unknown;
}

export type PathItemObject = Partial<Record<HttpMethod, OperationObject>> & {
  parameters?: (ParameterObject | Reference)[];
};

export const httpMethods = ["get", "put", "post", "delete", "patch"] as const;
export type HttpMethod = (typeof httpMethods)[number];

export interface ServerObject {
  url: string;
  description?: string;
  "x-region"?: string;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  servers?: ServerObject[];
  paths: Record<string, PathItemObject>;
  components?: Record<string, Record<string, unknown>>;
}

export function isReference(value: unknown): value is Reference {
  return typeof value === "object" && value !== null && "$ref" in value;
}

/** Follows local `#/components/...` references until it reaches a value. */
export function resolveRef<T>(document: OpenApiDocument, value: T | Reference): T {
  let current: unknown = value;
  const seen = new Set<string>();
  while (isReference(current)) {
    const ref = current.$ref;
    if (!ref.startsWith("#/") || seen.has(ref)) throw new Error(`Cannot resolve $ref ${ref}`);
    seen.add(ref);
    current = ref
      .slice(2)
      .split("/")
      .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
    if (current === undefined) throw new Error(`Dangling $ref ${ref}`);
  }
  return current as T;
}
