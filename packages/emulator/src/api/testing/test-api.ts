// The test-only API: what the emulator recorded (messages with their codes, challenges, webhook
// deliveries, the request journal), its health, and what a test needs to steer it (finish a
// pre-built UI challenge, reset, export and import, settings, the clock). The same operations are
// methods on the emulator, routes under /_emulator/v1/ that take no API key (test-api-routes.ts),
// and the methods of connectEmulator.

import { clockAdvanceProblem } from "../../domain/clock.ts";
import type { ApiContext } from "../../domain/context.ts";
import { EmulatorApiError } from "../../domain/errors.ts";
import { withPrototypeFreeRecords } from "../../state/records.ts";
import type { StoredChallenge } from "../../state/server.ts";
import { checkSettings, type EmulatorSettings } from "../../state/settings.ts";
import type { Store } from "../../state/store.ts";
import type { EmulatorState, OutboxMessage, WebhookDelivery } from "../../state/types.ts";
import { type CompleteActionInput, type CompleteActionResult, completeAction } from "../server/actions.ts";
import type { Journal, JournalEntry, RequestFilter } from "./journal.ts";

export interface MessageFilter {
  to?: string;
  channel?: OutboxMessage["channel"];
  userId?: string;
}

/** Where the emulator keeps its state, as `health()` reports it. */
export interface StoreDescription {
  /** `memory`: the state lives in this process and is gone when it stops. */
  store: string;
  /** One sentence on what the store keeps and when it loses it. */
  description: string;
}

export interface Health extends StoreDescription {
  ready: true;
  /** The emulator package's version. */
  version: string;
  /** Since the emulator was created, by the wall clock (advanceClock does not move it). */
  uptimeMs: number;
}

export interface TestApi {
  /** Whether it is ready, its version, how long it has run and where it keeps its state. */
  health(): Health;
  /**
   * The requests to the APIs it answered, oldest first, at most the `journalLimit` setting's
   * newest; secrets and codes in bodies and queries redacted unless `redact: false`.
   */
  requests(filter?: RequestFilter): JournalEntry[];
  /** Empties the request journal. */
  clearRequests(): void;
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
  /**
   * Does what the user's phone would: approves or denies a Client API push challenge, which the
   * page's next verify then reads. A push already answered, or expired, is a 400.
   */
  answerPush(challengeId: string, answer: "APPROVED" | "DENIED"): void;
  /** Does what the user's click would: opens an emailed magic link (its `link` is in the outbox). */
  openMagicLink(challengeId: string): void;
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
  store: Store;
  /** The first problem of a state to import (spec/state-check.ts), given by the emulator: the check uses the spec layer's validators. */
  importProblem: (value: unknown, wallClockMs: number) => string | undefined;
  initialState: () => EmulatorState;
  context: () => ApiContext;
  flushWebhooks: () => Promise<void>;
  journal: Journal;
  /** Where the state is kept: the composition root knows which store it built. */
  storage: StoreDescription;
  version: string;
  /** The wall clock's reading now, and when the emulator was created. */
  uptimeMs: () => number;
}

const copy = <T>(value: T): T => structuredClone(value);

const channels: OutboxMessage["channel"][] = ["SMS", "WHATSAPP", "EMAIL"];

/** An import checked whole against the state's schema and invariants (spec/state-check.ts), before anything is replaced. */
function checkImport(options: TestApiOptions, value: unknown, wallClockMs: number): EmulatorState {
  const problem = options.importProblem(value, wallClockMs);
  if (problem) throw new EmulatorApiError(400, "invalid_request", problem);
  return value as EmulatorState;
}

export function createTestApi(options: TestApiOptions): TestApi {
  const methods: TestApi = {
    health: () => ({ ready: true, version: options.version, uptimeMs: options.uptimeMs(), ...options.storage }),
    requests(filter = {}) {
      if (filter.status !== undefined && !/^([1-5]\d\d|[1-5]xx)$/i.test(String(filter.status))) {
        throw new EmulatorApiError(
          400,
          "invalid_request",
          "status must be a status such as 400, or a class such as 4xx",
        );
      }
      return options.journal.read(filter);
    },
    clearRequests: () => options.journal.clear(),
    messages(filter = {}) {
      if (filter.channel !== undefined && !channels.includes(filter.channel)) {
        throw new EmulatorApiError(400, "invalid_request", `channel must be one of ${channels.join(", ")}`);
      }
      return copy(
        options
          .state()
          .emulator.outbox.filter(
            (message) =>
              (filter.to === undefined || message.to === filter.to) &&
              (filter.channel === undefined || message.channel === filter.channel) &&
              (filter.userId === undefined || message.userId === filter.userId),
          ),
      );
    },
    lastMessage: (to) => copy(options.state().emulator.outbox.findLast((message) => message.to === to)),
    challenges: () => copy(Object.values(options.state().server.challenges)),
    completeAction: (input) => completeAction(options.context(), input),
    answerPush(challengeId, answer) {
      if (answer !== "APPROVED" && answer !== "DENIED") {
        throw new EmulatorApiError(400, "invalid_request", 'answer must be "APPROVED" or "DENIED"');
      }
      if (!options.store.server.answerPush(challengeId, answer, options.context().now())) {
        throw new EmulatorApiError(400, "invalid_request", `No open, unanswered push challenge ${challengeId}.`);
      }
    },
    openMagicLink(challengeId) {
      const context = options.context();
      if (!options.store.server.openMagicLink(challengeId, new Date(context.now()).toISOString(), context.now())) {
        throw new EmulatorApiError(400, "invalid_request", `No open, unopened magic link ${challengeId}.`);
      }
    },
    webhookDeliveries: () => copy(options.state().emulator.webhookDeliveries),
    flushWebhooks: options.flushWebhooks,
    reset: () => options.store.replaceAll(options.initialState()),
    exportState: () => copy(options.state()),
    importState(state) {
      const wallClockMs = options.context().now() - options.state().emulator.clockOffsetMs;
      options.store.replaceAll(withPrototypeFreeRecords(copy(checkImport(options, state, wallClockMs))));
    },
    settings: () => copy(options.state().emulator.settings),
    updateSettings(settings) {
      const problem = checkSettings(settings, "settings");
      if (problem) throw new EmulatorApiError(400, "invalid_request", problem);
      options.store.emulator.updateSettings(settings);
      return copy(options.state().emulator.settings);
    },
    advanceClock(milliseconds) {
      const problem = clockAdvanceProblem(options.context().now(), milliseconds, "milliseconds");
      if (problem) throw new EmulatorApiError(400, "invalid_request", problem);
      options.store.emulator.advanceClock(milliseconds);
      return new Date(options.context().now());
    },
    now: () => new Date(options.context().now()),
  };

  return methods;
}
