// Finds changes between two versions of a spec that break existing users: removed or moved
// operations, removed or narrowed fields, removed enum values, and new required inputs. Request
// and response schemas are compared by what each side may rely on: a caller relies on every
// input it could send staying accepted, a reader on every output field it reads staying there.
import {
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  resolveRef,
  type SchemaObject,
} from "../spec/openapi-document.ts";
import { type SpecOperation, specOperations } from "../spec/spec-operations.ts";

function operationsOf(document: OpenApiDocument): Map<string, SpecOperation> {
  const operations = new Map<string, SpecOperation>();
  for (const found of specOperations(document)) {
    if (found.operation.operationId) operations.set(found.operation.operationId, found);
  }
  return operations;
}

export function breakingChanges(before: OpenApiDocument, after: OpenApiDocument): string[] {
  const changes: string[] = [];
  const previous = operationsOf(before);
  const current = operationsOf(after);
  for (const [name, old] of previous) {
    const now = current.get(name);
    if (!now) {
      changes.push(`${name}: operation removed (${old.route})`);
      continue;
    }
    if (now.route !== old.route) changes.push(`${name}: moved from ${old.route} to ${now.route}`);
    compareParameters(name, old.parameters, now.parameters, changes);
    const oldBody = jsonSchema(before, old.operation.requestBody);
    const newBody = jsonSchema(after, now.operation.requestBody);
    if (newBody && !oldBody) changes.push(`${name}: now takes a request body`);
    if (isRequired(after, now.operation.requestBody) && !isRequired(before, old.operation.requestBody)) {
      changes.push(`${name}: the request body is now required`);
    }
    if (oldBody && newBody) compareSchemas(`${name} request`, "input", before, oldBody, after, newBody, changes, 0);
    const oldResponse = successSchema(before, old.operation);
    const newResponse = successSchema(after, now.operation);
    if (oldResponse && !newResponse) changes.push(`${name}: the success response no longer has a JSON body`);
    // A method that resolved to undefined now resolves to an object: its result type changes.
    if (!oldResponse && newResponse) changes.push(`${name}: the success response now has a JSON body`);
    if (oldResponse && newResponse)
      compareSchemas(`${name} response`, "output", before, oldResponse, after, newResponse, changes, 0);
  }
  return changes;
}

function compareParameters(name: string, before: ParameterObject[], after: ParameterObject[], changes: string[]) {
  const key = (parameter: ParameterObject) => `${parameter.in}:${parameter.name}`;
  const old = new Map(before.map((parameter) => [key(parameter), parameter]));
  for (const parameter of after) {
    const previous = old.get(key(parameter));
    if (parameter.required && !previous?.required) {
      changes.push(`${name}: ${parameter.in} parameter "${parameter.name}" is newly required`);
    }
  }
  const names = new Set(after.map(key));
  for (const parameter of before) {
    if (!names.has(key(parameter))) changes.push(`${name}: ${parameter.in} parameter "${parameter.name}" removed`);
  }
}

type Direction = "input" | "output";

function compareSchemas(
  where: string,
  direction: Direction,
  beforeDoc: OpenApiDocument,
  beforeRef: SchemaObject,
  afterDoc: OpenApiDocument,
  afterRef: SchemaObject,
  changes: string[],
  depth: number,
) {
  if (depth > 8) return;
  const before = resolveRef<SchemaObject>(beforeDoc, beforeRef);
  const after = resolveRef<SchemaObject>(afterDoc, afterRef);
  const beforeTypes = typesOf(before);
  const afterTypes = typesOf(after);
  if (beforeTypes && afterTypes) {
    // Inputs break when a type stops being accepted; outputs when a new type may appear.
    const lost =
      direction === "input"
        ? beforeTypes.filter((t) => !afterTypes.includes(t))
        : afterTypes.filter((t) => !beforeTypes.includes(t));
    if (lost.length > 0) changes.push(`${where}: type ${beforeTypes.join("|")} became ${afterTypes.join("|")}`);
  }
  const beforeEnum = before.enum as unknown[] | undefined;
  const afterEnum = after.enum as unknown[] | undefined;
  if (direction === "input" && beforeEnum) {
    const removed = afterEnum ? beforeEnum.filter((value) => !afterEnum.includes(value)) : [];
    if (removed.length > 0)
      changes.push(`${where}: no longer accepts ${removed.map((v) => JSON.stringify(v)).join(", ")}`);
  }
  if (direction === "input" && !beforeEnum && afterEnum)
    changes.push(`${where}: now limited to ${afterEnum.map((v) => JSON.stringify(v)).join(", ")}`);
  if (direction === "input") compareConstraints(where, before, after, changes);
  const beforeProps = (before.properties ?? {}) as Record<string, SchemaObject>;
  const afterProps = (after.properties ?? {}) as Record<string, SchemaObject>;
  const beforeRequired = new Set((before.required as string[] | undefined) ?? []);
  const afterRequired = new Set((after.required as string[] | undefined) ?? []);
  for (const [property, schema] of Object.entries(beforeProps)) {
    const next = afterProps[property];
    if (!next) {
      // A removed output field breaks readers; a removed input field breaks senders when the body is closed.
      if (direction === "output" || after.additionalProperties === false)
        changes.push(`${where}: field "${property}" removed`);
      continue;
    }
    if (direction === "output" && beforeRequired.has(property) && !afterRequired.has(property)) {
      changes.push(`${where}: field "${property}" may now be missing`);
    }
    compareSchemas(`${where}.${property}`, direction, beforeDoc, schema, afterDoc, next, changes, depth + 1);
  }
  if (direction === "input") {
    for (const property of afterRequired) {
      if (!beforeRequired.has(property)) changes.push(`${where}: field "${property}" is newly required`);
    }
  }
  if (before.items && after.items) {
    compareSchemas(
      `${where}[]`,
      direction,
      beforeDoc,
      before.items as SchemaObject,
      afterDoc,
      after.items as SchemaObject,
      changes,
      depth + 1,
    );
  }
}

// Lower bounds narrow an input when they rise, upper bounds when they fall.
const lowerBounds = ["minimum", "exclusiveMinimum", "minLength", "minItems"] as const;
const upperBounds = ["maximum", "exclusiveMaximum", "maxLength", "maxItems"] as const;

/** Reports an input that now accepts fewer values: a new or tighter bound, a new pattern or format. */
function compareConstraints(where: string, before: SchemaObject, after: SchemaObject, changes: string[]) {
  // A dropped pattern held the length in check too, so lengths alone cannot tell if it narrowed.
  const patternDropped = typeof before.pattern === "string" && after.pattern === undefined;
  for (const [keywords, tighter] of [
    [lowerBounds, (old: number, now: number) => now > old],
    [upperBounds, (old: number, now: number) => now < old],
  ] as const) {
    for (const keyword of keywords) {
      if (patternDropped && (keyword === "minLength" || keyword === "maxLength")) continue;
      const old = before[keyword];
      const now = after[keyword];
      if (typeof now !== "number") continue;
      if (typeof old !== "number") changes.push(`${where}: now has ${keyword} ${now}`);
      else if (tighter(old, now)) changes.push(`${where}: ${keyword} ${old} became ${now}`);
    }
  }
  for (const keyword of ["pattern", "format"] as const) {
    const now = after[keyword];
    if (typeof now === "string" && now !== before[keyword]) {
      const old = before[keyword];
      changes.push(
        typeof old === "string" ? `${where}: ${keyword} ${old} became ${now}` : `${where}: now has ${keyword} ${now}`,
      );
    }
  }
}

function typesOf(schema: SchemaObject): string[] | undefined {
  if (schema.type === undefined) return undefined;
  return Array.isArray(schema.type) ? [...schema.type].sort() : [schema.type];
}

function jsonSchema(document: OpenApiDocument, body: OperationObject["requestBody"]): SchemaObject | undefined {
  if (!body) return undefined;
  const resolved = resolveRef<{ content?: Record<string, { schema?: SchemaObject }> }>(document, body as never);
  return resolved.content?.["application/json"]?.schema;
}

function isRequired(document: OpenApiDocument, body: OperationObject["requestBody"]): boolean {
  return body !== undefined && resolveRef<{ required?: boolean }>(document, body).required === true;
}

function successSchema(document: OpenApiDocument, operation: OperationObject): SchemaObject | undefined {
  const responses = (operation.responses ?? {}) as Record<string, unknown>;
  const status = Object.keys(responses).find((code) => /^2\d\d$/.test(code));
  if (!status) return undefined;
  const response = resolveRef<{ content?: Record<string, { schema?: SchemaObject }> }>(
    document,
    responses[status] as never,
  );
  return response.content?.["application/json"]?.schema;
}
