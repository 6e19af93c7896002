export { AuthsignalWebhookError, type WebhookErrorCode } from "./errors.ts";
export {
  type SignWebhookPayloadOptions,
  signWebhookPayload,
  WEBHOOK_SIGNATURE_HEADER,
  type WebhookRawBody,
} from "./signature.ts";
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
  type WebhookVerifier,
} from "./verifier.ts";
