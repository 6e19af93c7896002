import { describe, expectTypeOf, it } from "vitest";
import {
  type ActionLogCreatedEvent,
  type AuthenticatorCreatedEvent,
  type ChallengeLogCreatedEvent,
  constructWebhookEvent,
  createServerClient,
  createWebhookVerifier,
  type EmailCreatedEvent,
  type ServerClient,
  type SmsCreatedEvent,
  signWebhookPayload,
  type WebhookErrorCode,
  type WebhookEvent,
  type WebhookEventOf,
  type WebhookEventType,
  type WebhookLogEvent,
  type WebhookLogEventBatch,
  type WebhookVerifier,
} from "../../src/index.ts";

const server = createServerClient({ apiSecretKey: "sk" });
const verifier = createWebhookVerifier("sk");

describe("webhook types", () => {
  it("resolves constructEvent to WebhookEvent, wherever it is called from", () => {
    expectTypeOf(server.webhook).toEqualTypeOf<WebhookVerifier>();
    expectTypeOf<ServerClient["webhook"]>().toEqualTypeOf<WebhookVerifier>();
    expectTypeOf(server.webhook.constructEvent("{}", "t=1,v2=x")).resolves.toEqualTypeOf<WebhookEvent>();
    expectTypeOf(verifier.constructEvent(new Uint8Array(), null, 10)).resolves.toEqualTypeOf<WebhookEvent>();
    expectTypeOf(constructWebhookEvent("sk", new ArrayBuffer(0), undefined)).resolves.toEqualTypeOf<WebhookEvent>();
    expectTypeOf(verifier.constructLogEventBatch("{}", "h")).resolves.toEqualTypeOf<WebhookLogEventBatch>();
    expectTypeOf(signWebhookPayload({ payload: "{}", apiSecretKey: "sk" })).resolves.toEqualTypeOf<string>();
  });

  it("lists every single-event type, and no log event type", () => {
    expectTypeOf<WebhookEventType>().toEqualTypeOf<
      | "email.created"
      | "sms.created"
      | "push.created"
      | "action.verify"
      | "authenticator.created"
      | "authenticator.updated"
      | "authenticator.deleted"
    >();
    expectTypeOf<WebhookLogEvent["type"]>().toEqualTypeOf<"action.log_created" | "challenge.log_created">();
    expectTypeOf<WebhookEventOf<"email.created">>().toEqualTypeOf<EmailCreatedEvent>();
  });

  it("narrows data on the event's type", () => {
    const handle = (event: WebhookEvent) => {
      expectTypeOf(event.tenantId).toEqualTypeOf<string>();
      switch (event.type) {
        case "sms.created":
          expectTypeOf(event).toEqualTypeOf<SmsCreatedEvent>();
          expectTypeOf(event.data.to).toEqualTypeOf<string>();
          expectTypeOf(event.data.code).toEqualTypeOf<string>();
          break;
        case "email.created":
          expectTypeOf(event.data.code).toEqualTypeOf<string | undefined>();
          expectTypeOf(event.data.url).toEqualTypeOf<string | undefined>();
          break;
        case "action.verify":
          expectTypeOf(event.data.state).toEqualTypeOf<"CHALLENGE_SUCCEEDED">();
          break;
        case "authenticator.created":
          expectTypeOf(event).toEqualTypeOf<AuthenticatorCreatedEvent>();
          expectTypeOf(event.data.userAuthenticatorId).toEqualTypeOf<string>();
          // @ts-expect-error authenticator events carry no OTP code
          void event.data.code;
          break;
        case "push.created":
          expectTypeOf(event.data.challengeId).toEqualTypeOf<string>();
          break;
        case "authenticator.updated":
        case "authenticator.deleted":
          expectTypeOf(event.data.verificationMethod).toBeString();
          break;
        default:
          expectTypeOf(event).toBeNever();
      }
    };
    void handle;
  });

  it("narrows log records on their type", () => {
    const handle = (batch: WebhookLogEventBatch) => {
      for (const event of batch.records) {
        if (event.type === "action.log_created") {
          expectTypeOf(event).toEqualTypeOf<ActionLogCreatedEvent>();
          expectTypeOf(event.record.outcome).toEqualTypeOf<"ALLOW" | "BLOCK" | "CHALLENGE" | "REVIEW">();
        } else {
          expectTypeOf(event).toEqualTypeOf<ChallengeLogCreatedEvent>();
          expectTypeOf(event.record.type).toEqualTypeOf<string>();
        }
      }
    };
    void handle;
  });

  it("rejects wrong arguments at compile time", () => {
    // @ts-expect-error the tolerance is a number of minutes
    void verifier.constructEvent("{}", "h", "5");
    // @ts-expect-error a parsed body cannot be verified
    void verifier.constructEvent({ type: "email.created" }, "h");
    // @ts-expect-error the secret key is required
    void signWebhookPayload({ payload: "{}" });
    expectTypeOf<WebhookErrorCode>().toEqualTypeOf<
      "invalid_signature_header" | "timestamp_outside_tolerance" | "signature_mismatch" | "invalid_payload"
    >();
  });
});

describe("webhooks are not client methods", () => {
  it("types no method for a webhook's operationId", () => {
    expectTypeOf<ServerClient>().not.toHaveProperty("emailCreatedEvent");
    expectTypeOf<ServerClient>().not.toHaveProperty("actionLogCreatedEvent");
  });
});
