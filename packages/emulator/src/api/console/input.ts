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
