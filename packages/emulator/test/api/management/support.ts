// Calls Management handlers directly, as the router would: the request is first checked against the
// operation's request schema (so a test cannot pass what the router would refuse), an EmulatorApiError
// becomes Authsignal's error body, and every answer is checked against the response schema the spec
// documents for that operation and status, so an undocumented status or shape fails the test.
import spec from "@authsignal-ts/management/openapi.json" with { type: "json" };
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import { callHandler } from "../../../src/api/handler.ts";
import { managementHandlers } from "../../../src/api/management/index.ts";
import type { ApiContext, WebhookEventInput } from "../../../src/domain/context.ts";
import { EmulatorApiError } from "../../../src/domain/errors.ts";
import { createManagementState, type ManagementSeed } from "../../../src/seed/management.ts";
import { createStore } from "../../../src/state/store.ts";
import type { EmulatorState } from "../../../src/state/types.ts";

type Json = Record<string, unknown>;
interface Operation {
  requestBody?: { content: { "application/json": { schema: Json } } };
  responses: Record<string, Json>;
}

const operations = new Map<string, Operation>();
for (const methods of Object.values(spec.paths as unknown as Record<string, Record<string, Json>>)) {
  for (const operation of Object.values(methods)) {
    if (typeof operation.operationId === "string")
      operations.set(operation.operationId, operation as unknown as Operation);
  }
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: "mgmt", components: spec.components });
const compiled = new Map<string, ValidateFunction>();

/** A validator of a schema from the spec, with its local `$ref`s pointed into the spec's components. */
function validatorFor(key: string, schema: Json): ValidateFunction {
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"mgmt#/components/')));
    compiled.set(key, validate);
  }
  return validate;
}

function operation(operationId: string): Operation {
  const found = operations.get(operationId);
  if (!found) throw new Error(`The Management spec has no operation ${operationId}`);
  return found;
}

/** The schema the spec documents for `operationId` answering `status`, or undefined when it documents none. */
function responseSchema(operationId: string, status: number): Json | undefined {
  let response = operation(operationId).responses[String(status)];
  const ref = response?.$ref;
  if (typeof ref === "string")
    response = (spec.components.responses as unknown as Record<string, Json>)[ref.split("/").pop()!];
  return (response?.content as Record<string, { schema: Json }> | undefined)?.["application/json"]?.schema;
}

/** Fails unless `body` is what the spec documents for `operationId` answering `status`. */
export function expectConforms(operationId: string, status: number, body: unknown): void {
  const schema = responseSchema(operationId, status);
  if (!schema) throw new Error(`${operationId} documents no ${status} response`);
  const validate = validatorFor(`${operationId} ${status}`, schema);
  if (!validate(body)) {
    throw new Error(
      `${operationId} ${status} body breaks the spec: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(body)}`,
    );
  }
}

export interface Call {
  pathParams?: Record<string, string>;
  body?: unknown;
}

export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the tests read whatever field they assert on
  body: any;
}

/** A Management API over fresh state: a fixed clock, IDs `id-1`, `id-2`, … and a log of raised events. */
export function managementFixture(seed?: ManagementSeed) {
  let counter = 0;
  const randomId = () => `id-${++counter}`;
  const events: WebhookEventInput[] = [];
  const state = { management: createManagementState(seed, { randomId }), server: {} } as EmulatorState;
  const context: ApiContext = {
    state,
    store: createStore(
      () => state,
      () => {
        throw new Error("The Management API never replaces the whole state");
      },
    ),
    now: () => Date.parse("2026-01-15T10:00:00.000Z"),
    randomId,
    emit: async (event) => {
      events.push(event);
    },
  };

  async function call(operationId: string, request: Call = {}): Promise<Answer> {
    const handler = managementHandlers[operationId];
    if (!handler) throw new Error(`No handler for ${operationId}`);
    const requestSchema = operation(operationId).requestBody?.content["application/json"].schema;
    if (requestSchema) {
      const validate = validatorFor(`${operationId} request`, requestSchema);
      if (!validate(request.body))
        throw new Error(`The test's ${operationId} request breaks the spec: ${ajv.errorsText(validate.errors)}`);
    }
    const input = {
      path: request.pathParams ?? {},
      query: {},
      body: request.body,
      headers: new Headers(),
      origin: "http://emulator.test",
    };
    let answer: Answer;
    try {
      const result = await callHandler(handler, input, context);
      // What the router sends is the JSON text of the body, so that is what is checked.
      answer = {
        status: result.status,
        body: result.body === undefined ? undefined : JSON.parse(JSON.stringify(result.body)),
      };
    } catch (error) {
      if (!(error instanceof EmulatorApiError)) throw error;
      answer = {
        status: error.status,
        body: { error: error.code, errorCode: error.code, errorDescription: error.description },
      };
    }
    expectConforms(operationId, answer.status, answer.body);
    return answer;
  }

  return { state: state.management, context, events, call };
}

/** Calls an operation that must succeed, and returns its body. */
export async function succeeded(answer: Promise<Answer>): Promise<Answer["body"]> {
  const { status, body } = await answer;
  expect(status, JSON.stringify(body)).toBe(200);
  return body;
}
