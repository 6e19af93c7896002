// Walks a cursor-paginated operation page by page, for the client's iterators. client.ts loads
// this file on the first iteration, so it builds to a chunk of its own.
import { AuthsignalResponseError } from "./errors.ts";
import type { PaginationSpec } from "./operation.ts";

/** Yields every item of every page; `callPage` calls the operation with one page's argument. */
export async function* iteratePages(
  { cursorParam, cursorField, itemsField }: PaginationSpec,
  args: unknown,
  callPage: (args: unknown) => Promise<unknown>,
): AsyncGenerator<unknown, void, undefined> {
  const seen = new Set<unknown>();
  let pageArgs = args;
  for (;;) {
    const page = (await callPage(pageArgs)) as Record<string, unknown> | undefined;
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
    // The first page was sent, so `args` is an object.
    pageArgs = { ...(args as object), [cursorParam]: cursor };
  }
}
