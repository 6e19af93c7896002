// An API operation as `pnpm generate` writes it into each package's src/generated/operation-table.ts.
// It carries only what cannot be derived, which keeps the shipped table small; the helpers below
// derive the rest.

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface OperationSpec {
  readonly method: HttpMethod;
  /** Relative to the API's base URL, with `{name}` placeholders for path parameters. */
  readonly path: string;
  /** Patterns the spec gives path parameters, checked before anything is sent. */
  readonly patterns?: Readonly<Record<string, RegExp>>;
  /**
   * The query parameters, in order, with how an array is sent: `repeat` as `a=1&a=2` (OpenAPI's
   * form style with explode), `comma` as `a=1,2`.
   */
  readonly query?: Readonly<Record<string, "repeat" | "comma">>;
  /** The operation takes a JSON body. */
  readonly hasBody?: true;
  /** A POST the spec marks as safe to repeat; GET, PUT, PATCH and DELETE always are (isIdempotent). */
  readonly idempotent?: true;
  /**
   * A body field the client fills with a fresh key when the caller leaves it out. It makes the
   * operation idempotent on its own: the API records a key once.
   */
  readonly idempotencyKeyField?: string;
  /**
   * What a success response's JSON body is: an object when absent, `array` for a list, `none`
   * when the spec gives it no body (any body is then ignored), `partial` for an object with no
   * required field, which an empty body (a 204) satisfies as `{}`. A body of another type is an
   * `AuthsignalResponseError`, so a typed result is never `null` or a number.
   */
  readonly result?: "array" | "none" | "partial";
  /** Present on cursor-paginated operations: the client adds an async iterator over every item. */
  readonly pagination?: PaginationSpec;
  /**
   * The security schemes the operation accepts, by their names in the spec and in its order, when
   * they are not the API's own (the Client API's passkey sign-in takes the tenant, not a token).
   * Written by `pnpm generate`; the transport does not read it yet: the Client API's credentials will.
   */
  readonly security?: readonly string[];
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

/**
 * Where the JSON body comes from in a method's argument: `attributes` for operations with path
 * parameters, the argument itself (`root`) for those without, or nowhere.
 */
export function bodySource(operation: OperationSpec): "none" | "attributes" | "root" {
  return !operation.hasBody ? "none" : operation.path.includes("{") ? "attributes" : "root";
}

/**
 * Whether sending the request twice has the same effect as sending it once: the one rule of the
 * methods and the openapi-fetch client. GET, PUT, PATCH and DELETE are by HTTP's definition; a
 * POST is when the spec marks it so, or when it carries an idempotency key the API dedupes on.
 */
export function isIdempotent(operation: Partial<Omit<OperationSpec, "method">> & { readonly method: string }): boolean {
  return operation.method !== "POST" || operation.idempotent === true || operation.idempotencyKeyField !== undefined;
}
