export { AuthsignalWebhookError, type WebhookErrorCode } from "./errors.ts";
export type { SignWebhookPayloadOptions, WebhookRawBody } from "./signature.ts";
export type {
  WebhookEvent,
  WebhookEventOf,
  WebhookEventType,
  WebhookLogEvent,
  WebhookLogEventType,
} from "./types.ts";
export {
  constructWebhookEvent,
  constructWebhookLogEventBatch,
  createWebhookVerifier,
  signWebhookPayload,
  WEBHOOK_SIGNATURE_HEADER,
  type WebhookVerifier,
} from "./verifier.ts";
