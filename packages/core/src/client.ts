import { type ClientOptions, type PackageIdentity, resolveConfig } from "./config.ts";
import { AuthsignalValidationError } from "./errors.ts";
import type { ApiMethods } from "./method-types.ts";
import type { OperationTable } from "./operation.ts";
import { describe, type MethodArgument } from "./request.ts";
import type { RequestOptions } from "./request-options.ts";
import { createTransport } from "./transport.ts";

export interface ApiDefinition<Table extends OperationTable> {
  identity: PackageIdentity;
  servers: Readonly<Record<string, string>>;
  operations: Table;
}

/**
 * Builds a client with one method per operation in the table. `Operations` is
 * openapi-typescript's `operations` interface for the same spec, which types the methods.
 */
export function createApiClient<Operations>(
  definition: ApiDefinition<OperationTable<keyof Operations & string>>,
  options: ClientOptions,
): ApiMethods<Operations> {
  const transport = createTransport(resolveConfig(options, definition.servers, definition.identity));
  const client: Record<string, unknown> = {};
  for (const [name, operation] of Object.entries<OperationTable[string]>(definition.operations)) {
    client[name] = (args: unknown = {}, requestOptions?: RequestOptions) => {
      if (typeof args !== "object" || args === null || Array.isArray(args)) {
        return Promise.reject(new AuthsignalValidationError("args", `expected an object, got ${describe(args)}`));
      }
      return transport.call(operation, args as MethodArgument, requestOptions);
    };
  }
  return client as ApiMethods<Operations>;
}
