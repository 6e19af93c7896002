// Event types come from the spec's `webhooks` (openapi/server/webhooks/), via the generated
// schema, so a new event in the spec is a new member here without a hand-written type.
import type { WebhookLogEventBatch, webhooks } from "../generated/schema.ts";

type RequestBody<Name extends keyof webhooks> = webhooks[Name]["post"] extends {
  requestBody: { content: { "application/json": infer Body } };
}
  ? Body
  : never;

type WebhookBody = { [Name in keyof webhooks]: RequestBody<Name> }[keyof webhooks];

/**
 * Every event `constructEvent` resolves to. Switch on `type` to narrow `data`:
 * `if (event.type === "sms.created") send(event.data.to, event.data.code)`.
 * Authsignal may add event types before this package knows them, so keep a default branch.
 */
export type WebhookEvent = Exclude<WebhookBody, WebhookLogEventBatch>;

/** The `type` of every event `constructEvent` resolves to, such as `"email.created"`. */
export type WebhookEventType = WebhookEvent["type"];

/** The event of one type: `WebhookEventOf<"email.created">` is `EmailCreatedEvent`. */
export type WebhookEventOf<Type extends WebhookEventType> = Extract<WebhookEvent, { type: Type }>;

// `WebhookLogEventBatch`, what `constructLogEventBatch` resolves to, is the spec's own schema.

/** One event in a log batch. Switch on `type` to narrow `record`. */
export type WebhookLogEvent = WebhookLogEventBatch["records"][number];

/** The `type` of a log event: `"action.log_created"` or `"challenge.log_created"`. */
export type WebhookLogEventType = WebhookLogEvent["type"];
