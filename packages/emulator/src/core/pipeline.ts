// One API request, from raw Request to Response: auth (first, as the live API answers 401 before
// it looks at the path), route, body limits and JSON, validation against the spec, the handler.
// Nothing reaches a handler, and so nothing changes state, until every check has passed.
import { EmulatorApiError, type EmulatorContext, type HandlerInput, type OperationHandler } from "../handler.ts";
import { keyMatches, unauthorizedDescription } from "../http/auth.ts";
import { type ApiName, loadApiTables } from "../spec/tables.ts";
import { describeErrors, validatorFor } from "../spec/validation.ts";
import { forcedStatusResponse } from "./forced-status.ts";
import { errorResponse, jsonResponse, readJsonBody } from "./http.ts";
import { matchRoute, type Operation } from "./routes.ts";

export interface PipelineOptions {
  secrets: Record<ApiName, string>;
  handlers: Record<ApiName, Record<string, OperationHandler>>;
  maxBodyBytes: number;
  context: () => EmulatorContext;
}

const invalid = (description: string) => errorResponse(400, "invalid_request", description);

function readQuery(operation: Operation, url: URL): { query: HandlerInput["query"]; problem?: string } {
  const query: HandlerInput["query"] = {};
  for (const parameter of operation.parameters) {
    if (parameter.in !== "query") continue;
    const values = url.searchParams.getAll(parameter.name);
    if (values.length === 0) {
      if (parameter.required) return { query, problem: `query.${parameter.name} is required` };
      continue;
    }
    const value =
      parameter.type === "array"
        ? parameter.commaSeparated
          ? values.flatMap((item) => item.split(","))
          : values
        : (values[0] as string);
    const typed =
      parameter.type === "integer" || parameter.type === "number"
        ? value !== "" && Number.isFinite(Number(value))
          ? Number(value)
          : value
        : parameter.type === "boolean" && (value === "true" || value === "false")
          ? value === "true"
          : value;
    const validate = validatorFor(operation.api, parameter.schemaPointer);
    if (!validate(typed)) return { query, problem: describeErrors(`query.${parameter.name}`, validate.errors) };
    // Handlers read strings (or arrays of them); the typed value was only for the schema.
    query[parameter.name] = value;
  }
  return { query };
}

export async function handleApiRequest(
  api: ApiName,
  request: Request,
  url: URL,
  path: string,
  options: PipelineOptions,
): Promise<Response> {
  if (!keyMatches(request.headers.get("authorization"), options.secrets[api])) {
    return errorResponse(401, "unauthorized", unauthorizedDescription);
  }
  await loadApiTables(api);
  const match = matchRoute(api, path, request.method.toUpperCase());
  if (match.kind === "not-found")
    return errorResponse(404, "not_found", `No ${api} API operation has the path ${path}.`);
  if (match.kind === "method-not-allowed") {
    return errorResponse(405, "method_not_allowed", `${path} does not take ${request.method}.`, {
      allow: match.allow.join(", "),
    });
  }
  if (match.kind === "bad-path") return invalid(match.description);
  const { operation, pathParams } = match;

  for (const parameter of operation.parameters) {
    if (parameter.in !== "path") continue;
    const validate = validatorFor(api, parameter.schemaPointer);
    if (!validate(pathParams[parameter.name])) {
      return invalid(describeErrors(`path.${parameter.name}`, validate.errors));
    }
  }
  const { query, problem } = readQuery(operation, url);
  if (problem) return invalid(problem);

  let body: unknown;
  try {
    body = await readJsonBody(request, options.maxBodyBytes);
  } catch (error) {
    if (error instanceof EmulatorApiError) return errorResponse(error.status, error.code, error.description);
    throw error;
  }
  if (operation.body) {
    if (body === undefined && operation.body.required) return invalid("body is required");
    if (body !== undefined) {
      const validate = validatorFor(api, operation.body.schemaPointer);
      if (!validate(body)) return invalid(describeErrors("body", validate.errors));
    }
  }

  // After every check, so a forced error is only ever the answer to a request that was valid.
  const forced = forcedStatusResponse(operation, request.headers.get("prefer"));
  if (forced) return forced;

  const handler = options.handlers[api][operation.operationId];
  if (!handler) {
    return errorResponse(
      501,
      "not_implemented_in_emulator",
      `${operation.operationId} (${operation.method} ${operation.template}) is not implemented in the Authsignal emulator.`,
    );
  }
  try {
    const result = await handler(
      { operationId: operation.operationId, pathParams, query, body, headers: request.headers, origin: url.origin },
      options.context(),
    );
    return jsonResponse(result.status, result.body);
  } catch (error) {
    if (error instanceof EmulatorApiError) return errorResponse(error.status, error.code, error.description);
    throw error;
  }
}
