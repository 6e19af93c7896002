// The properties each component schema of a spec lists, for an emulator that shapes what it
// answers or stores by them (the Management API's handlers answer only the fields a response
// schema lists, and keep of a provider's credentials only what their stored schema lists). Each
// property keeps only the schemas it refers to, through `$ref` and the compositions: the rest of
// the spec stays out of the emulator.
import type { OpenApiDocument } from "../spec/openapi-document.ts";
import { renderLiteral } from "./js-literal.ts";

/** A property's schema reduced to what it refers to: `{}` for one that refers to nothing. */
export interface PropertyShape {
  $ref?: string;
  anyOf?: PropertyShape[];
  oneOf?: PropertyShape[];
  allOf?: PropertyShape[];
}

const compositions = ["anyOf", "oneOf", "allOf"] as const;

function shapeOf(schema: unknown): PropertyShape {
  const node = (schema ?? {}) as Record<string, unknown>;
  const shape: PropertyShape = {};
  if (typeof node.$ref === "string") shape.$ref = node.$ref;
  for (const keyword of compositions) {
    if (Array.isArray(node[keyword])) shape[keyword] = node[keyword].map(shapeOf);
  }
  return shape;
}

/** Each component schema by name, in the spec's order, with each property it lists and that property's shape. */
export function collectComponentProperties(document: OpenApiDocument): Record<string, Record<string, PropertyShape>> {
  const schemas = (document.components?.schemas ?? {}) as Record<string, { properties?: Record<string, unknown> }>;
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [
      name,
      Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, shapeOf(value)])),
    ]),
  );
}

/**
 * The module: a function that returns the record, so importing it (with the emulator, as a seed
 * may need it) costs only its parsing. It imports no type of the emulator's: the caller, which
 * keeps what it returns, gives it its type.
 */
export function renderComponentProperties(document: OpenApiDocument, header: string): string {
  return `${header}/** Each component schema, with the properties it lists and what each refers to. */
export function componentProperties() {
  return ${renderLiteral(collectComponentProperties(document), 2, 9)};
}
`;
}
