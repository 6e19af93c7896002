// The test-only API: what the emulator recorded (messages with their codes, challenges, webhook
// deliveries) and what a test needs to steer it (finish a pre-built UI challenge, reset, export
// and import, settings, the clock). The same operations are methods on the emulator and routes
// under /_emulator/v1/, which take no API key.
import { BodyTooLargeError, errorResponse, jsonResponse, readRequestBody } from "./core/http.ts";
import { EmulatorApiError, type EmulatorContext } from "./handler.ts";
import { type CompleteActionInput, type CompleteActionResult, completeAction } from "./server/actions.ts";
import type { StoredChallenge } from "./server/state.ts";
import { actionForToken } from "./server/validate.ts";
import { checkSettings, type EmulatorSettings } from "./settings.ts";
import type { EmulatorState, OutboxMessage, WebhookDelivery } from "./state.ts";

export interface MessageFilter {
  to?: string;
  channel?: OutboxMessage["channel"];
  userId?: string;
}

export interface TestApi {
  /** Messages the emulator "sent" (SMS, WhatsApp, email), oldest first, with their codes. */
  messages(filter?: MessageFilter): OutboxMessage[];
  /** The newest message to a phone number or email address. */
  lastMessage(to: string): OutboxMessage | undefined;
  /** Every OTP challenge, with its code and attempts. */
  challenges(): StoredChallenge[];
  /**
   * Does what the pre-built UI would: finishes an action's challenge as approved (SUCCEEDED) or
   * denied (FAILED), and returns the token to pass to `validateChallenge` or `createSession`.
   */
  completeAction(input: CompleteActionInput): Promise<CompleteActionResult>;
  /** Every webhook delivery attempt, with the body and X-Signature-V2 header sent. */
  webhookDeliveries(): WebhookDelivery[];
  /** Waits for webhooks still being sent in the background (authenticator events). */
  flushWebhooks(): Promise<void>;
  /** Back to the seed: everything created since is gone, and the clock is back to the wall clock. */
  reset(): void;
  /** The whole state as JSON-ready data (a copy). */
  exportState(): EmulatorState;
  /** Replaces the whole state with an exported one. */
  importState(state: EmulatorState): void;
  settings(): EmulatorSettings;
  updateSettings(settings: Partial<EmulatorSettings>): EmulatorSettings;
  /** Moves the emulator's clock forward, to test expiry; returns the new time. */
  advanceClock(milliseconds: number): Date;
  /** The emulator's clock. */
  now(): Date;
}

export interface TestApiOptions {
  state: () => EmulatorState;
  replaceState: (state: EmulatorState) => void;
  initialState: () => EmulatorState;
  context: () => EmulatorContext;
  flushWebhooks: () => Promise<void>;
}

const copy = <T>(value: T): T => structuredClone(value);
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const maxImportBytes = 512 * 1024 * 1024;

function checkImport(value: unknown): EmulatorState {
  if (!isObject(value)) throw new EmulatorApiError(400, "invalid_request", "state must be an object");
  for (const part of ["management", "server", "emulator"]) {
    if (!isObject(value[part])) throw new EmulatorApiError(400, "invalid_request", `state.${part} must be an object`);
  }
  for (const key of Object.keys(value)) {
    if (!["management", "server", "emulator"].includes(key)) {
      throw new EmulatorApiError(400, "invalid_request", `state has an unknown field "${key}"`);
    }
  }
  const problem = checkSettings((value.emulator as Record<string, unknown>).settings, "state.emulator.settings");
  if (problem) throw new EmulatorApiError(400, "invalid_request", problem);
  return value as unknown as EmulatorState;
}

export function createTestApi(options: TestApiOptions) {
  const methods: TestApi = {
    messages: (filter = {}) =>
      copy(
        options
          .state()
          .emulator.outbox.filter(
            (message) =>
              (filter.to === undefined || message.to === filter.to) &&
              (filter.channel === undefined || message.channel === filter.channel) &&
              (filter.userId === undefined || message.userId === filter.userId),
          ),
      ),
    lastMessage: (to) => copy(options.state().emulator.outbox.findLast((message) => message.to === to)),
    challenges: () => copy(Object.values(options.state().server.challenges)),
    completeAction: (input) => completeAction(options.context(), input),
    webhookDeliveries: () => copy(options.state().emulator.webhookDeliveries),
    flushWebhooks: options.flushWebhooks,
    reset: () => options.replaceState(options.initialState()),
    exportState: () => copy(options.state()),
    importState: (state) => options.replaceState(copy(checkImport(state))),
    settings: () => copy(options.state().emulator.settings),
    updateSettings(settings) {
      const problem = checkSettings(settings, "settings");
      if (problem) throw new EmulatorApiError(400, "invalid_request", problem);
      Object.assign(options.state().emulator.settings, settings);
      return copy(options.state().emulator.settings);
    },
    advanceClock(milliseconds) {
      if (!Number.isFinite(milliseconds) || milliseconds < 0) {
        throw new EmulatorApiError(400, "invalid_request", "milliseconds must be a number ≥ 0");
      }
      options.state().emulator.clockOffsetMs += milliseconds;
      return new Date(options.context().now());
    },
    now: () => new Date(options.context().now()),
  };

  async function readJson(request: Request, limit: number): Promise<Record<string, unknown>> {
    let text: string;
    try {
      text = await readRequestBody(request, limit);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        throw new EmulatorApiError(413, "request_too_large", `The request body is over ${limit} bytes.`);
      }
      throw error;
    }
    if (text.trim() === "") return {};
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new EmulatorApiError(400, "invalid_request", "The request body is not valid JSON.");
    }
    if (!isObject(value)) throw new EmulatorApiError(400, "invalid_request", "body must be a JSON object");
    return value;
  }

  async function route(request: Request, url: URL, path: string): Promise<Response> {
    const method = request.method.toUpperCase();
    const key = `${method} ${path}`;
    if (key === "GET /messages") {
      const channel = url.searchParams.get("channel") ?? undefined;
      return jsonResponse(200, {
        messages: methods.messages({
          to: url.searchParams.get("to") ?? undefined,
          channel: channel as OutboxMessage["channel"] | undefined,
          userId: url.searchParams.get("userId") ?? undefined,
        }),
      });
    }
    if (key === "GET /challenges") return jsonResponse(200, { challenges: methods.challenges() });
    if (key === "GET /webhooks/deliveries") {
      await methods.flushWebhooks();
      return jsonResponse(200, { deliveries: methods.webhookDeliveries() });
    }
    if (key === "POST /reset") {
      methods.reset();
      return jsonResponse(200, { success: true });
    }
    if (key === "GET /state") return jsonResponse(200, methods.exportState());
    if (key === "PUT /state") {
      methods.importState((await readJson(request, maxImportBytes)) as unknown as EmulatorState);
      return jsonResponse(200, { success: true });
    }
    if (key === "GET /settings") return jsonResponse(200, methods.settings());
    if (key === "PATCH /settings") return jsonResponse(200, methods.updateSettings(await readJson(request, 1 << 20)));
    if (key === "GET /clock") return jsonResponse(200, { now: methods.now().toISOString() });
    if (key === "POST /clock/advance") {
      const body = await readJson(request, 1 << 20);
      const milliseconds =
        (Number(body.milliseconds ?? 0) || 0) +
        (Number(body.seconds ?? 0) || 0) * 1e3 +
        (Number(body.minutes ?? 0) || 0) * 6e4;
      return jsonResponse(200, { now: methods.advanceClock(milliseconds).toISOString() });
    }
    if (key === "GET /ui") {
      // What the track `url` opens: the pre-built UI is not emulated, so this describes the action
      // and where to POST to finish it.
      const found = await actionForToken(options.context(), url.searchParams.get("token") ?? "");
      if (!found.ok) throw new EmulatorApiError(400, found.error, "The token is not valid.");
      const { userId, actionCode, idempotencyKey, state } = found.action;
      const at = [userId, actionCode, idempotencyKey].map(encodeURIComponent).join("/");
      return jsonResponse(200, {
        userId,
        action: actionCode,
        idempotencyKey,
        state,
        mode: url.searchParams.get("mode") ?? "challenge",
        complete: `${url.origin}/_emulator/v1/actions/${at}/complete`,
      });
    }
    const complete = /^\/actions\/([^/]+)\/([^/]+)\/([^/]+)\/complete$/.exec(path);
    if (complete && method === "POST") {
      const body = await readJson(request, 1 << 20);
      const [userId, action, idempotencyKey] = complete.slice(1).map((part) => decodeURIComponent(part)) as [
        string,
        string,
        string,
      ];
      return jsonResponse(
        200,
        await methods.completeAction({
          userId,
          action,
          idempotencyKey,
          outcome: body.outcome as CompleteActionInput["outcome"],
          verificationMethod: body.verificationMethod as string | undefined,
        }),
      );
    }
    return errorResponse(404, "not_found", `The test-only API has no ${method} ${path}.`);
  }

  return {
    methods,
    async handle(request: Request, url: URL, path: string): Promise<Response> {
      try {
        return await route(request, url, path);
      } catch (error) {
        if (error instanceof EmulatorApiError) return errorResponse(error.status, error.code, error.description);
        if (error instanceof URIError)
          return errorResponse(400, "invalid_request", "The path is not valid percent-encoding.");
        throw error;
      }
    },
  };
}
