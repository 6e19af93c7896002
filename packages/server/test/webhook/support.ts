// Fixtures shared by the webhook tests: a fixed clock, a secret that is easy to search for, and
// signatures computed exactly as the official @authsignal/node SDK computes them.
import { createHmac } from "node:crypto";

export const SECRET = "sk_test_Zq8wWebhookSecret_7f3c91d2e4b6";
export const OTHER_SECRET = "sk_test_AnotherTenantSecret_0a1b2c";
/** 2025-02-20T01:51:56Z, in Unix seconds. */
export const NOW = 1_740_016_316;

/** What @authsignal/node does: HMAC-SHA256 over `<t>.<payload>`, base64, first `=` removed. */
export function officialSignature(payload: string, timestamp: number, secret = SECRET): string {
  return createHmac("sha256", secret).update(`${timestamp}.${payload}`).digest("base64").replace("=", "");
}

export function officialHeader(payload: string, timestamp = NOW, secret = SECRET): string {
  return `t=${timestamp},v2=${officialSignature(payload, timestamp, secret)}`;
}

export const emailCreated = {
  version: 1,
  id: "bc1598bc-e5d6-4c69-9afb-1a6fe3469d6e",
  source: "https://authsignal.com",
  time: "2025-02-20T01:51:56.070Z",
  tenantId: "7752d28e-e627-4b1b-bb81-b45d68d617bc",
  type: "email.created",
  data: {
    to: "jane@example.com",
    code: "157743",
    userId: "b9f74d36-fcfc-4efc-87f1-3664ab5a7fb0",
    actionCode: "signIn",
    idempotencyKey: "ba8c1a7c-775d-4dff-9abe-be798b7b8bb9",
    verificationMethod: "EMAIL_OTP",
  },
} as const;

/** Serialized with spacing and non-ASCII text, so any re-serialization would change the bytes. */
export const emailCreatedBody = `{"version":1, "id":"${emailCreated.id}","source":"https://authsignal.com","time":"${emailCreated.time}","tenantId":"${emailCreated.tenantId}","type":"email.created","data":{"to":"jane@example.com","code":"157743","userId":"${emailCreated.data.userId}","actionCode":"signIn","idempotencyKey":"${emailCreated.data.idempotencyKey}","verificationMethod":"EMAIL_OTP","locale":"fr-CA","note":"café ✓ 🎉"}}`;

export const logBatch = {
  records: [
    {
      version: 1,
      id: "3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d",
      source: "https://authsignal.com",
      time: "2025-02-20T02:15:00.113Z",
      tenantId: "7752d28e-e627-4b1b-bb81-b45d68d617bc",
      type: "challenge.log_created",
      record: { userId: "b9f74d36-fcfc-4efc-87f1-3664ab5a7fb0", type: "SMS_SENT" },
    },
    {
      version: 1,
      id: "e1d2c3b4-a596-4877-8a69-5b4c3d2e1f0a",
      source: "https://authsignal.com",
      time: "2025-02-20T02:15:00.112Z",
      tenantId: "7752d28e-e627-4b1b-bb81-b45d68d617bc",
      type: "action.log_created",
      record: { userId: "b9f74d36-fcfc-4efc-87f1-3664ab5a7fb0", state: "CHALLENGE_SUCCEEDED" },
    },
  ],
};
