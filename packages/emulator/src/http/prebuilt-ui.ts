// The pre-built UI's routes: its page at `/ui?token=…` (track's `url`) and the page's script.
// Outside the test-only API: a user's browser opens the page from the app, on another origin, in
// a tab or in the web SDK's popup frame. The token rides in the URL, as the live UI's does, so the
// page is never cached and sends no referrer; its policy lets it run its own script and call its
// own origin's Client API, and nothing else.
import { prebuiltUiPage } from "../api/prebuilt-ui/page.ts";
import { prebuiltUiScript } from "../api/prebuilt-ui/script.ts";
import type { ApiContext } from "../domain/context.ts";
import type { Answer } from "./exchange.ts";
import { pageAnswers } from "./pages.ts";
import type { RouteEntry } from "./routes.ts";

export interface PrebuiltUiRoute extends RouteEntry {
  template: string;
  answer(context: ApiContext, url: URL | { searchParams: URLSearchParams }): Promise<Answer> | Answer;
}

const page = pageAnswers(
  "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' https: data:; base-uri 'none'; form-action 'self'",
);

const route = (template: string, answer: PrebuiltUiRoute["answer"]): PrebuiltUiRoute => ({
  method: "GET",
  template,
  segments: template.split("/").slice(1),
  answer,
});

export const prebuiltUiRoutes: readonly PrebuiltUiRoute[] = [
  route("/ui", async (context, url) => page.html(await prebuiltUiPage(context, url.searchParams.get("token") ?? ""))),
  route("/ui/app.js", () => page.script(prebuiltUiScript)),
];
