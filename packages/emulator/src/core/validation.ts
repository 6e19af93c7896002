// Request validation against the bundled specs with Ajv (JSON Schema 2020-12, the dialect of
// OpenAPI 3.1) and ajv-formats. Each spec is added whole, once per process, and a schema is
// compiled the first time a request needs it, so starting an emulator compiles nothing.
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { type ApiName, apiSpecs } from "./spec.ts";

// ajv-formats is CommonJS; under Node's ESM loader its default export is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv2020,
) => void;

let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

function instance(): Ajv2020 {
  if (ajv) return ajv;
  // strict off: OpenAPI adds keywords (example, discriminator, x-*) that JSON Schema does not know.
  ajv = new Ajv2020({ strict: false, allErrors: false, validateSchema: false, validateFormats: true });
  addFormats(ajv);
  for (const spec of apiSpecs) ajv.addSchema(spec.document, spec.name);
  return ajv;
}

/** A JSON pointer into a spec, escaped as RFC 6901 wants. */
export function pointer(...parts: (string | number)[]): string {
  return parts.map((part) => `/${String(part).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}

/** The validator of the schema at `schemaPointer` in the named spec. */
export function validatorFor(api: ApiName, schemaPointer: string): ValidateFunction {
  const key = `${api}#${schemaPointer}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = instance().getSchema(key);
    if (!validate) throw new Error(`No schema at ${key}`);
    compiled.set(key, validate);
  }
  return validate;
}

/**
 * One line naming the field that broke the schema, such as `body.email must match format "email"`.
 * Of a oneOf's branches, the error reported is the one that got furthest into the value.
 */
export function describeErrors(where: string, errors: ErrorObject[] | null | undefined): string {
  const candidates = (errors ?? []).filter((error) => error.keyword !== "oneOf" && error.keyword !== "anyOf");
  const error =
    candidates.sort((a, b) => b.instancePath.split("/").length - a.instancePath.split("/").length)[0] ?? errors?.[0];
  if (!error) return `${where} is not valid`;
  const field = `${where}${error.instancePath.replace(/\/([^/]*)/g, (_, part: string) =>
    /^\d+$/.test(part) ? `[${part}]` : `.${part.replaceAll("~1", "/").replaceAll("~0", "~")}`,
  )}`;
  if (error.keyword === "additionalProperties" || error.keyword === "unevaluatedProperties") {
    const extra =
      (error.params as { additionalProperty?: string; unevaluatedProperty?: string }).additionalProperty ??
      (error.params as { unevaluatedProperty?: string }).unevaluatedProperty;
    return `${field} has an unknown field "${extra}"`;
  }
  if (error.keyword === "required") {
    return `${field === where ? where : field}.${(error.params as { missingProperty: string }).missingProperty} is required`;
  }
  if (error.keyword === "enum") {
    return `${field} must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  }
  return `${field} ${error.message ?? "is not valid"}`;
}

/** Compiles a schema of the emulator's own, which may refer into the specs as `server#/…`. */
export function compileSchema(schema: object): ValidateFunction {
  return instance().compile(schema);
}
