// The console's routes: its views at the root (`/`, `/users`, …), its script, and the wait its
// script makes for the next change. Behind the test-only API's guard (node.ts): the console shows
// the API keys and every code, so only this machine's own pages may read it. Its policy lets it run
// its own script and call its own origin, and no other page may frame it (its reset button).
import type { ChangeFeed } from "../api/console/changes.ts";
import type { ConsoleInput } from "../api/console/input.ts";
import { consolePage } from "../api/console/page.ts";
import { consoleScript } from "../api/console/script.ts";
import { type ConsoleViewPath, consoleViews } from "../api/console/shell.ts";
import { EmulatorApiError } from "../domain/errors.ts";
import type { Answer, CallUrl } from "./exchange.ts";
import { pageAnswers } from "./pages.ts";
import { jsonResponse } from "./responses.ts";
import type { RouteEntry } from "./routes.ts";

export interface ConsoleRouteInput extends Omit<ConsoleInput, "origin"> {
  changes: ChangeFeed;
  url: CallUrl;
}

export interface ConsoleRoute extends RouteEntry {
  answer(input: ConsoleRouteInput): Promise<Answer> | Answer;
}

/** How long the console's wait for a change is held before it is answered with no change. */
export const changeWaitMs = 25_000;

const page = pageAnswers(
  "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  { "x-frame-options": "DENY" },
);

const route = (path: string, answer: ConsoleRoute["answer"]): ConsoleRoute => ({
  method: "GET",
  segments: path.split("/").slice(1),
  answer,
});

const view = (path: ConsoleViewPath) =>
  route(path, ({ changes, url, ...input }) =>
    page.html(consolePage(path, { ...input, origin: url.origin }, changes.revision())),
  );

export const consoleRoutes: readonly ConsoleRoute[] = [
  ...(Object.keys(consoleViews) as ConsoleViewPath[]).map(view),
  route("/console/app.js", () => page.script(consoleScript)),
  route("/console/changes", async ({ changes, url }) => {
    const after = url.searchParams.get("after") ?? "";
    if (!/^\d{1,15}$/.test(after)) {
      throw new EmulatorApiError(
        400,
        "invalid_request",
        "query.after must be the revision the page shows, a whole number",
      );
    }
    const revision = await changes.next(Number(after), changeWaitMs);
    return jsonResponse(200, { revision }, { "cache-control": "no-store" });
  }),
];
