// The live API ignores body fields it does not know (Authsignal's Python SDK sends snake_case
// attributes and gets 200), while the spec's request schemas are closed so that our clients' types
// stay closed. So a body is validated by the one closed validator, and each unknown field Ajv
// reports is taken out of a copy and the copy validated again: one set of validators, and the
// handler never sees a field the spec does not have.
import type { ErrorObject, ValidateFunction } from "ajv";
import { fieldAt } from "./validation.ts";

export interface LenientResult {
  /** The body without the ignored fields: the original when none was ignored. */
  body: unknown;
  /** Each ignored field as a path, such as `body.redirect_url` or `body.custom[0].x`. */
  ignored: string[];
  /** The errors of the last validation, when the body is still not valid. */
  errors?: ErrorObject[] | null | undefined;
}

type Segment = string | number;

/** An instancePath (`/users/0`) as segments, with JSON Pointer's escapes undone. */
function segmentsOf(instancePath: string): string[] {
  return instancePath === ""
    ? []
    : instancePath
        .slice(1)
        .split("/")
        .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"));
}

const pointerOf = (path: readonly Segment[]) =>
  path.map((part) => `/${String(part).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");

function containerAt(root: unknown, path: readonly Segment[]): Record<string, unknown> | undefined {
  let value = root;
  for (const segment of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** How many properties a value holds at every depth: the most fields there can be to take out. */
function propertyCount(value: unknown): number {
  if (typeof value !== "object" || value === null) return 0;
  let count = 0;
  for (const item of Object.values(value)) count += (Array.isArray(value) ? 0 : 1) + propertyCount(item);
  return count;
}

interface Removed {
  at: readonly Segment[];
  name: string;
  value: unknown;
}

/** The unknown fields Ajv names, in its order: with a oneOf, one per branch that got that far. */
function unknownFieldsOf(errors: ErrorObject[] | null | undefined): { at: string[]; name: string }[] {
  return (errors ?? [])
    .filter((error) => error.keyword === "additionalProperties")
    .map((error) => ({
      at: segmentsOf(error.instancePath),
      name: String((error.params as { additionalProperty: unknown }).additionalProperty),
    }));
}

/**
 * Validates `body`, ignoring the fields the schema does not know unless `strict`. A field is taken
 * out only while the body fails on an unknown field, and the body is copied before the first is
 * taken out, so a valid body costs one validation and is never copied.
 */
export function validateLenient(validate: ValidateFunction, body: unknown, strict: boolean): LenientResult {
  if (validate(body)) return { body, ignored: [] };
  if (strict) return { body, ignored: [], errors: validate.errors };
  let candidate = body;
  const removed: Removed[] = [];
  let bound = -1;
  for (;;) {
    const unknown = unknownFieldsOf(validate.errors);
    if (unknown.length === 0) return { body, ignored: [], errors: validate.errors };
    if (removed.length === 0) {
      candidate = structuredClone(body);
      bound = propertyCount(body);
    }
    // Each pass takes one field out, so there can be no more passes than fields.
    if (removed.length >= bound) return { body, ignored: [], errors: validate.errors };
    let took = false;
    for (const field of unknown) {
      const container = containerAt(candidate, field.at);
      if (!container || !Object.hasOwn(container, field.name)) continue;
      removed.push({ at: field.at, name: field.name, value: container[field.name] });
      delete container[field.name];
      took = true;
      break;
    }
    if (!took) return { body, ignored: [], errors: validate.errors };
    if (validate(candidate)) break;
  }
  // With a oneOf, the unknown field a failing branch names may be one the passing branch knows:
  // put each back, and keep it where the body stays valid with it.
  const ignored: string[] = [];
  for (const field of removed.reverse()) {
    const container = containerAt(candidate, field.at);
    if (container) {
      container[field.name] = field.value;
      if (validate(candidate)) continue;
      delete container[field.name];
    }
    ignored.push(fieldAt("body", pointerOf([...field.at, field.name])));
  }
  return { body: candidate, ignored: ignored.reverse() };
}
