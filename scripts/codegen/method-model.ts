// What the method declarations (method-declarations.ts) and the API reference (api-reference.ts)
// say about each operation, read once from the bundled spec: its documentation, the shape of its
// one argument (path and query parameters at the top, the body under `attributes` when there are
// path parameters, else the body itself), what it resolves to, and an example call built from the
// spec's own examples.
import {
  isReference,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type Reference,
  resolveRef,
  type SchemaObject,
} from "../spec/openapi-document.ts";
import { type SpecOperation, specOperations } from "../spec/spec-operations.ts";
import { collectOperations } from "./operation-table.ts";

export interface ParameterModel {
  name: string;
  required: boolean;
  /** The spec's example, when it has one. */
  example?: unknown;
}

export interface BodyModel {
  required: boolean;
  /** `attributes` when the operation has path parameters, else the argument is the body itself. */
  placement: "attributes" | "root";
  schema: SchemaObject | Reference;
  /** Whether `{}` is a valid body, so that the argument may be left out. */
  acceptsEmpty: boolean;
}

export type ResultModel =
  | { kind: "none" }
  | { kind: "object" | "array" | "other"; status: string; schema: SchemaObject | Reference; description?: string };

export interface MethodModel {
  name: string;
  /** The name its argument and result types start with: `track` → `TrackRequest`, `TrackResponse`. */
  typeName: string;
  httpMethod: string;
  path: string;
  summary: string;
  description?: string;
  deprecated: boolean;
  docsUrl: string;
  /** Why `docsUrl` is not the operation's own page, when it is not. */
  docsNote?: string;
  pathParameters: ParameterModel[];
  queryParameters: ParameterModel[];
  body?: BodyModel;
  result: ResultModel;
  /** The method takes no argument at all (no parameters, no body). */
  takesNothing: boolean;
  /** Every part of the argument may be left out. */
  argumentOptional: boolean;
  example: { caption?: string; argument?: Record<string, unknown> };
  pagination?: { iterator: string; cursorParam: string; cursorField: string; itemsField: string };
}

/** One model per operation that becomes a method, in the operation table's order. */
export function collectMethods(document: OpenApiDocument): MethodModel[] {
  const found = new Map<string, MethodModel>();
  for (const operation of specOperations(document)) {
    if (operation.operation["x-alias-of"] !== undefined) continue;
    const model = describeMethod(document, operation);
    found.set(model.name, model);
  }
  // The table decides which operations are methods; the two must never disagree.
  return collectOperations(document).map(({ name, pagination }) => {
    const model = found.get(name);
    if (!model) throw new Error(`${name} is in the operation table but has no method model`);
    return pagination ? { ...model, pagination } : model;
  });
}

function describeMethod(
  document: OpenApiDocument,
  { path, method, route, operation, parameters }: SpecOperation,
): MethodModel {
  const name = operation.operationId ?? route;
  const summary = text(operation.summary);
  if (!summary) throw new Error(`${name} has no summary: the method's documentation starts with it`);
  const externalDocs = operation.externalDocs as { url?: unknown; description?: unknown } | undefined;
  const docsUrl = text(externalDocs?.url);
  if (!docsUrl?.startsWith("https://")) {
    throw new Error(`${name} needs externalDocs.url, the https address of its Authsignal docs page`);
  }

  const modelOf = (parameter: ParameterObject): ParameterModel => {
    const example = parameterExample(document, parameter);
    return {
      name: parameter.name,
      required: parameter.required === true,
      ...(example === undefined ? {} : { example }),
    };
  };
  const pathParameters = parameters.filter((parameter) => parameter.in === "path").map(modelOf);
  const queryParameters = parameters.filter((parameter) => parameter.in === "query").map(modelOf);

  const body = bodyOf(document, operation, pathParameters.length > 0 ? "attributes" : "root");
  const argumentOptional =
    ![...pathParameters, ...queryParameters].some((parameter) => parameter.required) &&
    (!body || (body.placement === "root" ? body.acceptsEmpty || !body.required : !body.required));
  const description = text(operation.description);
  const docsNote = text(externalDocs?.description);
  return {
    name,
    typeName: name.charAt(0).toUpperCase() + name.slice(1),
    httpMethod: method.toUpperCase(),
    path,
    summary,
    ...(description ? { description } : {}),
    deprecated: operation.deprecated === true,
    docsUrl,
    ...(docsNote ? { docsNote } : {}),
    pathParameters,
    queryParameters,
    ...(body ? { body } : {}),
    result: resultOf(document, operation),
    takesNothing: pathParameters.length === 0 && queryParameters.length === 0 && !body,
    argumentOptional,
    example: exampleOf(document, name, pathParameters, queryParameters, operation, body),
  };
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function parameterExample(document: OpenApiDocument, parameter: ParameterObject): unknown {
  if (parameter.example !== undefined) return parameter.example;
  const named = Object.values(parameter.examples ?? {})[0];
  if (named !== undefined) return resolveRef<{ value?: unknown }>(document, named as never).value;
  const schema = parameter.schema ? resolveRef<SchemaObject>(document, parameter.schema) : undefined;
  return schema?.example;
}

type MediaType = { schema?: SchemaObject | Reference; example?: unknown; examples?: Record<string, unknown> };

function jsonContent(document: OpenApiDocument, holder: unknown): MediaType | undefined {
  const resolved =
    holder === undefined ? undefined : resolveRef<{ content?: Record<string, MediaType> }>(document, holder as never);
  return resolved?.content?.["application/json"];
}

function bodyOf(document: OpenApiDocument, operation: OperationObject, placement: BodyModel["placement"]) {
  if (operation.requestBody === undefined) return undefined;
  const requestBody = resolveRef<{ required?: boolean }>(document, operation.requestBody);
  const schema = jsonContent(document, operation.requestBody)?.schema;
  if (!schema) throw new Error(`${operation.operationId}: a request body without a JSON schema`);
  return { required: requestBody.required === true, placement, schema, acceptsEmpty: acceptsEmpty(document, schema) };
}

/** Whether `{}` satisfies the schema, as openapi-typescript's types see it (required properties only). */
export function acceptsEmpty(document: OpenApiDocument, schema: SchemaObject | Reference): boolean {
  const resolved = resolveRef<SchemaObject & Record<string, unknown>>(document, schema);
  const members = (keyword: string) => (resolved[keyword] as (SchemaObject | Reference)[] | undefined) ?? [];
  if (members("oneOf").length > 0 || members("anyOf").length > 0) {
    return [...members("oneOf"), ...members("anyOf")].some((member) => acceptsEmpty(document, member));
  }
  if (!members("allOf").every((member) => acceptsEmpty(document, member))) return false;
  return !Array.isArray(resolved.required) || resolved.required.length === 0;
}

function resultOf(document: OpenApiDocument, operation: OperationObject): ResultModel {
  const responses = (operation.responses ?? {}) as Record<string, unknown>;
  const status = Object.keys(responses).find((code) => /^2\d\d$/.test(code));
  if (!status) return { kind: "none" };
  const response = resolveRef<{ description?: string }>(document, responses[status] as never);
  const schema = jsonContent(document, responses[status])?.schema;
  if (!schema) return { kind: "none" };
  const resolved = resolveRef<SchemaObject & Record<string, unknown>>(document, schema);
  const composed = ["oneOf", "anyOf", "allOf"].some((keyword) => resolved[keyword] !== undefined);
  const kind = resolved.type === "array" ? "array" : resolved.type === "object" && !composed ? "object" : "other";
  const description = text(response.description);
  return { kind, status, schema, ...(description ? { description } : {}) };
}

function exampleOf(
  document: OpenApiDocument,
  name: string,
  pathParameters: ParameterModel[],
  queryParameters: ParameterModel[],
  operation: OperationObject,
  body: BodyModel | undefined,
): MethodModel["example"] {
  const argument: Record<string, unknown> = {};
  for (const parameter of [...pathParameters, ...queryParameters]) {
    const cursor = operation["x-pagination"]?.cursorParam === parameter.name;
    if (parameter.example !== undefined && !cursor) argument[parameter.name] = parameter.example;
    else if (parameter.required) throw new Error(`${name}: parameter ${parameter.name} needs an example`);
  }
  let caption: string | undefined;
  if (body) {
    const media = jsonContent(document, operation.requestBody);
    const first = media?.examples ? Object.values(media.examples)[0] : undefined;
    const named =
      first === undefined ? undefined : resolveRef<{ summary?: string; value?: unknown }>(document, first as never);
    const value = named ? named.value : media?.example;
    if (value === undefined && body.required) throw new Error(`${name}: the request body needs an example`);
    caption = text(named?.summary);
    if (value !== undefined && body.placement === "attributes") argument.attributes = value;
    else if (value !== undefined) Object.assign(argument, value);
  }
  return {
    ...(caption ? { caption } : {}),
    ...(Object.keys(argument).length > 0 ? { argument } : {}),
  };
}

/** The component a schema names, when it is a plain `#/components/schemas/<name>` reference. */
export function componentName(schema: SchemaObject | Reference | undefined): string | undefined {
  if (!isReference(schema)) return undefined;
  return /^#\/components\/schemas\/([^/]+)$/.exec(schema.$ref)?.[1];
}

export interface ApiNaming {
  /** The methods interface, such as `ServerMethods`. */
  interfaceName: string;
  /** What examples call the client, such as `server`. */
  clientVariable: string;
  /** The API's name for prose, such as `Server API`. */
  title: string;
}

/** A method's signature, in the names methods.ts exports. */
export interface MethodSignature {
  name: string;
  /** `undefined` when the method takes nothing (its argument is then `{}`). */
  argumentType?: string;
  argumentOptional: boolean;
  resultType: string;
  /** The type an iterator yields, for iterators. */
  yields?: string;
  model: MethodModel;
}
