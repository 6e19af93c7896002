// The emulator's route table of one API, from the spec walk: each operation as the emulator's
// router matches it and its pipeline checks it (parameters, body, and the JSON pointer of each
// one's schema, by which its validator is known), with every status the operation documents and,
// for an error status, the error code its documented example answers with (`Prefer: code=N`
// answers that code, so the emulator's forced errors are the spec's own examples).
import {
  type MediaTypeObject,
  type OpenApiDocument,
  pointerTo,
  type RequestBodyObject,
  type ResponseObject,
  resolveRef,
  resolveRefAt,
  type SchemaObject,
} from "../spec/openapi-document.ts";
import { operationSchemes } from "../spec/security.ts";
import { type SpecOperation, specOperations } from "../spec/spec-operations.ts";
import { renderLiteral } from "./js-literal.ts";

export interface EmulatorParameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  /** Where its schema is in the bundled spec: the key of its validator. */
  schemaPointer: string;
  /** The schema's type after following refs (the first that is not null), which decides how a query string is read. */
  type?: string;
  /** An array sent comma-separated (`style: form, explode: false`) rather than repeated. */
  commaSeparated: boolean;
}

export interface EmulatorRoute {
  api: string;
  operationId: string;
  method: string;
  template: string;
  segments: string[];
  parameters: EmulatorParameter[];
  body?: { required: boolean; schemaPointer: string };
  /** Every documented status; an error status with the code of its documented example, when it has one. */
  responses: Record<string, { errorCode?: string }>;
  /** The security schemes it accepts, by name in the spec's order: the router authenticates by them. */
  security: string[];
}

const json = "application/json";

/** Every operation of `document`, in the walk's order (the document's paths, then methods). */
export function collectRoutes(api: string, document: OpenApiDocument): EmulatorRoute[] {
  return specOperations(document).map((found) => routeOf(api, document, found));
}

function routeOf(api: string, document: OpenApiDocument, found: SpecOperation): EmulatorRoute {
  const { path, method, route, operation, at, locatedParameters } = found;
  const operationId = operation.operationId;
  if (!operationId) throw new Error(`${route} has no operationId`);
  const parameters = locatedParameters.map(({ parameter, at: parameterAt }): EmulatorParameter => {
    const where = `${operationId}: parameter "${parameter.name}"`;
    // The pipeline reads the path and the query; a parameter elsewhere would never be checked.
    if (parameter.in !== "path" && parameter.in !== "query") {
      throw new Error(`${where} is in the ${parameter.in}; the emulator reads path and query parameters only`);
    }
    if (!parameter.schema) throw new Error(`${where} has no schema to validate it with`);
    const type = typeOf(resolveRef<SchemaObject>(document, parameter.schema));
    return {
      name: parameter.name,
      in: parameter.in,
      required: parameter.required === true,
      schemaPointer: `${parameterAt}/schema`,
      ...(type !== undefined && { type }),
      commaSeparated: parameter.explode === false,
    };
  });
  let body: EmulatorRoute["body"];
  if (operation.requestBody) {
    const { value, at: bodyAt } = resolveRefAt(
      document,
      operation.requestBody as RequestBodyObject,
      `${at}/requestBody`,
    );
    if (!value.content?.[json]?.schema) throw new Error(`${operationId}: the request body has no ${json} schema`);
    body = { required: value.required === true, schemaPointer: `${bodyAt}${pointerTo("content", json, "schema")}` };
  }
  return {
    api,
    operationId,
    method: method.toUpperCase(),
    template: path,
    segments: path.split("/").slice(1),
    parameters,
    ...(body && { body }),
    responses: responsesOf(document, operationId, operation.responses ?? {}),
    security: operationSchemes(document, operationId, operation),
  };
}

function typeOf(schema: SchemaObject): string | undefined {
  const types = [schema.type ?? []].flat();
  return types.find((type) => type !== "null");
}

function responsesOf(
  document: OpenApiDocument,
  operationId: string,
  responses: NonNullable<SpecOperation["operation"]["responses"]>,
): EmulatorRoute["responses"] {
  const statuses = Object.keys(responses).sort();
  if (statuses.length === 0) throw new Error(`${operationId} documents no response`);
  return Object.fromEntries(
    statuses.map((status) => {
      const response = resolveRef<ResponseObject>(document, responses[status] as ResponseObject);
      const errorCode = /^[45]\d\d$/.test(status) ? exampleErrorCode(document, response.content?.[json]) : undefined;
      return [status, errorCode === undefined ? {} : { errorCode }];
    }),
  );
}

/** The code in the error body of a response's example (`errorCode`, or the older `error`), or its first named example's. */
function exampleErrorCode(document: OpenApiDocument, media: MediaTypeObject | undefined): string | undefined {
  const named = Object.values(media?.examples ?? {})[0];
  const example = (media?.example ?? (named && resolveRef(document, named).value)) as
    | { errorCode?: unknown; error?: unknown }
    | undefined;
  const code = example?.errorCode ?? example?.error;
  return typeof code === "string" ? code : undefined;
}

/**
 * The route table as a TypeScript module; `header` is the generated-file banner, `validators` the
 * validator module's path. It imports no type of the emulator's (generated code imports nothing
 * written by hand): the table is `as const`, and the emulator's loader, which gives it its type,
 * is where tsc compares the two.
 */
export function renderRoutes(routes: EmulatorRoute[], header: string, validators: string): string {
  const entries = routes.map((route) => `  ${renderLiteral(route, 2)},`);
  return `${header}export { requestValidators } from "${validators}";

/**
 * Every operation of the API, as the router matches it and the pipeline checks it. Each schema is
 * named by its JSON pointer in the bundled spec, the key of its validator in \`requestValidators\`.
 */
export const operations = [
${entries.join("\n")}
] as const;
`;
}
