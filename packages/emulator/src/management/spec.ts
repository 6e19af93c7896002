// The bundled Management spec as the handlers use it: the property names of response schemas (so
// what is returned is cut to what the spec lists) and JSON Schema validators of its components (for
// the seed). Validators are compiled on first use, so an emulator started without a seed pays nothing.

import { createRequire } from "node:module";
import type { Ajv2020, ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import { specDocument } from "../core/spec.ts";

type JsonSchema = { [key: string]: unknown };

// Read on first use: importing the emulator reads no spec.
const components = () => specDocument("management").components as { schemas: Record<string, JsonSchema> };
const specId = "authsignal-management";

export function componentSchema(name: string): JsonSchema {
  const schema = components().schemas[name];
  if (!schema) throw new Error(`The Management spec has no schema ${name}`);
  return schema;
}

/** The name a `$ref` to `#/components/schemas/<name>` points at, or undefined for any other schema. */
export function refName(schema: unknown): string | undefined {
  const ref = (schema as JsonSchema | undefined)?.$ref;
  return typeof ref === "string" ? ref.slice(ref.lastIndexOf("/") + 1) : undefined;
}

/** The properties a schema of the spec lists. */
export function propertiesOf(name: string): Record<string, JsonSchema> {
  return (componentSchema(name).properties ?? {}) as Record<string, JsonSchema>;
}

/** A copy of `record` with only the properties schema `name` lists, and without nulls when asked. */
export function pickListed<T>(record: object, name: string, options: { dropNulls?: boolean } = {}): T {
  const listed = propertiesOf(name);
  const picked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (!(key in listed) || value === undefined) continue;
    if (value === null && options.dropNulls) continue;
    picked[key] = value;
  }
  return picked as T;
}

/**
 * A copy of the components in which every object schema that lists its properties and says nothing
 * of others refuses others: response shapes are open (the API may add fields), but a seed written in
 * them should hear about a misspelt field.
 */
function closedComponents(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closedComponents);
  if (typeof node !== "object" || node === null) return node;
  const copy = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, closedComponents(value)]));
  const composed = "allOf" in copy || "anyOf" in copy || "oneOf" in copy;
  if (typeof copy.properties === "object" && !("additionalProperties" in copy) && !composed) {
    copy.additionalProperties = false;
  }
  return copy;
}

const instances = new Map<"open" | "closed", Ajv2020>();
const validators = new Map<string, ValidateFunction>();

function instance(kind: "open" | "closed"): Ajv2020 {
  let ajv = instances.get(kind);
  if (!ajv) {
    // Required on first use, not imported: loading Ajv was a sixth of a seedless emulator's start.
    const require = createRequire(import.meta.url);
    const { Ajv2020: Ajv } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
    const addFormats = require("ajv-formats") as (ajv: Ajv2020) => void;
    // strict off: the spec carries OpenAPI annotations (examples, writeOnly, deprecated) Ajv does not define.
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: specId, components: kind === "open" ? components() : closedComponents(components()) });
    instances.set(kind, ajv);
  }
  return ajv;
}

/**
 * A validator of the spec's component schema `name`, with the spec's formats checked; `closed`
 * also refuses fields the schema does not list where the spec leaves objects open.
 */
export function validatorOf(name: string, kind: "open" | "closed" = "open"): ValidateFunction {
  let validate = validators.get(`${kind}:${name}`);
  if (!validate) {
    validate = instance(kind).getSchema(`${specId}#/components/schemas/${name}`);
    if (!validate) throw new Error(`The Management spec has no schema ${name}`);
    validators.set(`${kind}:${name}`, validate);
  }
  return validate;
}

/** Ajv's errors as sentences that name the field, such as `seed.rules[0].priorty is not a known field`. */
export function describeErrors(errors: ErrorObject[] | null | undefined, path: string): string[] {
  const described = new Set<string>();
  for (const error of errors ?? []) {
    // A oneOf/anyOf failure repeats what its branches already said.
    if (error.keyword === "anyOf" || error.keyword === "oneOf" || error.keyword === "if") continue;
    const at = `${path}${pointerToPath(error.instancePath)}`;
    if (error.keyword === "additionalProperties") {
      described.add(`${at}.${String(error.params.additionalProperty)} is not a known field`);
    } else if (error.keyword === "required") {
      described.add(`${at}.${String(error.params.missingProperty)} is required`);
    } else {
      described.add(`${at} ${error.message ?? "is not valid"}`);
    }
  }
  return [...described];
}

function pointerToPath(pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"))
    .map((segment) => (/^\d+$/.test(segment) ? `[${segment}]` : `.${segment}`))
    .join("");
}
