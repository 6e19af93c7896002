// An operation as the generated route tables (generated/<api>-routes.ts) describe it: what the
// router matches, what the pipeline checks, and what `Prefer: code=N` may force. The tables are
// literals `as const`, so every field is read-only; tables.ts checks them against these types.
import type { ApiName } from "./tables.ts";

export interface ParameterSpec {
  readonly name: string;
  readonly in: "path" | "query";
  readonly required: boolean;
  /** Where its schema is in the bundled spec: the key of its validator. */
  readonly schemaPointer: string;
  /** The schema's type after following refs, which decides how a query string is read. */
  readonly type?: string;
  /** An array sent comma-separated (`style: form, explode: false`) rather than repeated. */
  readonly commaSeparated: boolean;
}

/** A status the operation documents; an error status with the code its documented example answers. */
export interface DocumentedResponse {
  readonly errorCode?: string;
}

export interface Operation {
  readonly api: ApiName;
  readonly operationId: string;
  readonly method: string;
  readonly template: string;
  readonly segments: readonly string[];
  readonly parameters: readonly ParameterSpec[];
  readonly body?: { readonly required: boolean; readonly schemaPointer: string };
  /** By status, as the spec writes it (`200`, `404`). */
  readonly responses: Readonly<Record<string, DocumentedResponse>>;
  /** The security schemes it accepts, by name in the spec's order (the Client API's `token` and `tenant`). */
  readonly security: readonly string[];
}
