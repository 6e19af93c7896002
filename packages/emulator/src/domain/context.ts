// What a handler, and the domain code it calls, is given for one request: the state to read, the
// store to change it through, the clock, a source of IDs and a way to raise webhook events.
import type { Frozen } from "../state/frozen.ts";
import type { Store } from "../state/store.ts";
import type { EmulatorState } from "../state/types.ts";

/** A webhook event a handler raises; the emulator signs and delivers it to the tenant's URLs. */
export interface WebhookEventInput {
  type: string;
  data: Record<string, unknown>;
}

export interface ApiContext {
  /** All state of this emulator instance, read-only: it changes only through `store`. */
  readonly state: Frozen<EmulatorState>;
  /** The writers of the state (state/store.ts). */
  readonly store: Store;
  /** The emulator's clock in milliseconds since the epoch (advanced by the test-only API). */
  now(): number;
  /** A fresh random UUID. */
  randomId(): string;
  /** Raises a webhook event (delivery is the emulator's job, not the handler's). */
  emit(event: WebhookEventInput): Promise<void>;
}
