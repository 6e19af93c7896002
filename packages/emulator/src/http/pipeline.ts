// One API operation, from the matched route to the Response: path and query parameters, body limits
// and JSON, validation against the spec, a forced status, the handler. Nothing reaches a handler,
// and so nothing changes state, until every check has passed. (Auth and routing come first, in
// router.ts.)
import { callHandler, type ErasedHandler } from "../api/handler.ts";
import type { ApiContext } from "../domain/context.ts";
import { EmulatorApiError } from "../domain/errors.ts";
import type { ApiName } from "../spec/tables.ts";
import { describeErrors, validatorFor } from "../spec/validation.ts";
import { readJsonBody } from "./body.ts";
import { forcedStatusResponse } from "./forced-status.ts";
import { errorResponse, jsonResponse } from "./responses.ts";
import type { Operation } from "./routes.ts";

export interface PipelineOptions {
  handlers: Record<ApiName, Record<string, ErasedHandler>>;
  maxBodyBytes: number;
  context: () => ApiContext;
}

const invalid = (description: string) => errorResponse(400, "invalid_request", description);

/** The query parameters as the spec types them (numbers, booleans, arrays), each validated. */
function readQuery(operation: Operation, url: URL): { query: Record<string, unknown>; problem?: string } {
  const query: Record<string, unknown> = {};
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
    query[parameter.name] = typed;
  }
  return { query };
}

/** Answers a request matched to `operation`, once its key has been checked. */
export async function answerOperation(
  operation: Operation,
  pathParams: Record<string, string>,
  request: Request,
  url: URL,
  options: PipelineOptions,
): Promise<Response> {
  const api = operation.api;
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
    const result = await callHandler(
      handler,
      {
        path: pathParams,
        query,
        body,
        headers: request.headers,
        origin: url.origin,
      },
      options.context(),
    );
    return jsonResponse(result.status, result.body);
  } catch (error) {
    if (error instanceof EmulatorApiError) return errorResponse(error.status, error.code, error.description);
    throw error;
  }
}
