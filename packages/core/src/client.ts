import { type ClientOptions, type PackageIdentity, resolveConfig } from "./config.ts";
import { AuthsignalValidationError } from "./errors.ts";
import type { ApiClient } from "./method-types.ts";
import type { OperationTable } from "./operation.ts";
import { describe, type MethodArgument } from "./request.ts";
import type { RequestOptions } from "./request-options.ts";
import { createTransport } from "./transport.ts";

export interface ApiDefinition<Table extends Partial<OperationTable>> {
  identity: PackageIdentity;
  servers: Readonly<Record<string, string>>;
  operations: Table;
}

/**
 * Builds a client with one method per operation in the table, and an async iterator per
 * paginated operation. `Operations` is openapi-typescript's `operations` interface for the same
 * spec, which types the methods; `Table` is the generated table's own type.
 */
export function createApiClient<Operations, Table extends Partial<OperationTable<keyof Operations & string>>>(
  definition: ApiDefinition<Table>,
  options: ClientOptions,
): ApiClient<Operations, Table> {
  const transport = createTransport(resolveConfig(options, definition.servers, definition.identity));
  const client: Record<string, unknown> = {};
  for (const [name, operation] of Object.entries(definition.operations as OperationTable)) {
    client[name] = (args: unknown = {}, requestOptions?: RequestOptions) => {
      if (!isArgumentObject(args)) return Promise.reject(argumentError(args));
      return transport.call(operation, args, requestOptions);
    };
    const { pagination } = operation;
    if (pagination) {
      client[pagination.iterator] = (args: unknown = {}, requestOptions?: RequestOptions) => {
        if (!isArgumentObject(args)) throw argumentError(args);
        return iteratePages(transport, operation, pagination, args, requestOptions);
      };
    }
  }
  return client as ApiClient<Operations, Table>;
}

function isArgumentObject(args: unknown): args is MethodArgument {
  return typeof args === "object" && args !== null && !Array.isArray(args);
}

function argumentError(args: unknown) {
  return new AuthsignalValidationError("args", `expected an object, got ${describe(args)}`);
}

// The page walk loads on first use (it builds to a file of its own), so clients that never
// iterate do not carry it.
async function* iteratePages(...args: Parameters<typeof import("./pagination.ts").iteratePages>) {
  yield* (await import("./pagination.ts")).iteratePages(...args);
}
