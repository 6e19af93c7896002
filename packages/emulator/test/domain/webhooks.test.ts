import { describe, expect, it } from "vitest";
import { setup } from "../support.ts";

describe("background webhook deliveries", () => {
  it("go out one at a time, in the order their events were raised, whichever receiver is slow", async () => {
    const posted: string[] = [];
    // The first receiver answers once the second event has been sent, or after 1,000 turns of the
    // event loop, far more than signing and sending the second takes when nothing holds it back.
    const secondSentOrGaveUp = async () => {
      for (let turn = 0; turn < 1000 && !posted.includes("authenticator.deleted sent"); turn++) {
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const { server, emulator } = setup({
      seed: { tenant: { authenticatorEventsWebhookConfig: { url: "https://hooks.example.com/authenticators" } } },
      webhookFetch: async (_input, init) => {
        const { type } = JSON.parse(String(init?.body));
        posted.push(`${type} sent`);
        if (type === "authenticator.created") await secondSentOrGaveUp();
        posted.push(`${type} answered`);
        return new Response(null, { status: 204 });
      },
    });
    const { authenticator } = await server.enrollVerifiedAuthenticator({
      userId: "usr_order",
      attributes: { verificationMethod: "SMS", phoneNumber: "+64210000001" },
    });
    await server.deleteAuthenticator({ userId: "usr_order", userAuthenticatorId: authenticator.userAuthenticatorId });
    await emulator.flushWebhooks();
    expect(posted).toEqual([
      "authenticator.created sent",
      "authenticator.created answered",
      "authenticator.deleted sent",
      "authenticator.deleted answered",
    ]);
    expect(emulator.webhookDeliveries().map((delivery) => delivery.type)).toEqual([
      "authenticator.created",
      "authenticator.deleted",
    ]);
  });
});
