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

export interface MediaTypeObject {
  schema?: SchemaObject | Reference;
  example?: unknown;
  examples?: Record<string, { value?: unknown } | Reference>;
}

export interface RequestBodyObject {
  required?: boolean;
  content?: Record<string, MediaTypeObject>;
}

export interface ResponseObject {
  description?: string;
  content?: Record<string, MediaTypeObject>;
}

export interface OperationObject {
  operationId?: string;
  parameters?: (ParameterObject | Reference)[];
  requestBody?: Reference | { required?: boolean; content?: Record<string, unknown> };
  /** By status; each a ResponseObject or a Reference to one. */
  responses?: Record<string, unknown>;
  "x-idempotent"?: boolean;
  /** This route does what another operation does; it is described, but gets no client method. */
  "x-alias-of"?: string;
  "x-idempotency-key"?: string;
  "x-pagination"?: { iterator: string; cursorParam: string; cursorField: string; itemsField: string };
  /** The operation's own security alternatives, in place of the document's. */
  security?: SecurityRequirement[];
  [field: string]: unknown;
}

/** One security alternative: the schemes it needs together, by name, with their scopes. */
export type SecurityRequirement = Record<string, string[]>;

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
  /** The security alternatives of every operation that gives none of its own. */
  security?: SecurityRequirement[];
}

export function isReference(value: unknown): value is Reference {
  return typeof value === "object" && value !== null && "$ref" in value;
}

/** A JSON pointer (RFC 6901) to the node at `parts`, such as `/paths/~1users~1{userId}/get`. */
export function pointerTo(...parts: (string | number)[]): string {
  return parts.map((part) => `/${String(part).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}

/**
 * Follows local `#/components/...` references from `value`, found at the JSON pointer `at`, until
 * it reaches a value, and says where that value is: a validator compiled from the document is
 * known by that pointer.
 */
export function resolveRefAt<T>(document: OpenApiDocument, value: T | Reference, at: string): { value: T; at: string } {
  let current: unknown = value;
  let location = at;
  const seen = new Set<string>();
  while (isReference(current)) {
    const ref = current.$ref;
    if (!ref.startsWith("#/") || seen.has(ref)) throw new Error(`Cannot resolve $ref ${ref}`);
    seen.add(ref);
    location = ref.slice(1);
    current = ref
      .slice(2)
      .split("/")
      .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
    if (current === undefined) throw new Error(`Dangling $ref ${ref}`);
  }
  return { value: current as T, at: location };
}

/** Follows local `#/components/...` references until it reaches a value. */
export function resolveRef<T>(document: OpenApiDocument, value: T | Reference): T {
  return resolveRefAt(document, value, "").value;
}
