// createEmulator: the whole emulator as one Web-standard `fetch`, with no network of its own
// (webhooks aside, which go out through the `webhookFetch` it is given).

import { clientHandlers } from "./api/client/index.ts";
import { createChangeFeed } from "./api/console/changes.ts";
import { managementHandlers } from "./api/management/index.ts";
import { serverHandlers } from "./api/server/index.ts";
import { createJournal, type RequestNote } from "./api/testing/journal.ts";
import { createTestApi, type StoreDescription, type TestApi } from "./api/testing/test-api.ts";
import { type PersistedState, persistedState } from "./data-dir.ts";
import type { ApiContext } from "./domain/context.ts";
import { randomUuid } from "./domain/random.ts";
import { createWebhookDispatcher } from "./domain/webhooks.ts";
import { type Answer, type Call, callOfRequest, responseOf } from "./http/exchange.ts";
import type { Later } from "./http/later.ts";
import { emulatorVersion, errorResponse } from "./http/responses.ts";
import { route } from "./http/router.ts";
import { areaOf } from "./http/routes.ts";
import { type BodyLimits, bodyLimits } from "./http/test-api-routes.ts";
import { DEFAULT_MANAGEMENT_SECRET, DEFAULT_SERVER_SECRET } from "./secrets.ts";
import { checkSeed, type EmulatorSeed, EmulatorSeedError } from "./seed/check.ts";
import {
  createManagementState,
  type ManagementSeed,
  ManagementSeedError,
  managementSeedKeys,
} from "./seed/management.ts";
import { noteSeededActions, seedServerState } from "./seed/server.ts";
import { importProblem } from "./spec/state-check.ts";
import type { KeyedApi } from "./spec/tables.ts";
import { withPrototypeFreeRecords } from "./state/records.ts";
import { checkSettings, defaultSettings, type EmulatorSettings } from "./state/settings.ts";
import { createStore } from "./state/store.ts";
import type { EmulatorState } from "./state/types.ts";

export interface EmulatorOptions {
  /** The state to start from, and to return to on `reset()`: an object, checked like a seed file. */
  seed?: EmulatorSeed;
  /** Overrides the seed's `secrets.server`; defaults to `sk_emulator_server`. */
  serverSecret?: string;
  /** Overrides the seed's `secrets.management`; defaults to `sk_emulator_management`. */
  managementSecret?: string;
  /** Overrides the seed's settings. */
  settings?: Partial<EmulatorSettings>;
  /** How webhooks are sent; defaults to the global fetch. Pass a function to receive them in-process. */
  webhookFetch?: typeof globalThis.fetch;
  /** Largest request body accepted, in bytes (default 1 MiB), by the APIs and the test-only API; larger ones get a 413. A state import (`PUT /_emulator/v1/state`) may be up to 64 MiB, or this if larger. */
  maxBodyBytes?: number;
  /** The wall clock the emulator's clock starts from (default Date.now); `advanceClock` adds to it. */
  now?: () => number;
  /**
   * Refuse a request body with a field the spec does not know (400 naming it), instead of ignoring
   * the field as the live API does. Overrides the seed's and `settings`' `strict`.
   */
  strict?: boolean;
  /** Called with one line for each request answered (the CLI's `--verbose`): method, path, status, duration, warnings. */
  requestLog?: (line: string) => void;
  /**
   * A directory to keep the state in (made if missing), so that it survives a kill and a restart
   * continues where it stopped: each write is on disk before its answer leaves. A dir that holds a
   * state starts from it; a fresh one from the seed. Needs Node 22.13 or later (node:sqlite). One
   * emulator at a time: a second on the same dir is refused. Without it the state is in memory.
   */
  dataDir?: string;
}

const memoryStore: StoreDescription = {
  store: "memory",
  description: "The state lives in this process's memory and is lost when it stops (export it with GET /state).",
};

/** A request URL's path and query, without parsing it: this runs for every request. */
const targetOf = (url: string) => url.slice(url.indexOf("/", url.indexOf("//") + 2));

/** The line `requestLog` is given: `POST /v1/track 200 3.1ms` and any warning. */
function requestLine(method: string, path: string, status: number, durationMs: number, note: RequestNote): string {
  const warnings = note.warnings?.length ? ` (${note.warnings.join("; ")})` : "";
  const errors = note.errors?.length ? `: ${note.errors.join("; ")}` : "";
  return `${method} ${path} ${status} ${durationMs.toFixed(1)}ms${errors}${warnings}`;
}

export interface Emulator extends TestApi {
  /** Answers a request as Authsignal would. Pass it as `fetch` to our clients to test with no port. */
  fetch(input: Request | string | URL, init?: RequestInit): Promise<Response>;
  /** The Server API secret key this emulator accepts. */
  readonly serverSecret: string;
  /** The Management API secret key this emulator accepts. */
  readonly managementSecret: string;
  /** Whether the state came from the data dir (a restart), not the seed. */
  readonly resumed: boolean;
  /** Closes the data dir, releasing it for another emulator; nothing to do in memory. */
  close(): void;
}

function checkSecret(value: unknown, field: string): string {
  if (typeof value !== "string" || value.trim() === "" || value.includes(":")) {
    throw new TypeError(`${field} must be a non-empty string without a colon`);
  }
  return value;
}

/** The Management part of the seed, loaded by the Management API's own loader. */
function managementStateOf(seed: EmulatorSeed) {
  const entries = Object.entries(seed).filter(([key]) => (managementSeedKeys as readonly string[]).includes(key));
  try {
    return createManagementState(entries.length === 0 ? undefined : (Object.fromEntries(entries) as ManagementSeed));
  } catch (error) {
    if (error instanceof ManagementSeedError) throw new EmulatorSeedError(error.message);
    throw error;
  }
}

/**
 * The key of what the node:http adapter needs of an emulator besides its public type: its answer to a
 * call (without a Web Request), and the largest bodies it reads.
 */
export const emulatorEdge = Symbol("authsignal-emulator.edge");

interface EmulatorEdge {
  answer(call: Call): Promise<Answer>;
  limits: BodyLimits;
}

const edgeOf = (emulator: Emulator) => (emulator as unknown as Record<typeof emulatorEdge, EmulatorEdge>)[emulatorEdge];

/** The answer to a call that the emulator made with createEmulator gives. */
export const answerOf = (emulator: Emulator, call: Call): Promise<Answer> => edgeOf(emulator).answer(call);

/** The largest bodies the emulator reads: its maxBodyBytes, and a state import's. */
export const bodyLimitsOf = (emulator: Emulator): BodyLimits => edgeOf(emulator).limits;

/** The test-only API's methods, each committing what it wrote before it returns (or resolves). */
function committing(commit: () => void, methods: TestApi): TestApi {
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(methods) as [string, (...args: unknown[]) => unknown][]) {
    wrapped[name] = (...args: unknown[]) => {
      const result = method(...args);
      if (!(result instanceof Promise)) {
        commit();
        return result;
      }
      return result.then((value) => {
        commit();
        return value;
      });
    };
  }
  return wrapped as unknown as TestApi;
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const seed = checkSeed(options.seed ?? {}, managementSeedKeys);
  if (options.settings !== undefined) {
    const problem = checkSettings(options.settings, "settings");
    if (problem) throw new EmulatorSeedError(problem);
  }
  const secrets: Record<KeyedApi, string> = {
    server: checkSecret(options.serverSecret ?? seed.secrets?.server ?? DEFAULT_SERVER_SECRET, "serverSecret"),
    management: checkSecret(
      options.managementSecret ?? seed.secrets?.management ?? DEFAULT_MANAGEMENT_SECRET,
      "managementSecret",
    ),
  };
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  if (options.strict !== undefined && typeof options.strict !== "boolean")
    throw new TypeError("strict must be a boolean");
  const wallClock = options.now ?? Date.now;
  const createdAt = wallClock();

  const initialState = (): EmulatorState => {
    const management = managementStateOf(seed);
    const settings = {
      ...defaultSettings,
      ...seed.settings,
      ...options.settings,
      ...(options.strict !== undefined && { strict: options.strict }),
    };
    const emulator = {
      settings,
      clockOffsetMs: 0,
      keys: {},
      outbox: [],
      webhookDeliveries: [],
    };
    const server = seedServerState(seed, new Date(wallClock()).toISOString(), settings.otpLifetimeMinutes);
    noteSeededActions(server, management);
    return withPrototypeFreeRecords({ management, server, emulator });
  };

  const persisted: PersistedState | undefined =
    options.dataDir === undefined
      ? undefined
      : persistedState(options.dataDir, initialState, wallClock(), (): EmulatorState => state);
  let state: EmulatorState = persisted?.state ?? initialState();
  // Each answer leaves only once what it wrote is on disk; in memory there is nothing to do.
  const commit = persisted ? persisted.journal.commit : () => {};
  const now = () => wallClock() + state.emulator.clockOffsetMs;
  // Every write, and every request recorded, moves the console's live views on.
  const changes = createChangeFeed();
  const store = createStore(
    () => state,
    (next) => {
      state = next;
    },
    {
      mark(kind, id, inner) {
        persisted?.journal.mark(kind, id, inner);
        changes.changed();
      },
      replaced() {
        persisted?.journal.replaced();
        changes.changed();
      },
    },
  );
  const webhooks = createWebhookDispatcher({
    state: () => state,
    recordDelivery: store.emulator.recordDelivery,
    // Recorded after the request that raised it has answered, so committed on its own; a delivery
    // a request waits for is committed with the request's other writes.
    recordedInBackground: commit,
    serverSecret: secrets.server,
    fetch: options.webhookFetch ?? ((input, init) => globalThis.fetch(input, init)),
    now,
  });
  const context = (): ApiContext => ({ state, store, now, randomId: randomUuid, emit: webhooks.emit });
  const pipeline = {
    secrets,
    handlers: { server: serverHandlers, management: managementHandlers, client: clientHandlers },
    maxBodyBytes,
    context,
  };
  const journal = createJournal(() => state.emulator.settings.journalLimit);
  const testApi = committing(
    commit,
    createTestApi({
      state: () => state,
      store,
      importProblem,
      initialState,
      context,
      flushWebhooks: webhooks.flush,
      journal,
      storage: persisted
        ? {
            store: "data-dir",
            description: `The state is kept in ${options.dataDir}: each write is on disk before its answer leaves, and a restart on the dir continues from it.`,
          }
        : memoryStore,
      version: emulatorVersion,
      uptimeMs: () => wallClock() - createdAt,
    }),
  );
  const requestLog = options.requestLog;

  /**
   * Keeps what the journal and the log need, after the answer; the test-only API's own requests and
   * the console's are not kept (the console's would each be a change, and so another request).
   */
  function record(call: Call, answered: Answer, startedAt: number, timeMs: number, note: RequestNote) {
    const area = areaOf(call.url.pathname);
    if (area === "test-api" || area === "console") return;
    changes.changed();
    const durationMs = performance.now() - startedAt;
    journal.record({ timeMs, method: call.method, url: call.url.href, status: answered.status, durationMs, note });
    if (requestLog) {
      requestLog(requestLine(call.method, targetOf(call.url.href), answered.status, durationMs, note));
    }
  }

  /**
   * The answer to a call, once what it wrote is committed (on disk with a data dir), recorded in the
   * journal and the log: what `fetch` and node:http both answer through.
   */
  function answer(call: Call): Promise<Answer> {
    try {
      return answerOrThrow(call);
    } catch (error) {
      // A clock or a request log that throws: the caller's promise rejects, as it did when this was async.
      return Promise.reject(error);
    }
  }

  function answerOrThrow(call: Call): Promise<Answer> {
    const startedAt = performance.now();
    const timeMs = now();
    const note: RequestNote = {};
    const failed = (error: unknown) =>
      errorResponse(500, "internal_error", `The emulator failed: ${(error as Error).message}`);
    const finish = (routed: Answer): Answer => {
      let answered = routed;
      try {
        commit();
      } catch (error) {
        answered = errorResponse(
          500,
          "state_not_saved",
          `The emulator could not save the state: ${(error as Error).message}`,
        );
      }
      record(call, answered, startedAt, timeMs, note);
      return answered;
    };
    let routed: Later<Answer>;
    try {
      routed = route(call, routing, note);
    } catch (error) {
      routed = failed(error);
    }
    // One turn for the answer and for a failure alike, not one to catch and another to finish.
    return routed instanceof Promise
      ? routed.then(finish, (error: unknown) => finish(failed(error)))
      : Promise.resolve(finish(routed));
  }

  const routing = {
    ...pipeline,
    changes,
    testApi,
    testApiLimits: bodyLimits(maxBodyBytes),
  };

  const emulator = {
    async fetch(input: Request | string | URL, init?: RequestInit): Promise<Response> {
      let request: Request;
      try {
        request = input instanceof Request && init === undefined ? input : new Request(input, init);
      } catch (error) {
        return responseOf(
          errorResponse(400, "invalid_request", `The request could not be read: ${(error as Error).message}`),
        );
      }
      return responseOf(await answer(callOfRequest(request)));
    },
    ...testApi,
    close() {
      changes.close();
      persisted?.close();
    },
  };
  // Not enumerable, so the keys stay out of JSON.stringify and util.inspect of the emulator.
  Object.defineProperties(emulator, {
    serverSecret: { get: () => secrets.server, enumerable: false },
    managementSecret: { get: () => secrets.management, enumerable: false },
    [emulatorEdge]: { value: { answer, limits: routing.testApiLimits } satisfies EmulatorEdge, enumerable: false },
    resumed: { value: persisted?.resumed ?? false, enumerable: false },
  });
  return emulator as Emulator;
}
