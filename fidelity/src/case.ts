// A fidelity case: one request that Authsignal's own code sends (and, when its code reads one,
// the response it expects), with the file and commit it was read from. Bodies are typed by our
// generated types, so a shape our types reject fails `tsc` before Prism ever sees it.

/** Where in Authsignal's code a shape comes from. */
export interface Source {
  /** The GitHub repository: one of Authsignal's own. */
  repo: `authsignal/${string}`;
  /** The file, relative to the repository root. */
  path: string;
  /** The commit it was read at: 40 hex digits. */
  commit: string;
  /** Where in the file: the test, function or type the shape is taken from. */
  at: string;
}

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface FidelityCase {
  /** What the call does, in a few words. */
  name: string;
  source: Source;
  /** The operationId in our spec that the request must reach. */
  operation: string;
  /** The request as Authsignal's code sends it. */
  method: HttpMethod;
  /** The path below the API's base URL, with real values, such as `/users/usr_123/actions/signIn`. */
  path: string;
  /** Query parameters exactly as sent, such as `{ codes: "signIn,signUp" }`. */
  query?: Record<string, string>;
  /**
   * The Authorization header as the code sends it, where it is not a secret key's Basic auth: the
   * Client API's `Bearer` token or `Basic` tenant ID. The others' cases send the fidelity key.
   */
  authorization?: string;
  body?: unknown;
  /** The response Authsignal's code reads, when the source shows one; it must validate too. */
  response?: { status: number; body?: unknown; source?: Source };
}

type JsonOf<Part> = Part extends { content: { "application/json": infer Body } } ? Body : never;
type RequestBody<Op> = Op extends { requestBody?: infer Part } ? JsonOf<NonNullable<Part>> : never;
type ResponseBody<Op> = Op extends { responses: infer Responses } ? JsonOf<Responses[keyof Responses]> : never;

type TypedCase<Op> = Omit<FidelityCase, "operation" | "body" | "response"> & {
  body?: RequestBody<Op>;
  response?: { status: number; body?: ResponseBody<Op>; source?: Source };
};

/**
 * A typed constructor of cases for one API: `Operations` is openapi-typescript's `operations`
 * interface for that API, so each case's body and response must fit the operation's types.
 */
export function caseBuilder<Operations>() {
  return <Name extends keyof Operations & string>(
    operation: Name,
    typed: TypedCase<Operations[Name]>,
  ): FidelityCase => ({
    operation,
    ...typed,
  });
}
