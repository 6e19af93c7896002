// The contract between the edge and the handlers of each API, typed from the clients' generated
// `operations`: a handler receives the request the edge has validated against the spec, as the spec
// types it, and must answer one of the operation's documented successes with the body the spec
// gives it. `tsc` rejects a handler that reads a field the request cannot have or answers a shape the
// spec does not allow (test/api/handler.test-d.ts); Prism, in front of the emulator in the contract
// suites, catches what types cannot (formats, patterns).
import type { ApiContext } from "../domain/context.ts";
import type { ClientPrincipal } from "./client/auth.ts";

type JsonContent<Response> = Response extends { content: { "application/json": infer Body } } ? Body : undefined;

/** The statuses an operation documents as successes. */
type SuccessStatus<Operation> = Operation extends { responses: infer Responses }
  ? Extract<keyof Responses, 200 | 201 | 202 | 204>
  : never;

type Parameters<Operation, Where extends "path" | "query"> = Operation extends {
  parameters: { [In in Where]?: infer Values };
}
  ? [Values] extends [never]
    ? Record<string, never>
    : [Values] extends [undefined]
      ? Record<string, never>
      : NonNullable<Values>
  : Record<string, never>;

type Body<Operation> = Operation extends { requestBody: { content: { "application/json": infer Body } } }
  ? Body
  : Operation extends { requestBody?: { content: { "application/json": infer Body } } }
    ? Body | undefined
    : undefined;

/** A request the edge has matched to the operation and validated against the spec. */
export interface HandlerRequest<Operation> {
  /** Path parameters, percent-decoded. */
  path: Parameters<Operation, "path">;
  /** Query parameters, read as the spec types them (numbers, booleans, arrays). */
  query: Parameters<Operation, "query">;
  /** The parsed JSON body; undefined when the operation takes none or it was left out. */
  body: Body<Operation>;
  headers: { get(name: string): string | null };
  /** The origin the request was sent to (`http://127.0.0.1:4010`), for URLs the answer carries. */
  origin: string;
  /** A Client API request's sender, as its token or tenant ID said; undefined for the keyed APIs. */
  principal?: ClientPrincipal;
}

/** One of the operation's documented successes, with the body the spec gives it. */
export type HandlerAnswer<Operation> = {
  [Status in SuccessStatus<Operation>]: Operation extends { responses: { [S in Status]: infer Response } }
    ? JsonContent<Response> extends undefined
      ? { status: Status; body?: undefined }
      : { status: Status; body: JsonContent<Response> }
    : never;
}[SuccessStatus<Operation>];

export type Handler<Operation> = (
  request: HandlerRequest<Operation>,
  context: ApiContext,
) => HandlerAnswer<Operation> | Promise<HandlerAnswer<Operation>>;

/** A handler for every operation named in `Ids`, each typed by its own operation. */
export type Handlers<Operations, Ids extends keyof Operations> = { [Id in Ids]: Handler<Operations[Id]> };

/** What the edge passes a handler: the request it validated, its operation's types erased. */
export interface EdgeRequest {
  /** Path parameters, percent-decoded. */
  path: Record<string, string>;
  /** Query parameters, as the spec types them (numbers, booleans, arrays). */
  query: Record<string, unknown>;
  /** The parsed JSON body, or undefined when the request has none. */
  body: unknown;
  headers: { get(name: string): string | null };
  origin: string;
  principal?: ClientPrincipal;
}

/** What the edge receives from a handler, its operation's types erased; it serializes `body` as JSON (none for undefined). */
export interface EdgeAnswer {
  status: number;
  body?: unknown;
}

/**
 * A handler as the edge's table holds it, its operation's types erased: every `Handler<Op>` is one
 * (a parameter of type `never` accepts every handler's request type). The edge calls it with the
 * request it validated against that operation's spec.
 */
export type ErasedHandler = (request: never, context: ApiContext) => EdgeAnswer | Promise<EdgeAnswer>;

/** Calls an erased handler with the request the edge validated for its operation. */
export const callHandler = (handler: ErasedHandler, request: EdgeRequest, context: ApiContext) =>
  (handler as (request: EdgeRequest, context: ApiContext) => EdgeAnswer | Promise<EdgeAnswer>)(request, context);
