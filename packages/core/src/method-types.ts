// Derives each client method's signature from openapi-typescript's `operations` interface, so a
// new operation in the spec becomes a typed method without hand-written code.
import type { RequestOptions } from "./request-options.ts";

type Simplify<T> = { [K in keyof T]: T[K] } & {};

// openapi-typescript writes `path?: never` and `query?: never` for operations without them.
type PathParams<Op> = Op extends { parameters: { path: infer P extends object } } ? P : unknown;
type QueryParams<Op> = Op extends { parameters: { query?: infer Q } }
  ? [NonNullable<Q>] extends [never]
    ? unknown
    : NonNullable<Q>
  : unknown;

type HasPathParams<Op> = Op extends { parameters: { path: object } } ? true : false;

type JsonBody<Op> = Op extends { requestBody?: never }
  ? { kind: "none" }
  : Op extends { requestBody: { content: { "application/json": infer B } } }
    ? { kind: "required"; body: B }
    : Op extends { requestBody?: { content: { "application/json": infer B } } }
      ? { kind: "optional"; body: B }
      : { kind: "none" };

type BodyArgs<Op, Body = JsonBody<Op>> = Body extends { kind: "none" }
  ? unknown
  : Body extends { kind: infer Kind; body: infer B }
    ? HasPathParams<Op> extends true
      ? Kind extends "required"
        ? { attributes: B }
        : { attributes?: B }
      : B
    : unknown;

/** The single argument of a method: path and query parameters at the top, the body per the argument rule. */
export type MethodArgs<Op> = Simplify<PathParams<Op> & QueryParams<Op> & BodyArgs<Op>>;

type SuccessStatus = 200 | 201 | 202 | 204;

/** What a method resolves to: the success response's JSON body, or `void` when there is none. */
export type MethodResult<Op> = Op extends { responses: infer Responses }
  ? {
      [Status in keyof Responses & SuccessStatus]: Responses[Status] extends {
        content: { "application/json": infer Body };
      }
        ? Body
        : undefined;
    }[keyof Responses & SuccessStatus]
  : never;

export type ApiMethod<Op> =
  {} extends MethodArgs<Op>
    ? (args?: MethodArgs<Op>, options?: RequestOptions) => Promise<MethodResult<Op>>
    : (args: MethodArgs<Op>, options?: RequestOptions) => Promise<MethodResult<Op>>;

/**
 * One method per operation in the table, named by its operationId and typed from `Operations`
 * (which may also describe webhooks; those have no table entry and so no method).
 */
export type ApiMethods<Operations, Table> = {
  [Name in keyof Table & keyof Operations]: ApiMethod<Operations[Name]>;
};

type IteratorName<Spec> = Spec extends { pagination: { iterator: infer Name extends string } } ? Name : never;

type PageItem<Op, Spec> = Spec extends { pagination: { itemsField: infer Field extends string } }
  ? MethodResult<Op> extends { [K in Field]?: readonly (infer Item)[] }
    ? Item
    : never
  : never;

type IteratorArgs<Op, Spec> = Spec extends { pagination: { cursorParam: infer Cursor extends string } }
  ? Simplify<Omit<MethodArgs<Op>, Cursor>>
  : never;

/** Walks every page of a cursor-paginated operation and yields each item. */
export type IteratorMethod<Op, Spec> =
  {} extends IteratorArgs<Op, Spec>
    ? (args?: IteratorArgs<Op, Spec>, options?: RequestOptions) => AsyncGenerator<PageItem<Op, Spec>, void, undefined>
    : (args: IteratorArgs<Op, Spec>, options?: RequestOptions) => AsyncGenerator<PageItem<Op, Spec>, void, undefined>;

/** One iterator per paginated operation in the table, named by its `pagination.iterator`. */
export type IteratorMethods<Operations, Table> = {
  [Name in keyof Table & keyof Operations as IteratorName<Table[Name]>]: IteratorMethod<Operations[Name], Table[Name]>;
};

/** A generated client: a method per operation, plus an iterator per paginated operation. */
export type ApiClient<Operations, Table> = ApiMethods<Operations, Table> & IteratorMethods<Operations, Table>;
