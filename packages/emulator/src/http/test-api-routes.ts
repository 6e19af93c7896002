// The test-only API over HTTP, under /_emulator/v1 with no API key: each route calls one method
// of the TestApi, but for GET /ui, which describes a track's action as JSON. The README documents every route
// of this table, and test/readme-test-api.test.ts fails when the two differ.

import type { CompleteActionInput } from "../api/server/actions.ts";
import { actionForToken } from "../api/server/validate.ts";
import type { RequestFilter } from "../api/testing/journal.ts";
import type { TestApi } from "../api/testing/test-api.ts";
import { clockAdvanceProblem } from "../domain/clock.ts";
import type { ApiContext } from "../domain/context.ts";
import { EmulatorApiError } from "../domain/errors.ts";
import type { EmulatorSettings } from "../state/settings.ts";
import type { EmulatorState, OutboxMessage } from "../state/types.ts";
import { readJsonBody } from "./body.ts";
import type { Call, CallUrl } from "./exchange.ts";
import type { RouteEntry } from "./routes.ts";
import { testApiBasePath } from "./test-api-path.ts";

export interface TestApiRouteInput {
  methods: TestApi;
  /** The largest body a route reads: the emulator's maxBodyBytes, or more for a state import. */
  limits: BodyLimits;
  context: () => ApiContext;
  request: Call;
  url: CallUrl;
  pathParams: Record<string, string>;
}

export interface TestApiRoute extends RouteEntry {
  /** The path below /_emulator/v1, `{name}` for a parameter. */
  template: string;
  /** The 200 answer's JSON body; an EmulatorApiError it throws is the error answer. */
  handle(input: TestApiRouteInput): unknown;
}

export interface BodyLimits {
  body: number;
  import: number;
}

// An exported state holds every user, action and message, and a long test run's can be large; but
// a body is held and parsed whole, at several times its size, so not without a bound.
const maxImportBytes = 64 * 1024 * 1024;

/** The emulator's maxBodyBytes for every route's body, as for the APIs'; an import may be larger. */
export const bodyLimits = (maxBodyBytes: number): BodyLimits => ({
  body: maxBodyBytes,
  import: Math.max(maxBodyBytes, maxImportBytes),
});

const invalid = (description: string) => new EmulatorApiError(400, "invalid_request", description);

async function readObject(request: Call, limit: number): Promise<Record<string, unknown>> {
  const body = (await readJsonBody(request, limit)) ?? {};
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw invalid("body must be a JSON object");
  return body as Record<string, unknown>;
}

const durationUnits: Record<string, number> = { milliseconds: 1, seconds: 1e3, minutes: 6e4 };

/**
 * `{ milliseconds, seconds, minutes }`, each optional, added together: each, and the sum, within
 * what the clock may show from `nowMs`.
 */
function durationOf(body: Record<string, unknown>, nowMs: number): number {
  let milliseconds = 0;
  for (const [field, value] of Object.entries(body)) {
    const unit = Object.hasOwn(durationUnits, field) ? durationUnits[field] : undefined;
    if (unit === undefined)
      throw invalid(`body has an unknown field "${field}"; it takes milliseconds, seconds, minutes`);
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      throw invalid(`body.${field} must be a number ≥ 0`);
    }
    const problem = clockAdvanceProblem(nowMs, value * unit, `body.${field}`);
    if (problem) throw invalid(problem);
    milliseconds += value * unit;
  }
  const problem = clockAdvanceProblem(nowMs, milliseconds, "body");
  if (problem) throw invalid(problem);
  return milliseconds;
}

const route = (method: string, template: string, handle: TestApiRoute["handle"]): TestApiRoute => ({
  method,
  template,
  segments: template.split("/").slice(1),
  handle,
});

const success = { success: true };

/** The journal's filter from a query: `method`, `path`, `operation`, `status`, and `redact=false`. */
function requestFilterOf(url: CallUrl): RequestFilter {
  const filter: RequestFilter = {};
  for (const [name, value] of url.searchParams) {
    if (name === "method" || name === "path" || name === "operation" || name === "status") filter[name] = value;
    else if (name === "redact") {
      if (value !== "true" && value !== "false") throw invalid("redact must be true or false");
      filter.redact = value === "true";
    } else throw invalid(`query has an unknown parameter "${name}"; it takes method, path, operation, status, redact`);
  }
  return filter;
}

export const testApiRoutes: readonly TestApiRoute[] = [
  route("GET", "/health", ({ methods }) => methods.health()),
  route("GET", "/requests", ({ methods, url }) => ({ requests: methods.requests(requestFilterOf(url)) })),
  route("DELETE", "/requests", ({ methods }) => {
    methods.clearRequests();
    return success;
  }),
  route("GET", "/messages", ({ methods, url }) => {
    const query = (name: string) => url.searchParams.get(name) ?? undefined;
    const channel = query("channel") as OutboxMessage["channel"] | undefined;
    return { messages: methods.messages({ to: query("to"), channel, userId: query("userId") }) };
  }),
  route("GET", "/challenges", ({ methods }) => ({ challenges: methods.challenges() })),
  route(
    "POST",
    "/actions/{userId}/{action}/{idempotencyKey}/complete",
    async ({ methods, request, pathParams, limits }) => {
      const { outcome, verificationMethod, ...rest } = await readObject(request, limits.body);
      const unknown = Object.keys(rest)[0];
      if (unknown !== undefined) throw invalid(`body has an unknown field "${unknown}"`);
      if (verificationMethod !== undefined && typeof verificationMethod !== "string") {
        throw invalid("body.verificationMethod must be a string");
      }
      return methods.completeAction({
        userId: pathParams.userId as string,
        action: pathParams.action as string,
        idempotencyKey: pathParams.idempotencyKey as string,
        outcome: outcome as CompleteActionInput["outcome"],
        ...(verificationMethod !== undefined && { verificationMethod }),
      });
    },
  ),
  // The action a track's token names, as JSON, and where to POST to finish it: what a test reads
  // where a person would use the pre-built UI (api/prebuilt-ui/).
  route("GET", "/ui", async ({ context, url }) => {
    const found = await actionForToken(context(), url.searchParams.get("token") ?? "");
    if (!found.ok) throw new EmulatorApiError(400, found.error, "The token is not valid.");
    const { userId, actionCode, idempotencyKey, state } = found.action;
    const at = [userId, actionCode, idempotencyKey].map(encodeURIComponent).join("/");
    return {
      userId,
      action: actionCode,
      idempotencyKey,
      state,
      mode: url.searchParams.get("mode") ?? "challenge",
      complete: `${url.origin}${testApiBasePath}/actions/${at}/complete`,
    };
  }),
  route("POST", "/push/{challengeId}/approve", ({ methods, pathParams }) => {
    methods.answerPush(pathParams.challengeId as string, "APPROVED");
    return success;
  }),
  route("POST", "/push/{challengeId}/deny", ({ methods, pathParams }) => {
    methods.answerPush(pathParams.challengeId as string, "DENIED");
    return success;
  }),
  // The link an emailed magic link holds: opening it is the user's click.
  route("GET", "/magic-links/{challengeId}", ({ methods, pathParams }) => {
    methods.openMagicLink(pathParams.challengeId as string);
    return success;
  }),
  route("GET", "/webhooks/deliveries", async ({ methods }) => {
    // A test in another process cannot wait for background deliveries itself.
    await methods.flushWebhooks();
    return { deliveries: methods.webhookDeliveries() };
  }),
  route("POST", "/webhooks/flush", async ({ methods }) => {
    await methods.flushWebhooks();
    return success;
  }),
  route("POST", "/reset", ({ methods }) => {
    methods.reset();
    return success;
  }),
  route("GET", "/state", ({ methods }) => methods.exportState()),
  route("PUT", "/state", async ({ methods, request, limits }) => {
    methods.importState((await readObject(request, limits.import)) as unknown as EmulatorState);
    return success;
  }),
  route("GET", "/settings", ({ methods }) => methods.settings()),
  route("PATCH", "/settings", async ({ methods, request, limits }) =>
    methods.updateSettings((await readObject(request, limits.body)) as Partial<EmulatorSettings>),
  ),
  route("GET", "/clock", ({ methods }) => ({ now: methods.now().toISOString() })),
  route("POST", "/clock/advance", async ({ methods, request, limits }) => ({
    now: methods
      .advanceClock(durationOf(await readObject(request, limits.body), methods.now().getTime()))
      .toISOString(),
  })),
];
