// Request validation against the bundled specs, JSON Schema 2020-12 (the dialect of OpenAPI 3.1)
// with ajv-formats. The request pipeline's validators are generated at build time (generated.ts),
// so starting an emulator neither loads Ajv nor compiles a schema; Ajv itself is loaded only to
// compile the emulator's own schemas (a seed's).
import { createRequire } from "node:module";
import type { Ajv2020, ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import { apiTables } from "./generated.ts";
import { type ApiName, apiSpecs } from "./spec.ts";
import { requestValidatorOptions, validatorKey } from "./validator-options.ts";

let ajv: Ajv2020 | undefined;

function instance(): Ajv2020 {
  if (ajv) return ajv;
  // Required rather than imported so that only a process with a seed to check pays for loading it;
  // Ajv is CommonJS, and required its exports are the documented ones under any loader.
  const require = createRequire(import.meta.url);
  const { Ajv2020: Ajv } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
  const addFormats = require("ajv-formats") as (ajv: Ajv2020) => void;
  ajv = new Ajv(requestValidatorOptions);
  addFormats(ajv);
  for (const spec of apiSpecs) ajv.addSchema(spec.document, spec.name);
  return ajv;
}

/** The validator of the schema at `schemaPointer` in the named spec. */
export function validatorFor(api: ApiName, schemaPointer: string): ValidateFunction {
  const key = validatorKey(api, schemaPointer);
  const validate = apiTables(api).requestValidators[key];
  if (!validate) throw new Error(`No generated validator for ${key}; run \`pnpm generate\``);
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
