// The route table, built once per process from the bundled specs (an API's on its first request): each operation with its method,
// path template, parameters and request body, and a matcher that prefers literal segments over
// parameters (`POST /users/authenticators` is enrollVerifiedAuthenticators, not an update of a user
// called "authenticators").
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

export type RouteMatch =
  | { kind: "operation"; operation: Operation; pathParams: Record<string, string> }
  | { kind: "method-not-allowed"; allow: string[] }
  | { kind: "not-found" }
  | { kind: "bad-path"; description: string };

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

function operationsOf(spec: ApiSpec): Operation[] {
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

const tables = new Map<ApiName, Operation[]>();

/** Every operation of the named API's spec, built on first use. */
function operationsFor(api: ApiName): Operation[] {
  let operations = tables.get(api);
  if (!operations) {
    operations = operationsOf(apiSpecs.find((spec) => spec.name === api) as ApiSpec);
    tables.set(api, operations);
  }
  return operations;
}

/** Every operation of both specs, by API. */
export function routeTable(): Map<ApiName, Operation[]> {
  return new Map(apiSpecs.map((spec) => [spec.name, operationsFor(spec.name)]));
}

/** Lower is more specific: each position holds 0 for a literal, 1 for a parameter. */
function specificity(segments: string[]): string {
  return segments.map((segment) => (segment.startsWith("{") ? "1" : "0")).join("");
}

/** Matches a path below the API's base path (`/users/usr_1`) and a method to an operation. */
export function matchRoute(api: ApiName, path: string, method: string): RouteMatch {
  const rawSegments = path.split("/").slice(1);
  const candidates: { operation: Operation; params: Record<string, string> }[] = [];
  for (const operation of operationsFor(api)) {
    if (operation.segments.length !== rawSegments.length) continue;
    const params: Record<string, string> = {};
    let matches = true;
    for (let index = 0; index < rawSegments.length && matches; index++) {
      const expected = operation.segments[index] as string;
      const actual = rawSegments[index] as string;
      if (expected.startsWith("{")) {
        if (actual === "") matches = false;
        else params[expected.slice(1, -1)] = actual;
      } else matches = expected === actual;
    }
    if (matches) candidates.push({ operation, params });
  }
  if (candidates.length === 0) return { kind: "not-found" };
  // Equal-length strings of 0s and 1s: plain comparison, not localeCompare, whose first call loads ICU.
  candidates.sort((a, b) => {
    const [left, right] = [specificity(a.operation.segments), specificity(b.operation.segments)];
    return left < right ? -1 : left > right ? 1 : 0;
  });
  const chosen = candidates.find((candidate) => candidate.operation.method === method);
  if (!chosen) return { kind: "method-not-allowed", allow: [...new Set(candidates.map((c) => c.operation.method))] };
  const pathParams: Record<string, string> = {};
  for (const [name, value] of Object.entries(chosen.params)) {
    try {
      // Some SDKs percent-encode path parameters and some do not; both arrive decoded here.
      pathParams[name] = decodeURIComponent(value);
    } catch {
      return { kind: "bad-path", description: `path.${name} is not valid percent-encoding` };
    }
  }
  return { kind: "operation", operation: chosen.operation, pathParams };
}
