// Ties the runtime to the spec's `webhooks`: every documented example verifies and parses, and no
// webhook became a client method.
import { describe, expect, it } from "vitest";
import openapi from "../../src/generated/openapi.json" with { type: "json" };
import { operationTable } from "../../src/generated/operation-table.ts";
import { createServerClient, createWebhookVerifier, signWebhookPayload } from "../../src/index.ts";
import { SECRET } from "./support.ts";

interface WebhookOperation {
  operationId: string;
  requestBody: { content: { "application/json": { examples: Record<string, { value: unknown }> } } };
}

const webhooks = Object.entries(
  (openapi as unknown as { webhooks: Record<string, { post: WebhookOperation }> }).webhooks,
);
const verifier = createWebhookVerifier(SECRET);

describe("the spec's webhooks", () => {
  it("documents every event type", () => {
    expect(webhooks.map(([name]) => name).sort()).toEqual([
      "action.log_created",
      "action.verify",
      "authenticator.created",
      "authenticator.deleted",
      "authenticator.updated",
      "challenge.log_created",
      "email.created",
      "push.created",
      "sms.created",
    ]);
  });

  it.each(webhooks)("%s is not a client method", (_, { post }) => {
    const server = createServerClient({ apiSecretKey: SECRET });
    expect(Object.keys(operationTable)).not.toContain(post.operationId);
    expect(server).not.toHaveProperty(post.operationId);
  });

  it.each(webhooks)("%s: every example verifies and parses as its event", async (name, { post }) => {
    const examples = Object.values(post.requestBody.content["application/json"].examples);
    expect(examples.length).toBeGreaterThan(0);
    for (const { value } of examples) {
      const body = JSON.stringify(value, null, 2);
      const header = await signWebhookPayload({ payload: body, apiSecretKey: SECRET });
      if (name.endsWith(".log_created")) {
        const batch = await verifier.constructLogEventBatch(body, header);
        expect(batch).toEqual(value);
        expect(batch.records.map((event) => event.type)).toContain(name);
      } else {
        const event = await verifier.constructEvent(body, header);
        expect(event).toEqual(value);
        expect(event.type).toBe(name);
      }
    }
  });
});
