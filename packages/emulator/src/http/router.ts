// Every request, from the Web `Request` to the `Response`: its area by the path's prefix, the key
// for a keyed API (first, as the live API answers 401 before it looks at the path), the one route
// table, then the route's own answer: an API operation through the pipeline (a Client API one once
// its token or tenant ID is checked, with CORS), a test-only API route, a well-known route, a page
// of the pre-built UI or the console. The network guard of the test-only API and the console is
// node.ts's: an in-process `fetch` has no
// network to guard.
import { authenticateClient } from "../api/client/auth.ts";
import type { ChangeFeed } from "../api/console/changes.ts";
import type { RequestNote } from "../api/testing/journal.ts";
import type { TestApi } from "../api/testing/test-api.ts";
import { type ApiName, isApiLoaded, type KeyedApi, loadApiTables } from "../spec/tables.ts";
import { keyMatches, unauthorizedDescription } from "./auth.ts";
import { preflightAnswer, withCors } from "./cors.ts";
import type { Answer, Call, CallUrl } from "./exchange.ts";
import { andThen, guarded, type Later } from "./later.ts";
import { answerOperation, type PipelineOptions } from "./pipeline.ts";
import { apiErrorAnswer, errorResponse, jsonResponse } from "./responses.ts";
import { type Area, apiBasePaths, areaOf, matchRoute, type Route } from "./routes.ts";
import { testApiBasePath } from "./test-api-path.ts";
import type { BodyLimits } from "./test-api-routes.ts";

export interface RouterOptions extends PipelineOptions {
  secrets: Record<KeyedApi, string>;
  /** What the console's live updates wait on. */
  changes: ChangeFeed;
  testApi: TestApi;
  /** The largest body each test-only route reads. */
  testApiLimits: BodyLimits;
}

const isApi = (area: string): area is ApiName => area === "server" || area === "management" || area === "client";
const isApiRoute = (route: Route): route is Extract<Route, { area: ApiName }> => isApi(route.area);

/** Where a path is, for a 404 or 405's description: below its API's base path, or whole. */
const describedPath = (area: string, path: string) => (isApi(area) ? path.slice(apiBasePaths[area].length) : path);

function notFound(area: string, method: string, path: string): Answer {
  if (isApi(area))
    return errorResponse(404, "not_found", `No ${area} API operation has the path ${describedPath(area, path)}.`);
  if (area === "test-api") {
    return errorResponse(404, "not_found", `The test-only API has no ${method} ${path.slice(testApiBasePath.length)}.`);
  }
  return errorResponse(404, "not_found", `Nothing is served at ${path}.`);
}

/** A route's answer other than an API operation's; what it throws or rejects with is answerIn's to turn into one. */
function answerRoute(
  route: Exclude<Route, { area: ApiName }>,
  params: Record<string, string>,
  request: Call,
  url: CallUrl,
  options: RouterOptions,
): Later<Answer> {
  switch (route.area) {
    case "test-api":
      return andThen(
        route.testApi.handle({
          methods: options.testApi,
          context: options.context,
          request,
          url,
          pathParams: params,
          limits: options.testApiLimits,
        }),
        (body) => jsonResponse(200, body),
      );
    case "prebuilt-ui":
      return route.prebuiltUi.answer(options.context(), url);
    case "console":
      return route.console.answer({
        context: options.context(),
        methods: options.testApi,
        secrets: options.secrets,
        changes: options.changes,
        url,
      });
    case "well-known":
      return route.wellKnown
        .answer(options.context(), params.tenantId as string, url.origin)
        .then((body) =>
          body === undefined ? notFound(route.area, request.method, url.pathname) : jsonResponse(200, body),
        );
  }
}

/**
 * The emulator's answer to `request`; what it learns on the way (the operation, the body) goes in
 * `note`. A promise only when something waited: the body, a handler, loading an API's tables.
 */
export function route(request: Call, options: RouterOptions, note: RequestNote = {}): Later<Answer> {
  const path = request.url.pathname;
  const area = areaOf(path);
  if (area === undefined) {
    return errorResponse(
      404,
      "not_found",
      `Nothing is served at ${path}: the Server API is under /v1 and the Management API under /v1/management.`,
    );
  }
  if (area === "client") {
    const origin = request.header("origin");
    if (request.method === "OPTIONS") return preflightAnswer(origin);
    const answer = isApiLoaded(area)
      ? answerIn(area, request, options, note)
      : loadApiTables(area).then(() => answerIn(area, request, options, note));
    return andThen(answer, (answered) => withCors(answered, origin));
  }
  if (isApi(area)) {
    if (!keyMatches(request.header("authorization"), options.secrets[area])) {
      return errorResponse(401, "unauthorized", unauthorizedDescription);
    }
    // Once per API, on its first request.
    if (!isApiLoaded(area)) return loadApiTables(area).then(() => answerIn(area, request, options, note));
  }
  return answerIn(area, request, options, note);
}

/** The answer to a request to `area` once its key, if it needs one, has been checked. */
function answerIn(area: Area, request: Call, options: RouterOptions, note: RequestNote): Later<Answer> {
  const { url } = request;
  const path = url.pathname;
  const method = request.method.toUpperCase();
  const match = matchRoute(path, method, area);
  if (match.kind === "not-found") return notFound(area, method, path);
  if (match.kind === "method-not-allowed") {
    return errorResponse(405, "method_not_allowed", `${describedPath(area, path)} does not take ${request.method}.`, {
      allow: match.allow.join(", "),
    });
  }
  if (match.kind === "bad-path") return errorResponse(400, "invalid_request", match.description);
  const { route, pathParams } = match;
  if (isApiRoute(route)) {
    if (route.area === "client") return answerClientOperation(route.operation, pathParams, request, options, note);
    // The pipeline answers each EmulatorApiError itself, also once the body has arrived; only what
    // it throws before it waits is turned into an answer here, which spares every request a turn.
    try {
      return answerOperation(route.operation, pathParams, request, url, options, note);
    } catch (error) {
      return apiErrorAnswer(error);
    }
  }
  return guarded(() => answerRoute(route, pathParams, request, url, options), apiErrorAnswer);
}

/** A Client API operation: who sent it, by the schemes the operation accepts, then the pipeline. */
function answerClientOperation(
  operation: Extract<Route, { area: ApiName }>["operation"],
  pathParams: Record<string, string>,
  request: Call,
  options: RouterOptions,
  note: RequestNote,
): Later<Answer> {
  note.operation = operation.operationId;
  return guarded(
    () =>
      authenticateClient(operation.security, request.header("authorization"), options.context()).then(
        (principal): Later<Answer> => {
          if (!("kind" in principal)) {
            note.errors = [principal.description];
            return jsonResponse(401, {
              error: "unauthorized",
              errorCode: principal.errorCode,
              errorDescription: principal.description,
            });
          }
          return answerOperation(operation, pathParams, request, request.url, options, note, principal);
        },
      ),
    apiErrorAnswer,
  );
}
