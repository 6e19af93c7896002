// What the request validators are built with, shared by the build-time generator
// (scripts/generate-api-tables.ts) and the run-time compiler of the emulator's own schemas, so a
// schema checks the same whichever of the two compiled it.
import type { ApiName } from "./spec.ts";

// strict off: OpenAPI adds keywords (example, discriminator, x-*) that JSON Schema does not know.
export const requestValidatorOptions = {
  strict: false,
  allErrors: false,
  validateSchema: false,
  validateFormats: true,
  inlineRefs: false,
} as const;

/** A JSON pointer into a spec, escaped as RFC 6901 wants. */
export function pointer(...parts: (string | number)[]): string {
  return parts.map((part) => `/${String(part).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}

/** How a schema of the named spec is known to Ajv and to the generated validators. */
export const validatorKey = (api: ApiName, schemaPointer: string) => `${api}#${schemaPointer}`;
