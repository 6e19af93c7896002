// What a console view is rendered from: the emulator's state through the context, what the test-only
// API reports (the journal, the deliveries, health), and what only the composition root knows (the
// API keys, the origin the page was asked for on).
import type { ApiContext } from "../../domain/context.ts";
import type { TestApi } from "../testing/test-api.ts";

export interface ConsoleInput {
  context: ApiContext;
  methods: TestApi;
  secrets: { server: string; management: string };
  /** The origin the page was requested on, which its base URLs name. */
  origin: string;
}

/** The newest `limit` items of a list kept oldest first, newest first. */
export const newestFirst = <Item>(items: readonly Item[], limit: number): Item[] =>
  items.slice(Math.max(0, items.length - limit)).reverse();

/**
 * The `limit` newest of records that say when they were made, newest first: createdAt is ISO 8601,
 * so text order is time order; of equal times, the one listed later first.
 */
export const newestCreated = <Item extends { createdAt: string }>(items: readonly Item[], limit: number): Item[] =>
  items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => b.item.createdAt.localeCompare(a.item.createdAt) || b.index - a.index)
    .slice(0, limit)
    .map(({ item }) => item);
