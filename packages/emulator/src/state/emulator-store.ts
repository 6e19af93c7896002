// The writers of the emulator's own bookkeeping: the messages it "sent", the webhook deliveries it
// made, its clock, its settings and its signing keys.
import type { EmulatorSettings } from "./settings.ts";
import type { EmulatorMeta, EmulatorState, OutboxMessage, WebhookDelivery } from "./types.ts";

export function emulatorStore(current: () => EmulatorState) {
  const meta = (): EmulatorMeta => current().emulator;
  return {
    /** Records a message the emulator would have sent (SMS, WhatsApp, email). */
    recordMessage(message: OutboxMessage): void {
      meta().outbox.push(message);
    },
    /** Records one webhook POST and its outcome. */
    recordDelivery(delivery: WebhookDelivery): void {
      meta().webhookDeliveries.push(delivery);
    },
    /** Moves the clock forward; the caller has checked the advance (domain/clock.ts). */
    advanceClock(milliseconds: number): void {
      meta().clockOffsetMs += milliseconds;
    },
    /** Merges checked settings into the current ones. */
    updateSettings(settings: Partial<EmulatorSettings>): void {
      Object.assign(meta().settings, settings);
    },
    /** Keeps the action-token secret, unless one was kept meanwhile; answers the one kept. */
    keepActionTokenSecret(secret: string): string {
      const { keys } = meta();
      keys.actionTokenSecret ??= secret;
      return keys.actionTokenSecret;
    },
    /** Keeps the session key pair, unless one was kept meanwhile; answers the one kept. */
    keepSessionKey(key: NonNullable<EmulatorMeta["keys"]["session"]>): NonNullable<EmulatorMeta["keys"]["session"]> {
      const { keys } = meta();
      keys.session ??= key;
      return keys.session;
    },
  };
}
