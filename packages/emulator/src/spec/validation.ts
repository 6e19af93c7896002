// The one validator factory: every validator the emulator runs, a request's (its parameters and
// body) and those of its own schemas (a seed's), is generated at build time from the same Ajv
// options (scripts/codegen/emulator-validators.ts) and handed out here, so no Ajv is loaded and no
// schema compiled at run time. Beside it, the sentences that name the field an error is about.
import type { ErrorObject, ValidateFunction } from "ajv";
import { ownValidators } from "./generated/own-validators.js";
import { type ApiName, apiTables } from "./tables.ts";

/** The validator of the schema at `schemaPointer` in the named API's bundled spec; loadApiTables first. */
export function validatorFor(api: ApiName, schemaPointer: string): ValidateFunction {
  const validate = apiTables(api).requestValidators[schemaPointer];
  if (!validate) throw new Error(`No generated validator for ${api}#${schemaPointer}; run \`pnpm generate\``);
  return validate;
}

/** The validator of one of the emulator's own schemas, by the ID own-schemas.ts gives it. */
export function ownValidator(id: string): ValidateFunction {
  const validate = ownValidators()[id];
  if (!validate) throw new Error(`No generated validator for ${id}; list it in src/spec/own-schemas.ts`);
  return validate;
}

/** `where` and an error's instancePath as a field: `body` and `/users/0/email` give `body.users[0].email`. */
export function fieldAt(where: string, instancePath: string): string {
  return `${where}${instancePath.replace(/\/([^/]*)/g, (_, part: string) =>
    /^\d+$/.test(part) ? `[${part}]` : `.${part.replaceAll("~1", "/").replaceAll("~0", "~")}`,
  )}`;
}

/**
 * One line naming the field that broke the schema, such as `body.email must match format "email"`:
 * a request's answer. Of a oneOf's branches, the error reported is the one that got furthest into the value.
 */
export function describeErrors(where: string, errors: ErrorObject[] | null | undefined): string {
  const candidates = (errors ?? []).filter((error) => error.keyword !== "oneOf" && error.keyword !== "anyOf");
  const error =
    candidates.sort((a, b) => b.instancePath.split("/").length - a.instancePath.split("/").length)[0] ?? errors?.[0];
  if (!error) return `${where} is not valid`;
  const field = fieldAt(where, error.instancePath);
  if (error.keyword === "additionalProperties" || error.keyword === "unevaluatedProperties") {
    const extra =
      (error.params as { additionalProperty?: string; unevaluatedProperty?: string }).additionalProperty ??
      (error.params as { unevaluatedProperty?: string }).unevaluatedProperty;
    return `${field} has an unknown field "${extra}"`;
  }
  if (error.keyword === "required") {
    return `${field}.${(error.params as { missingProperty: string }).missingProperty} is required`;
  }
  if (error.keyword === "enum") {
    return `${field} must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  }
  return `${field} ${error.message ?? "is not valid"}`;
}

/**
 * Every problem, each a sentence naming its field, such as `seed.rules[0].priorty is not a known
 * field`: what a Management seed reports, so one run lists every mistake.
 */
export function describeEveryError(where: string, errors: ErrorObject[] | null | undefined): string[] {
  const described = new Set<string>();
  for (const error of errors ?? []) {
    // A oneOf/anyOf failure repeats what its branches already said.
    if (error.keyword === "anyOf" || error.keyword === "oneOf" || error.keyword === "if") continue;
    const at = fieldAt(where, error.instancePath);
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
