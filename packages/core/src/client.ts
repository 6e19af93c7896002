// A client from an operation table: one method per operation, each call built by the request
// builder, sent by the transport and decoded by response.ts; and an async iterator per
// cursor-paginated operation.
import { type ApiDefinition, type ClientOptions, resolveConfig, type TransportOptions } from "./config.ts";
import type { ApiClient } from "./method-types.ts";
import type { OperationSpec, OperationTable } from "./operation.ts";
import { buildRequest } from "./request-builder.ts";
import { type RequestOptions, resolveRequestOptions } from "./request-options.ts";
import { decodeResponse } from "./response.ts";
import { createTransport } from "./transport.ts";

/**
 * Builds a client with one method per operation in the table, and an async iterator per
 * paginated operation. `Operations` is openapi-typescript's `operations` interface for the same
 * spec, which types the methods; `Table` is the generated table's own type.
 */
export function createApiClient<
  Operations,
  Table extends Partial<OperationTable<keyof Operations & string>>,
  Options = ClientOptions,
>(definition: ApiDefinition<Table, Options>, options: Options & TransportOptions): ApiClient<Operations, Table> {
  const config = resolveConfig(options, definition);
  const { send } = createTransport(config);
  // Async, so that a bad argument or option rejects the call rather than throwing.
  const call = async (operation: OperationSpec, args: unknown = {}, requestOptions?: RequestOptions) => {
    const resolved = resolveRequestOptions(requestOptions, config);
    return decodeResponse(operation, await send(buildRequest(config, operation, args, resolved), resolved));
  };
  const client: Record<string, unknown> = {};
  for (const [name, operation] of Object.entries(definition.operations as OperationTable)) {
    client[name] = (args?: unknown, requestOptions?: RequestOptions) => call(operation, args, requestOptions);
    const { pagination } = operation;
    // A generator, so nothing is sent and a bad argument fails only when the first item is
    // asked for. The page walk loads then too (it builds to a file of its own), so clients that
    // never iterate do not carry it.
    if (pagination) {
      client[pagination.iterator] = async function* (args?: unknown, requestOptions?: RequestOptions) {
        const { iteratePages } = await import("./pagination.ts");
        yield* iteratePages(pagination, args, (pageArgs) => call(operation, pageArgs, requestOptions));
      };
    }
  }
  return client as ApiClient<Operations, Table>;
}
