// connectEmulator: the test-only API of an emulator running in another process (the CLI, or
// startEmulator in a vitest globalSetup), with the in-process methods' names and arguments. Each
// method is one request to a documented route under /_emulator/v1 and nothing more, so it depends
// on the routes, not on how the emulator is built inside.

import type { CompleteActionResult } from "./api/server/actions.ts";
import type { JournalEntry } from "./api/testing/journal.ts";
import type { Health, TestApi } from "./api/testing/test-api.ts";
import { EmulatorApiError } from "./domain/errors.ts";
import type { StoredChallenge } from "./state/server.ts";
import type { EmulatorSettings } from "./state/settings.ts";
import type { EmulatorState, OutboxMessage, WebhookDelivery } from "./state/types.ts";

/**
 * The emulator's test-only API over HTTP: each method of the in-process `TestApi`, taking the same
 * arguments and returning a promise of the same result. An error answer rejects with an
 * `EmulatorApiError` carrying its status, code and description.
 */
export type EmulatorConnection = {
  [Method in keyof TestApi]: (...args: Parameters<TestApi[Method]>) => Promise<Awaited<ReturnType<TestApi[Method]>>>;
};

const example = "http://127.0.0.1:4010";

function baseUrlOf(url: string | URL): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(
      `connectEmulator: url must be the emulator's URL, such as ${example}, not ${JSON.stringify(String(url))}`,
    );
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new TypeError(
      `connectEmulator: url must be an http: or https: URL, such as ${example}, not ${parsed.protocol}`,
    );
  }
  // The APIs' base URLs (…/v1, …/v1/management) are the likeliest mistake: the test-only API is at the root.
  if (parsed.pathname !== "/" || parsed.search !== "" || parsed.hash !== "") {
    throw new TypeError(
      `connectEmulator: url must be the emulator's URL without a path, such as ${example}, not ${parsed.href}`,
    );
  }
  return parsed;
}

function isErrorBody(value: unknown): value is { errorCode: string; errorDescription: string } {
  const body = value as Record<string, unknown> | null;
  return typeof body?.errorCode === "string" && typeof body.errorDescription === "string";
}

/** Connects to the emulator at `url` (`http://127.0.0.1:4010`); nothing is sent until a method is called. */
export function connectEmulator(url: string | URL): EmulatorConnection {
  const base = baseUrlOf(url);

  async function call<Result>(method: string, path: string, body?: unknown): Promise<Result> {
    const target = new URL(`/_emulator/v1${path}`, base);
    const request = `${method} ${target.pathname}`;
    let response: Response;
    try {
      response = await fetch(target, {
        method,
        ...(body !== undefined && { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
      });
    } catch (error) {
      const cause = (error as Error).cause instanceof Error ? ((error as Error).cause as Error) : (error as Error);
      throw new Error(`Cannot reach the emulator at ${base.origin} (${request}): ${cause.message}`, { cause: error });
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (response.ok && json !== undefined) return json as Result;
    if (!response.ok && isErrorBody(json))
      throw new EmulatorApiError(response.status, json.errorCode, json.errorDescription);
    throw new EmulatorApiError(
      response.status,
      "unexpected_response",
      `${base.origin} answered ${request} with ${response.status} and no emulator JSON; is an Authsignal emulator listening there?`,
    );
  }

  const connection: EmulatorConnection = {
    health: () => call<Health>("GET", "/health"),
    async requests(filter = {}) {
      const query = new URLSearchParams(
        Object.entries(filter)
          .filter((entry) => entry[1] !== undefined)
          .map(([name, value]) => [name, String(value)]),
      );
      const search = query.size > 0 ? `?${query}` : "";
      return (await call<{ requests: JournalEntry[] }>("GET", `/requests${search}`)).requests;
    },
    clearRequests: async () => {
      await call("DELETE", "/requests");
    },
    async messages(filter = {}) {
      const query = new URLSearchParams(
        Object.entries(filter).filter((entry): entry is [string, string] => entry[1] !== undefined),
      );
      const search = query.size > 0 ? `?${query}` : "";
      return (await call<{ messages: OutboxMessage[] }>("GET", `/messages${search}`)).messages;
    },
    lastMessage: async (to) => (await connection.messages({ to })).at(-1),
    challenges: async () => (await call<{ challenges: StoredChallenge[] }>("GET", "/challenges")).challenges,
    completeAction: ({ userId, action, idempotencyKey, ...body }) =>
      call<CompleteActionResult>(
        "POST",
        `/actions/${[userId, action, idempotencyKey].map(encodeURIComponent).join("/")}/complete`,
        body,
      ),
    answerPush: async (challengeId, answer) => {
      const verb =
        answer === "APPROVED" ? "approve" : answer === "DENIED" ? "deny" : encodeURIComponent(String(answer));
      await call("POST", `/push/${encodeURIComponent(challengeId)}/${verb}`);
    },
    openMagicLink: async (challengeId) => {
      await call("GET", `/magic-links/${encodeURIComponent(challengeId)}`);
    },
    webhookDeliveries: async () =>
      (await call<{ deliveries: WebhookDelivery[] }>("GET", "/webhooks/deliveries")).deliveries,
    flushWebhooks: async () => {
      await call("POST", "/webhooks/flush");
    },
    reset: async () => {
      await call("POST", "/reset");
    },
    exportState: () => call<EmulatorState>("GET", "/state"),
    importState: async (state) => {
      await call("PUT", "/state", state);
    },
    settings: () => call<EmulatorSettings>("GET", "/settings"),
    updateSettings: (settings) => call<EmulatorSettings>("PATCH", "/settings", settings),
    advanceClock: async (milliseconds) =>
      new Date((await call<{ now: string }>("POST", "/clock/advance", { milliseconds })).now),
    now: async () => new Date((await call<{ now: string }>("GET", "/clock")).now),
  };
  return connection;
}
