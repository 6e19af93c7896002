// Webhook delivery: the envelope Authsignal sends, signed by the X-Signature-V2 scheme (HMAC-SHA256
// of `<t>.<body>` keyed with the Server API secret), POSTed to the URL the
// tenant configured for the event. Message and verify events are synchronous: the caller waits
// and a failed delivery fails the request. Authenticator events are sent in the background;
// `flush()` waits for them. Every attempt is kept in the delivery log with its signature.

import type { Frozen } from "../state/frozen.ts";
import { entry } from "../state/records.ts";
import type { EmulatorState, WebhookDelivery } from "../state/types.ts";
import type { WebhookEventInput } from "./context.ts";
import { EmulatorApiError } from "./errors.ts";

// Signed by the server package's own signer, the one its verifier is tested against, so the
// emulator cannot sign a way the clients do not verify; loaded with the first delivery.
const signer = () => import("@authsignal-ts/server");

interface Target {
  url: string;
  synchronous: boolean;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
}

/** Where the tenant sends an event, if anywhere. */
function targetFor(state: Frozen<EmulatorState>, event: WebhookEventInput): Target | undefined {
  const { management } = state;
  const methodConfig = (path: "sms" | "email-otp" | "push") => {
    const config = asRecord(management.authenticatorConfigurations[path]);
    const url = config?.webhookUrl;
    return typeof url === "string" && url !== "" && config?.isActive !== false ? url : undefined;
  };
  let url: string | undefined;
  let synchronous = true;
  if (event.type === "sms.created") url = methodConfig("sms");
  else if (event.type === "email.created") url = methodConfig("email-otp");
  else if (event.type === "push.created") url = methodConfig("push");
  else if (event.type === "action.verify") {
    url = entry(management.actionConfigurations, String(event.data.action))?.verificationWebhookUrl;
  } else if (event.type.startsWith("authenticator.")) {
    url = management.tenant.authenticatorEventsWebhookConfig?.url;
    synchronous = false;
  }
  return url ? { url, synchronous } : undefined;
}

export interface WebhookDispatcherOptions {
  state: () => Frozen<EmulatorState>;
  /** Keeps a delivery in the log (the store's recordDelivery). */
  recordDelivery: (delivery: WebhookDelivery) => void;
  serverSecret: string;
  fetch: typeof globalThis.fetch;
  now: () => number;
  /** Called once a delivery no request waits for is recorded: with a data dir, its commit. */
  recordedInBackground?: () => void;
}

export function createWebhookDispatcher(options: WebhookDispatcherOptions) {
  const pending = new Set<Promise<unknown>>();
  // Background events go out one at a time, in the order they were raised: signing awaits the
  // thread pool, where two deliveries started together can finish in either order, and a receiver
  // (or a test) that gets `authenticator.deleted` before `authenticator.created` sees a history
  // that never happened.
  let lastInLine: Promise<unknown> = Promise.resolve();

  async function deliver(
    state: Frozen<EmulatorState>,
    url: string,
    event: WebhookEventInput,
  ): Promise<WebhookDelivery> {
    const nowMs = options.now();
    const eventId = crypto.randomUUID();
    const body = JSON.stringify({
      version: 1,
      id: eventId,
      source: "https://authsignal.com",
      time: new Date(nowMs).toISOString(),
      tenantId: state.management.tenant.tenantId ?? "",
      type: event.type,
      data: event.data,
    });
    // Signed on the emulator's clock, like every time it reports: after a clock advance, verify
    // with a tolerance of 0 (or advance nothing) as the receiver's clock has not moved.
    const { signWebhookPayload } = await signer();
    const signature = await signWebhookPayload({
      payload: body,
      apiSecretKey: options.serverSecret,
      timestamp: Math.floor(nowMs / 1000),
    });
    const delivery: WebhookDelivery = {
      deliveryId: crypto.randomUUID(),
      eventId,
      type: event.type,
      url,
      body,
      signature,
      deliveredAt: new Date(nowMs).toISOString(),
    };
    try {
      const response = await options.fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-signature-v2": signature },
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(state.emulator.settings.webhookTimeoutMs),
      });
      delivery.status = response.status;
      await response.body?.cancel();
    } catch (error) {
      delivery.error = error instanceof Error ? error.message : String(error);
    }
    options.recordDelivery(delivery);
    return delivery;
  }

  return {
    /** Raises an event; rejects with a 500 when a synchronous receiver does not answer 2xx. */
    async emit(event: WebhookEventInput): Promise<void> {
      const state = options.state();
      const target = targetFor(state, event);
      if (!target) return;
      if (!target.synchronous) {
        const delivery = lastInLine
          .then(() => deliver(state, target.url, event))
          .then(() => {
            try {
              options.recordedInBackground?.();
            } catch {
              // A commit that failed keeps its records marked, and the next commit writes them.
            }
          })
          .finally(() => pending.delete(delivery));
        lastInLine = delivery.catch(() => undefined);
        pending.add(delivery);
        return;
      }
      const delivery = await deliver(state, target.url, event);
      if (delivery.status === undefined || delivery.status < 200 || delivery.status > 299) {
        throw new EmulatorApiError(
          500,
          "webhook_delivery_failed",
          `The ${event.type} webhook at the configured URL answered ${delivery.status ?? delivery.error}.`,
        );
      }
    },
    /** Waits for every background delivery started so far. */
    async flush(): Promise<void> {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
