// The Management spec's component schemas as its handlers read them: the properties each lists (so
// what is answered is cut to what the response schema lists) and the schemas a property refers to.
// Generated (generated/management-properties.ts); the spec itself is not read.
import { componentProperties } from "./generated/management-properties.ts";

/** A property's schema reduced to the schemas it refers to: `{}` when it refers to none. */
export interface PropertyShape {
  $ref?: string;
  anyOf?: PropertyShape[];
  oneOf?: PropertyShape[];
  allOf?: PropertyShape[];
}

/** Each component schema by name, with the properties it lists (none for a schema that lists none) and their shapes. */
export type ComponentProperties = Record<string, Record<string, PropertyShape>>;

let all: ComponentProperties | undefined;

/** The properties the Management spec's schema `name` lists. */
export function propertiesOf(name: string): Record<string, PropertyShape> {
  all ??= componentProperties();
  const properties = Object.hasOwn(all, name) ? all[name] : undefined;
  if (!properties) throw new Error(`The Management spec has no schema ${name}`);
  return properties;
}

/** The name a `$ref` to `#/components/schemas/<name>` points at, or undefined for any other schema. */
export function refName(schema: unknown): string | undefined {
  const ref = (schema as PropertyShape | undefined)?.$ref;
  return typeof ref === "string" ? ref.slice(ref.lastIndexOf("/") + 1) : undefined;
}

/** A copy of `record` with only the properties schema `name` lists, and without nulls when asked. */
export function pickListed<T>(record: object, name: string, options: { dropNulls?: boolean } = {}): T {
  const listed = propertiesOf(name);
  const picked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (!Object.hasOwn(listed, key) || value === undefined) continue;
    if (value === null && options.dropNulls) continue;
    picked[key] = value;
  }
  return picked as T;
}
