// One API operation, from the matched route to the answer: path and query parameters, body limits
// and JSON, validation against the spec, a forced status, the handler. Nothing reaches a handler,
// and so nothing changes state, until every check has passed. (Auth and routing come first, in
// router.ts.)
import type { ClientPrincipal } from "../api/client/auth.ts";
import { callHandler, type ErasedHandler } from "../api/handler.ts";
import type { RequestNote } from "../api/testing/journal.ts";
import type { ApiContext } from "../domain/context.ts";
import { EmulatorApiError } from "../domain/errors.ts";
import type { ApiName } from "../spec/tables.ts";
import { validateLenient } from "../spec/unknown-fields.ts";
import { describeErrors, validatorFor } from "../spec/validation.ts";
import { answerWithJsonBody } from "./body.ts";
import type { Answer, Call, CallUrl } from "./exchange.ts";
import { forcedStatusResponse } from "./forced-status.ts";
import { andThen, guarded, type Later } from "./later.ts";
import { apiErrorAnswer, EMULATOR_WARNING_HEADER, errorResponse, jsonResponse } from "./responses.ts";
import type { Operation } from "./routes.ts";

export interface PipelineOptions {
  handlers: Record<ApiName, Record<string, ErasedHandler>>;
  maxBodyBytes: number;
  context: () => ApiContext;
}

/** At most this many fields are named in the warning header (the journal has them all): clients cap a header's size. */
const warnedFields = 20;

/** A lone surrogate cannot be encoded: it stands as U+FFFD, as TextEncoder writes it. */
function percentEncoded(char: string): string {
  try {
    return encodeURIComponent(char);
  } catch {
    return "%EF%BF%BD";
  }
}

/**
 * The warning header's value: the ignored fields, each as a path. A header carries Latin-1 only,
 * and a field's name may be anything, so other characters are percent-encoded.
 */
export function ignoredFieldsWarning(fields: readonly string[]): string {
  const named = fields
    .slice(0, warnedFields)
    .map((field) => (field.length > 200 ? `${field.slice(0, 200)}…` : field))
    .join(", ");
  const more = fields.length > warnedFields ? ` and ${fields.length - warnedFields} more` : "";
  return `unknown fields ignored: ${named}${more}`.replace(/[^\x20-\x7e]/gu, percentEncoded);
}

/** The query parameters as the spec types them (numbers, booleans, arrays), each validated. */
function readQuery(operation: Operation, url: CallUrl): { query: Record<string, unknown>; problem?: string } {
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

/** The query parameters the operation does not take, as `query.name`: ignored, or refused in strict mode. */
function unknownQueryParameters(operation: Operation, url: CallUrl): string[] {
  const unknown = new Set<string>();
  for (const name of url.searchParams.keys()) {
    if (!operation.parameters.some((parameter) => parameter.in === "query" && parameter.name === name)) {
      unknown.add(`query.${name}`);
    }
  }
  return [...unknown];
}

/** Answers a request matched to `operation`, once its key has been checked. */
export function answerOperation(
  operation: Operation,
  pathParams: Record<string, string>,
  request: Call,
  url: CallUrl,
  options: PipelineOptions,
  note: RequestNote,
  principal?: ClientPrincipal,
): Later<Answer> {
  const api = operation.api;
  note.operation = operation.operationId;
  const invalid = (description: string) => {
    note.errors = [description];
    return errorResponse(400, "invalid_request", description);
  };
  for (const parameter of operation.parameters) {
    if (parameter.in !== "path") continue;
    const validate = validatorFor(api, parameter.schemaPointer);
    if (!validate(pathParams[parameter.name])) {
      return invalid(describeErrors(`path.${parameter.name}`, validate.errors));
    }
  }
  const { query, problem } = readQuery(operation, url);
  if (problem) return invalid(problem);
  const context = options.context();
  const strict = context.state.emulator.settings.strict;
  const ignored = url.search === "" ? [] : unknownQueryParameters(operation, url);
  if (strict && ignored[0] !== undefined) {
    return invalid(`query has an unknown parameter "${ignored[0].slice("query.".length)}"`);
  }

  const withBody = (parsed: unknown): Later<Answer> => {
    let body = parsed;
    note.body = body;
    if (operation.body) {
      if (body === undefined && operation.body.required) return invalid("body is required");
      if (body !== undefined) {
        const checked = validateLenient(validatorFor(api, operation.body.schemaPointer), body, strict);
        if (checked.errors !== undefined) return invalid(describeErrors("body", checked.errors));
        body = checked.body;
        ignored.push(...checked.ignored);
      }
    }
    const valid = { pathParams, query, body, principal };
    if (ignored.length === 0) return answerValid(operation, valid, request, url, options, context);
    note.warnings = ignored.map((field) => `unknown field ${field} ignored`);
    return andThen(answerValid(operation, valid, request, url, options, context), (answered) => {
      answered.headers[EMULATOR_WARNING_HEADER] = ignoredFieldsWarning(ignored);
      return answered;
    });
  };
  return answerWithJsonBody(request, options.maxBodyBytes, withBody, (error: unknown) => {
    if (error instanceof EmulatorApiError) note.errors = [error.description];
    return apiErrorAnswer(error);
  });
}

/** What the checks made of a request: its parameters and body as the spec types them, and its sender. */
interface ValidRequest {
  pathParams: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  principal: ClientPrincipal | undefined;
}

/** The answer to a request that passed every check: a forced status, or the handler's. */
function answerValid(
  operation: Operation,
  { pathParams, query, body, principal }: ValidRequest,
  request: Call,
  url: CallUrl,
  options: PipelineOptions,
  context: ApiContext,
): Later<Answer> {
  const api = operation.api;

  // After every check, so a forced error is only ever the answer to a request that was valid.
  const forced = forcedStatusResponse(operation, request.header("prefer"));
  if (forced) return forced;

  const handler = options.handlers[api][operation.operationId];
  if (!handler) {
    return errorResponse(
      501,
      "not_implemented_in_emulator",
      `${operation.operationId} (${operation.method} ${operation.template}) is not implemented in the Authsignal emulator.`,
    );
  }
  return guarded(
    () =>
      andThen(
        callHandler(
          handler,
          { path: pathParams, query, body, headers: { get: request.header }, origin: url.origin, principal },
          context,
        ),
        (result) => jsonResponse(result.status, result.body),
      ),
    apiErrorAnswer,
  );
}
