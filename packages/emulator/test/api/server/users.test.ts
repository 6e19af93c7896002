import { describe, expect, it } from "vitest";
import { raw, setup } from "../../support.ts";

describe("users", () => {
  it("updates as an upsert, keeps omitted fields, and accepts POST as well as PATCH", async () => {
    const { server, emulator } = setup();
    expect(
      await server.updateUser({
        userId: "a-new-user",
        attributes: { email: "n@example.com", custom: { plan: "pro" } },
      }),
    ).toMatchObject({
      userId: "a-new-user",
      email: "n@example.com",
      custom: { plan: "pro" },
    });
    // The Ruby SDK's POST, which our client does not send.
    const posted = await raw(emulator, "POST", "/v1/users/a-new-user", {
      body: JSON.stringify({ displayName: "New" }),
    });
    expect(posted.status).toBe(200);
    expect(await server.getUser({ userId: "a-new-user" })).toMatchObject({
      email: "n@example.com",
      displayName: "New",
      isEnrolled: false,
    });
  });

  it("serves a seeded past action by its code and idempotency key, as a tracked one", async () => {
    const { server } = setup({
      seed: {
        users: [
          {
            userId: "usr_past",
            actions: [
              { actionCode: "signIn", idempotencyKey: "key-1", state: "CHALLENGE_SUCCEEDED" },
              { actionCode: "withdraw", idempotencyKey: "key-1", state: "BLOCK" },
            ],
          },
        ],
      },
    });
    const signIn = await server.getAction({ userId: "usr_past", action: "signIn", idempotencyKey: "key-1" });
    const withdraw = await server.getAction({ userId: "usr_past", action: "withdraw", idempotencyKey: "key-1" });
    expect([signIn.state, withdraw.state]).toEqual(["CHALLENGE_SUCCEEDED", "BLOCK"]);
  });

  it("dates an action configuration's last action by its latest seeded past action", async () => {
    const { management } = setup({
      seed: {
        actionConfigurations: [
          { actionCode: "signIn", defaultUserActionResult: "CHALLENGE" },
          { actionCode: "withdraw", defaultUserActionResult: "ALLOW" },
        ],
        users: [
          {
            userId: "usr_past",
            actions: [
              { actionCode: "signIn", idempotencyKey: "k1", state: "ALLOW", createdAt: "2026-11-20T09:15:27.000Z" },
              { actionCode: "signIn", idempotencyKey: "k2", state: "ALLOW", createdAt: "2026-11-19T08:00:00.000Z" },
            ],
          },
        ],
      },
    });
    const signIn = await management.getActionConfiguration({ actionCode: "signIn" });
    const withdraw = await management.getActionConfiguration({ actionCode: "withdraw" });
    expect(signIn.lastActionCreatedAt).toBe("2026-11-20T09:15:27.000Z");
    expect(withdraw.lastActionCreatedAt).toBeUndefined();
  });

  it("reads a deleted user back as not enrolled, with 200", async () => {
    const { server } = setup({
      seed: {
        users: [{ userId: "usr_del", authenticators: [{ verificationMethod: "SMS", phoneNumber: "+6421555000" }] }],
      },
    });
    expect((await server.getUser({ userId: "usr_del" })).isEnrolled).toBe(true);
    expect(await server.deleteUser({ userId: "usr_del" })).toEqual({ success: true });
    expect(await server.getUser({ userId: "usr_del" })).toMatchObject({ isEnrolled: false });
    expect(await server.getAuthenticators({ userId: "usr_del" })).toEqual([]);
  });

  it("queries by exact match, page by page with the lastEvaluatedUserId cursor", async () => {
    const users = ["u1", "u2", "u3", "u4", "u5"].map((userId) => ({ userId, email: "same@example.com" }));
    const { server } = setup({ seed: { users: [...users, { userId: "u6", email: "other@example.com" }] } });
    const first = await server.queryUsers({ email: "same@example.com", limit: 2 });
    expect(first.users.map((user) => user.userId)).toEqual(["u1", "u2"]);
    expect(first.lastEvaluatedUserId).toBe("u2");
    const last = await server.queryUsers({ email: "same@example.com", limit: 2, lastEvaluatedUserId: "u4" });
    expect(last.users.map((user) => user.userId)).toEqual(["u5"]);
    expect(last.lastEvaluatedUserId).toBeUndefined();
    expect((await server.queryUsers({ email: "example.com" })).users).toEqual([]);
  });

  it("refuses a query with no filter", async () => {
    const { server } = setup();
    await expect(server.queryUsers({})).rejects.toMatchObject({ statusCode: 400, errorCode: "invalid_request" });
  });
});

describe("authenticators", () => {
  it("enrolls a verified authenticator, lists it, deletes it, and raises the webhooks", async () => {
    const posted: string[] = [];
    const { server, emulator } = setup({
      seed: { tenant: { authenticatorEventsWebhookConfig: { url: "https://hooks.example.com/authenticators" } } },
      webhookFetch: async (_input, init) => {
        posted.push(String(init?.body));
        return new Response(null, { status: 204 });
      },
    });
    const { authenticator, recoveryCodes } = await server.enrollVerifiedAuthenticator({
      userId: "usr_x",
      attributes: { verificationMethod: "SMS", phoneNumber: "+64219999999" },
    });
    expect(recoveryCodes).toHaveLength(10);
    expect(await server.getAuthenticators({ userId: "usr_x" })).toEqual([authenticator]);
    await server.deleteAuthenticator({ userId: "usr_x", userAuthenticatorId: authenticator.userAuthenticatorId });
    expect(await server.getAuthenticators({ userId: "usr_x" })).toEqual([]);
    await emulator.flushWebhooks();
    expect(posted.map((body) => JSON.parse(body).type)).toEqual(["authenticator.created", "authenticator.deleted"]);
    await expect(
      server.deleteAuthenticator({ userId: "usr_x", userAuthenticatorId: authenticator.userAuthenticatorId }),
    ).rejects.toMatchObject({ statusCode: 404 });
  });

  it("lists the tenant's authenticator configurations", async () => {
    const { server } = setup({ seed: { authenticatorConfigurations: { sms: { smsProvider: "TWILIO" } } } });
    expect(await server.getAuthenticatorConfigurations()).toMatchObject([
      { verificationMethod: "SMS", isActive: true },
    ]);
  });
});
