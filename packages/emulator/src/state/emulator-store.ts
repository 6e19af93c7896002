// The writers of the emulator's own bookkeeping: the messages it "sent", the webhook deliveries it
// made, its clock, its settings and its signing keys.
import type { MarkChanged } from "./changes.ts";
import type { EmulatorSettings } from "./settings.ts";
import type { EmulatorMeta, EmulatorState, OutboxMessage, WebhookDelivery } from "./types.ts";

export function emulatorStore(current: () => EmulatorState, mark: MarkChanged) {
  const meta = (): EmulatorMeta => current().emulator;
  const append = <Item>(kind: "emulator.outbox" | "emulator.webhookDeliveries", list: Item[], item: Item) => {
    mark(kind, String(list.push(item) - 1));
  };
  return {
    /** Records a message the emulator would have sent (SMS, WhatsApp, email). */
    recordMessage(message: OutboxMessage): void {
      append("emulator.outbox", meta().outbox, message);
    },
    /** Records one webhook POST and its outcome. */
    recordDelivery(delivery: WebhookDelivery): void {
      append("emulator.webhookDeliveries", meta().webhookDeliveries, delivery);
    },
    /** Moves the clock forward; the caller has checked the advance (domain/clock.ts). */
    advanceClock(milliseconds: number): void {
      meta().clockOffsetMs += milliseconds;
      mark("emulator.clockOffsetMs");
    },
    /** Merges checked settings into the current ones. */
    updateSettings(settings: Partial<EmulatorSettings>): void {
      Object.assign(meta().settings, settings);
      mark("emulator.settings");
    },
    /** Keeps the action-token secret, unless one was kept meanwhile; answers the one kept. */
    keepActionTokenSecret(secret: string): string {
      const { keys } = meta();
      keys.actionTokenSecret ??= secret;
      mark("emulator.keys");
      return keys.actionTokenSecret;
    },
    /** Keeps the session key pair, unless one was kept meanwhile; answers the one kept. */
    keepSessionKey(key: NonNullable<EmulatorMeta["keys"]["session"]>): NonNullable<EmulatorMeta["keys"]["session"]> {
      const { keys } = meta();
      keys.session ??= key;
      mark("emulator.keys");
      return keys.session;
    },
  };
}
