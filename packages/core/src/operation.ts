// The runtime description of an API operation, as `pnpm generate` writes it into each package's
// src/generated/operations.ts. Every client method is built from one of these.

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface PathParamSpec {
  readonly name: string;
  /** Checked before sending, so a value the API would reject never leaves the process. */
  readonly pattern?: RegExp;
}

export interface QueryParamSpec {
  readonly name: string;
  /** `true`: an array becomes `a=1&a=2`; `false`: `a=1,2`. */
  readonly explode: boolean;
}

export interface OperationSpec {
  readonly method: HttpMethod;
  /** Relative to the API's base URL, with `{name}` placeholders. */
  readonly path: string;
  readonly pathParams: readonly PathParamSpec[];
  readonly queryParams: readonly QueryParamSpec[];
  /**
   * Where the JSON body comes from in the method's argument: `attributes` for operations with
   * path parameters, the argument itself (`root`) for those without, or nowhere.
   */
  readonly body: "none" | "attributes" | "root";
  /** Whether sending the request twice has the same effect as sending it once. */
  readonly idempotent: boolean;
  /** A body field the client fills with a fresh key when the caller leaves it out. */
  readonly idempotencyKeyField?: string;
  /** Present on cursor-paginated operations: the client adds an async iterator over every item. */
  readonly pagination?: PaginationSpec;
}

export interface PaginationSpec {
  /** The name of the iterator method, such as `iterateUsers`. */
  readonly iterator: string;
  /** The query parameter that asks for the page after a cursor. */
  readonly cursorParam: string;
  /** The response field holding the next cursor; absent on the last page. */
  readonly cursorField: string;
  /** The response field holding the page's items. */
  readonly itemsField: string;
}

export type OperationTable<Name extends PropertyKey = string> = Record<Name, OperationSpec>;
