// The operations of a bundled spec, read out of it: each with its method, path template,
// parameters and request body, and where in the spec each one's schema is. The generator
// (scripts/generate-api-tables.ts) writes them, with their validators, to src/generated, which is
// what a running emulator routes by; the spec is read here only at build time and by tests.
import { type ApiName, type ApiSpec, apiSpecs, type OpenApiDocument } from "./spec.ts";
import { pointer } from "./validator-options.ts";

export interface ParameterSpec {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
  /** Where its schema is, for the validator. */
  schemaPointer: string;
  /** The schema's type after following refs, which decides how a query string is read. */
  type: string | undefined;
  /** An array sent comma-separated (`style: form, explode: false`) rather than repeated. */
  commaSeparated: boolean;
}

export interface Operation {
  api: ApiName;
  operationId: string;
  method: string;
  template: string;
  segments: string[];
  parameters: ParameterSpec[];
  body?: { required: boolean; schemaPointer: string };
}

const methods = ["get", "put", "post", "patch", "delete"];

interface Reference {
  $ref: string;
}

function resolve(
  document: OpenApiDocument,
  value: unknown,
  at: string,
): { value: Record<string, unknown>; at: string } {
  let current = value as Record<string, unknown>;
  let location = at;
  while (current && typeof (current as unknown as Reference).$ref === "string") {
    location = (current as unknown as Reference).$ref.slice(1);
    current = location
      .split("/")
      .slice(1)
      .reduce<unknown>(
        (node, part) => (node as Record<string, unknown>)[part.replaceAll("~1", "/").replaceAll("~0", "~")],
        document,
      ) as Record<string, unknown>;
  }
  return { value: current, at: location };
}

function schemaType(document: OpenApiDocument, schema: unknown): string | undefined {
  const { value } = resolve(document, schema, "");
  const type = value?.type;
  if (typeof type === "string") return type;
  if (Array.isArray(type)) return type.find((t) => t !== "null") as string | undefined;
  return undefined;
}

/** Every operation of one spec, in the order of its paths. */
export function operationsOf(spec: ApiSpec): Operation[] {
  const { document } = spec;
  const operations: Operation[] = [];
  for (const [template, pathItem] of Object.entries(document.paths)) {
    const shared = (pathItem.parameters as unknown[] | undefined) ?? [];
    for (const method of methods) {
      const raw = pathItem[method] as Record<string, unknown> | undefined;
      if (!raw) continue;
      const parameters = new Map<string, ParameterSpec>();
      const add = (list: unknown[], base: string) =>
        list.forEach((entry, index) => {
          const { value, at } = resolve(document, entry, `${base}/${index}`);
          const parameter: ParameterSpec = {
            name: value.name as string,
            in: value.in as ParameterSpec["in"],
            required: value.required === true,
            schemaPointer: `${at}/schema`,
            type: schemaType(document, value.schema),
            commaSeparated: value.explode === false,
          };
          parameters.set(`${parameter.in}:${parameter.name}`, parameter);
        });
      add(shared, pointer("paths", template, "parameters"));
      add((raw.parameters as unknown[] | undefined) ?? [], pointer("paths", template, method, "parameters"));
      const requestBody = raw.requestBody
        ? resolve(document, raw.requestBody, pointer("paths", template, method, "requestBody"))
        : undefined;
      operations.push({
        api: spec.name,
        operationId: raw.operationId as string,
        method: method.toUpperCase(),
        template,
        segments: template.split("/").slice(1),
        parameters: [...parameters.values()],
        ...(requestBody && {
          body: {
            required: requestBody.value.required === true,
            schemaPointer: `${requestBody.at}/content/application~1json/schema`,
          },
        }),
      });
    }
  }
  return operations;
}

/** Every operation of both specs, by API. */
export function routeTable(): Map<ApiName, Operation[]> {
  return new Map(apiSpecs.map((spec) => [spec.name, operationsOf(spec)]));
}
