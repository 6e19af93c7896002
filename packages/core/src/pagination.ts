// Walks a cursor-paginated operation page by page, for the client's iterators (client.ts loads
// this file on the first iteration).
import { AuthsignalResponseError } from "./errors.ts";
import type { OperationSpec, PaginationSpec } from "./operation.ts";
import type { MethodArgument } from "./request.ts";
import type { RequestOptions } from "./request-options.ts";
import type { Transport } from "./transport.ts";

export async function* iteratePages(
  transport: Transport,
  operation: OperationSpec,
  { cursorParam, cursorField, itemsField }: PaginationSpec,
  args: MethodArgument,
  options: RequestOptions | undefined,
): AsyncGenerator<unknown, void, undefined> {
  const seen = new Set<unknown>();
  let pageArgs = args;
  for (;;) {
    const page = (await transport.call(operation, pageArgs, options)) as Record<string, unknown> | undefined;
    const items = page?.[itemsField];
    if (!Array.isArray(items)) {
      throw new AuthsignalResponseError(`The page has no "${itemsField}" array`);
    }
    yield* items;
    const cursor = page?.[cursorField];
    if (cursor === undefined || cursor === null || cursor === "") return;
    // A cursor the API already returned would loop forever.
    if (seen.has(cursor)) {
      throw new AuthsignalResponseError(`The API returned the cursor "${String(cursor)}" twice`);
    }
    seen.add(cursor);
    pageArgs = { ...args, [cursorParam]: cursor };
  }
}
