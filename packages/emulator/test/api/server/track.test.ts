import { describe, expect, it } from "vitest";
import { setup } from "../../support.ts";

const anonymousIp = "198.51.100.66";
const cleanIp = "203.0.113.7";
const riskSignals = { ipAddresses: { [anonymousIp]: { isAnonymous: true, countryCode: "NZ" } } };
const blockAnonymous = {
  name: "Block anonymous IPs",
  isActive: true,
  priority: 10,
  type: "BLOCK" as const,
  conditions: { "==": [{ var: "ip.isAnonymous" }, true] },
};

async function signInConfigured(options: Parameters<typeof setup>[0] = {}) {
  const clients = setup({ seed: { riskSignals }, ...options });
  await clients.management.createActionConfiguration({
    actionCode: "signIn",
    defaultUserActionResult: "CHALLENGE",
    verificationMethods: ["SMS"],
  });
  return clients;
}

/** A value list of blocked users (usr_bad), and a BLOCK rule on signIn for the users in it. */
async function blockListedUsers(management: Awaited<ReturnType<typeof signInConfigured>>["management"]) {
  const list = await management.createValueList({
    name: "Blocked users",
    itemType: "string",
    isActive: true,
    valueListItems: ["usr_bad"],
  });
  const rule = await management.createRule({
    actionCode: "signIn",
    attributes: {
      name: "Listed",
      isActive: true,
      priority: 1,
      type: "BLOCK",
      conditions: { in: [{ var: "user.id" }, { valueList: list.alias }] },
    },
  });
  return { list, rule };
}

describe("track", () => {
  it("blocks an anonymous IP with a BLOCK rule created through the Management API", async () => {
    const { server, management } = await signInConfigured();
    const rule = await management.createRule({ actionCode: "signIn", attributes: blockAnonymous });
    const blocked = await server.track({ userId: "usr_1", action: "signIn", attributes: { ipAddress: anonymousIp } });
    expect(blocked).toMatchObject({ state: "BLOCK", ruleIds: [rule.ruleId], isEnrolled: false });
    const clean = await server.track({ userId: "usr_1", action: "signIn", attributes: { ipAddress: cleanIp } });
    expect(clean.ruleIds).toEqual([]);
  });

  it("challenges an enrolled user by the action's default and lets a CHALLENGE pass an unenrolled one", async () => {
    const { server } = await signInConfigured();
    const unenrolled = await server.track({ userId: "usr_new", action: "signIn" });
    expect(unenrolled).toMatchObject({ state: "ALLOW", isEnrolled: false });
    await server.enrollVerifiedAuthenticator({
      userId: "usr_new",
      attributes: { verificationMethod: "SMS", phoneNumber: "+64211234567" },
    });
    const enrolled = await server.track({ userId: "usr_new", action: "signIn" });
    expect(enrolled).toMatchObject({
      state: "CHALLENGE_REQUIRED",
      isEnrolled: true,
      enrolledVerificationMethods: ["SMS"],
      allowedVerificationMethods: ["SMS"],
    });
    expect(enrolled.token.split(".")).toHaveLength(3);
    expect(new URL(enrolled.url).searchParams.get("token")).toBe(enrolled.token);
  });

  it("records every matching rule and lets the lowest priority number decide, whatever its severity", async () => {
    const { server, management } = await signInConfigured();
    const block = await management.createRule({ actionCode: "signIn", attributes: { ...blockAnonymous, priority: 5 } });
    const allow = await management.createRule({
      actionCode: "signIn",
      attributes: {
        name: "Trusted country",
        isActive: true,
        priority: 0,
        type: "ALLOW",
        conditions: { "==": [{ var: "ip.countryCode" }, "NZ"] },
      },
    });
    await management.createRule({
      actionCode: "signIn",
      attributes: { ...blockAnonymous, name: "Inactive", isActive: false, priority: 1 },
    });
    const result = await server.track({ userId: "usr_2", action: "signIn", attributes: { ipAddress: anonymousIp } });
    expect(result.state).toBe("ALLOW");
    expect(result.ruleIds).toEqual([allow.ruleId, block.ruleId]);
    const action = await server.getAction({ userId: "usr_2", action: "signIn", idempotencyKey: result.idempotencyKey });
    expect(action).toMatchObject({
      priorityRuleId: allow.ruleId,
      rules: [{ ruleId: allow.ruleId }, { ruleId: block.ruleId }],
    });
  });

  it("evaluates custom data points and value lists", async () => {
    const { server, management } = await signInConfigured();
    await blockListedUsers(management);
    await management.createRule({
      actionCode: "signIn",
      attributes: {
        name: "Big amount",
        isActive: true,
        priority: 2,
        type: "REVIEW",
        conditions: { ">": [{ var: "custom.amount" }, 1000] },
      },
    });
    expect((await server.track({ userId: "usr_bad", action: "signIn" })).state).toBe("BLOCK");
    expect(
      (await server.track({ userId: "usr_ok", action: "signIn", attributes: { custom: { amount: 5000 } } })).state,
    ).toBe("REVIEW_REQUIRED");
    expect(
      (await server.track({ userId: "usr_ok", action: "signIn", attributes: { custom: { amount: 5 } } })).state,
    ).toBe("ALLOW");
  });

  it("decides each track by the rules and value lists as they are now, after every change", async () => {
    const { server, management } = await signInConfigured();
    const { list, rule } = await blockListedUsers(management);
    const state = async (userId: string) => (await server.track({ userId, action: "signIn" })).state;
    expect([await state("usr_bad"), await state("usr_new")]).toEqual(["BLOCK", "ALLOW"]);
    await management.updateValueList({ alias: list.alias, attributes: { valueListItems: ["usr_new"] } });
    expect([await state("usr_bad"), await state("usr_new")]).toEqual(["ALLOW", "BLOCK"]);
    await management.updateRule({ actionCode: "signIn", ruleId: rule.ruleId, attributes: { type: "REVIEW" } });
    expect(await state("usr_new")).toBe("REVIEW_REQUIRED");
    await management.updateRule({
      actionCode: "signIn",
      ruleId: rule.ruleId,
      attributes: { conditions: { "==": [{ var: "user.id" }, "usr_bad"] } },
    });
    expect([await state("usr_bad"), await state("usr_new")]).toEqual(["REVIEW_REQUIRED", "ALLOW"]);
    const second = await management.createRule({
      actionCode: "signIn",
      attributes: { name: "Everyone", isActive: true, priority: 0, type: "ALLOW", conditions: {} },
    });
    expect(await server.track({ userId: "usr_bad", action: "signIn" })).toMatchObject({
      state: "ALLOW",
      ruleIds: [second.ruleId, rule.ruleId],
    });
    await management.deleteRule({ actionCode: "signIn", ruleId: second.ruleId });
    expect(await state("usr_bad")).toBe("REVIEW_REQUIRED");
  });

  it("keeps what the rules saw of the track in the action's output, without the tenant's value lists", async () => {
    const { server, management } = await signInConfigured();
    await blockListedUsers(management);
    const tracked = await server.track({
      userId: "usr_bad",
      action: "signIn",
      attributes: { ipAddress: cleanIp, custom: { amount: 7 } },
    });
    expect(tracked.state).toBe("BLOCK");
    const { output } = await server.getAction({
      userId: "usr_bad",
      action: "signIn",
      idempotencyKey: tracked.idempotencyKey,
    });
    const features = (output as { features: Record<string, unknown> }).features;
    expect(features).toMatchObject({ ip: { address: cleanIp }, user: { id: "usr_bad" }, custom: { amount: 7 } });
    expect(Object.keys(features).sort()).toEqual(["crypto", "custom", "device", "ip", "user"]);
  });

  it("gives an unknown action code the configurable default, CHALLENGE", async () => {
    const { server, emulator } = setup({
      seed: {
        users: [{ userId: "usr_e", authenticators: [{ verificationMethod: "EMAIL_OTP", email: "e@example.com" }] }],
      },
    });
    expect((await server.track({ userId: "usr_e", action: "never-configured" })).state).toBe("CHALLENGE_REQUIRED");
    emulator.updateSettings({ unknownActionOutcome: "ALLOW" });
    expect((await server.track({ userId: "usr_e", action: "never-configured" })).state).toBe("ALLOW");
  });

  it("records the user's attributes and device, and answers a repeated idempotency key with the same action", async () => {
    const { server } = setup();
    const first = await server.track({
      userId: "usr_3",
      action: "signIn",
      attributes: { email: "jane@example.com", deviceId: "dev_1", idempotencyKey: "key-1" },
    });
    expect(await server.getUser({ userId: "usr_3" })).toMatchObject({ email: "jane@example.com" });
    expect(await server.getDevices({ userId: "usr_3" })).toMatchObject([{ deviceId: "dev_1", userId: "usr_3" }]);
    const again = await server.track({ userId: "usr_3", action: "signIn", attributes: { idempotencyKey: "key-1" } });
    expect(again.idempotencyKey).toBe(first.idempotencyKey);
    expect(await server.queryUserActions({ userId: "usr_3" })).toHaveLength(1);
  });

  it("keeps one action per code under one idempotency key, as Get Action addresses them by both", async () => {
    const { server } = setup();
    const key = { userId: "usr_k", idempotencyKey: "key-shared" };
    await server.track({ ...key, action: "Login", attributes: { idempotencyKey: key.idempotencyKey } });
    await server.track({ ...key, action: "signIn", attributes: { idempotencyKey: key.idempotencyKey } });
    await server.updateAction({ ...key, action: "signIn", attributes: { state: "REVIEW_REQUIRED" } });
    expect(await server.getAction({ ...key, action: "Login" })).toMatchObject({ state: "ALLOW" });
    expect(await server.getAction({ ...key, action: "signIn" })).toMatchObject({ state: "REVIEW_REQUIRED" });
    expect(await server.queryUserActions({ userId: key.userId })).toHaveLength(2);
  });

  it("sees a new device as new, then remembered while rememberedUntil is ahead", async () => {
    const { server, management, emulator } = await signInConfigured({
      seed: {
        users: [{ userId: "usr_d", authenticators: [{ verificationMethod: "SMS", phoneNumber: "+64211111111" }] }],
      },
    });
    await management.updateActionConfiguration({
      actionCode: "signIn",
      attributes: { defaultUserActionResult: "ALLOW" },
    });
    await management.createRule({
      actionCode: "signIn",
      attributes: {
        name: "New device",
        isActive: true,
        priority: 1,
        type: "CHALLENGE",
        conditions: { "==": [{ var: "device.isNew" }, true] },
      },
    });
    await management.createRule({
      actionCode: "signIn",
      attributes: {
        name: "Remembered",
        isActive: true,
        priority: 0,
        type: "ALLOW",
        conditions: { "==": [{ var: "device.isRemembered" }, true] },
      },
    });
    const attributes = { deviceId: "dev_9" };
    expect((await server.track({ userId: "usr_d", action: "signIn", attributes })).state).toBe("CHALLENGE_REQUIRED");
    expect((await server.track({ userId: "usr_d", action: "signIn", attributes })).state).toBe("ALLOW");
    await server.invalidateDevice({ userId: "usr_d", deviceId: "dev_9" });
    expect((await server.track({ userId: "usr_d", action: "signIn", attributes })).state).toBe("CHALLENGE_REQUIRED");
    const until = new Date(emulator.now().getTime() + 60_000).toISOString();
    await server.updateDevice({ userId: "usr_d", deviceId: "dev_9", attributes: { rememberedUntil: until } });
    expect((await server.track({ userId: "usr_d", action: "signIn", attributes })).ruleIds).toHaveLength(2);
  });
});

describe("actions", () => {
  it("moves any state to any state, and queries by code and state", async () => {
    const { server } = setup();
    const tracked = await server.track({ userId: "usr_a", action: "withdraw" });
    const key = { userId: "usr_a", action: "withdraw", idempotencyKey: tracked.idempotencyKey };
    expect(await server.updateAction({ ...key, attributes: { state: "REVIEW_REQUIRED" } })).toMatchObject({
      state: "REVIEW_REQUIRED",
    });
    expect(await server.getAction(key)).toMatchObject({ state: "REVIEW_REQUIRED" });
    await server.track({ userId: "usr_a", action: "signIn" });
    expect(await server.queryUserActions({ userId: "usr_a", codes: ["withdraw"] })).toMatchObject([
      { actionCode: "withdraw" },
    ]);
    expect(await server.queryUserActions({ userId: "usr_a", state: "ALLOW" })).toMatchObject([
      { actionCode: "signIn" },
    ]);
  });

  it("answers 404 for an action that was never tracked", async () => {
    const { server } = setup();
    await expect(server.getAction({ userId: "u", action: "signIn", idempotencyKey: "nope" })).rejects.toMatchObject({
      statusCode: 404,
      errorCode: "not_found",
    });
  });
});
