// All state of one emulator instance, as plain JSON-serializable data so that export and import
// are JSON.stringify and JSON.parse, and two instances never share anything.
import type { ManagementState } from "./management.ts";
import type { ServerState } from "./server.ts";
import type { EmulatorSettings } from "./settings.ts";

/** A message the emulator would have sent: the outbox replaces the SMS, WhatsApp and email providers. */
export interface OutboxMessage {
  messageId: string;
  channel: "SMS" | "WHATSAPP" | "EMAIL";
  to: string;
  /** The one-time code; "" for a magic link, which carries `link` instead. */
  code: string;
  /** A magic link's: the test-only API route that opens it, as the user's click would. */
  link?: string;
  challengeId: string;
  userId?: string;
  actionCode: string;
  idempotencyKey: string;
  createdAt: string;
}

/** One POST of a webhook event to a tenant's URL, with the exact body and signature sent. */
export interface WebhookDelivery {
  deliveryId: string;
  eventId: string;
  type: string;
  url: string;
  body: string;
  signature: string;
  /** The receiver's HTTP status, or undefined when it could not be reached. */
  status?: number;
  error?: string;
  deliveredAt: string;
}

/** The emulator's own bookkeeping: settings, clock, signing keys and what it recorded. */
export interface EmulatorMeta {
  settings: EmulatorSettings;
  /** Added to the wall clock by the test-only clock advance. */
  clockOffsetMs: number;
  keys: {
    /** Signs track and challenge tokens (HS256), base64url; made on first use, as loading Web Crypto was a twentieth of a start. */
    actionTokenSecret?: string;
    /** Signs session access tokens (RS256); made on first use, as generating it takes a while. */
    session?: { kid: string; privateJwk: Record<string, unknown>; publicJwk: Record<string, unknown> };
  };
  outbox: OutboxMessage[];
  webhookDeliveries: WebhookDelivery[];
}

export interface EmulatorState {
  /** Tenant configuration: what the Management API reads and writes. */
  management: ManagementState;
  /** Users, authenticators, devices, actions, challenges and sessions. */
  server: ServerState;
  emulator: EmulatorMeta;
}
