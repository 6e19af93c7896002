// Reserved keys as the IDs a request carries, in its path or its body: each scenario runs with an
// ordinary ID first, as a control, then with each name Object.prototype has. The reserved ID must
// behave as any other string (a device `constructor` is new the first time), and a normal track
// must answer correctly afterwards.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { type CliEmulator, expectNormalTrack, reservedWords, useEmulatorCli } from "./support.ts";

const cli = useEmulatorCli();
const ids = ["ordinary-id", ...reservedWords];
const phoneNumber = "+6421555000";

async function track(emulator: CliEmulator, userId: string, action: string, body: Record<string, unknown> = {}) {
  const answer = await emulator.server("POST", `/users/${encodeURIComponent(userId)}/actions/${action}`, {
    idempotencyKey: randomUUID(),
    ...body,
  });
  expect(answer.status).toBe(200);
  return answer.json as { state: string; ruleIds: string[]; idempotencyKey: string; token: string };
}

async function classicAction(emulator: CliEmulator, actionCode: string, conditions?: object, type = "BLOCK") {
  const created = await emulator.management("POST", "/action-configurations", {
    actionCode,
    defaultUserActionResult: "ALLOW",
  });
  expect(created.status).toBe(200);
  if (!conditions) return undefined;
  const rule = await emulator.management("POST", `/action-configurations/${actionCode}/rules`, {
    name: "rule",
    isActive: true,
    priority: 0,
    type,
    conditions,
  });
  expect(rule.status).toBe(200);
  return rule.json.ruleId as string;
}

describe.each(ids)("the ID %s", (id) => {
  const inPath = encodeURIComponent(id);

  it("as an action code: unknown until configured, then decided by its configuration and rules", async () => {
    const first = await track(cli(), "usr_reserved", id);
    expect(first.state).toBe("ALLOW");
    expect((await cli().management("GET", `/action-configurations/${inPath}`)).status).toBe(404);
    const ruleId = await classicAction(cli(), id, { "==": [{ var: "custom.risk" }, "high"] });
    expect((await track(cli(), "usr_reserved", id, { custom: { risk: "high" } })).ruleIds).toEqual([ruleId]);
    const configuration = await cli().management("GET", `/action-configurations/${inPath}`);
    expect(configuration.json).toMatchObject({ actionCode: id, lastActionCreatedAt: expect.any(String) });
    expect(
      (await cli().server("GET", `/users/usr_reserved/actions/${inPath}/${first.idempotencyKey}`)).json,
    ).toMatchObject({
      state: "ALLOW",
    });
    const listed = await cli().server("GET", `/users/usr_reserved/actions?codes=${inPath}`);
    expect(listed.json).toHaveLength(2);
    expect((await cli().management("DELETE", `/action-configurations/${inPath}`)).status).toBe(200);
    expect((await cli().management("GET", `/action-configurations/${inPath}/rules`)).status).toBe(404);
    await expectNormalTrack(cli());
  });

  it("as an idempotency key: one action per code, answered again when repeated", async () => {
    const blocked = await track(cli(), "usr_reserved", "healthCheck", { idempotencyKey: id, custom: { risk: "high" } });
    expect(blocked.state).toBe("BLOCK");
    expect((await track(cli(), "usr_reserved", "healthCheck", { idempotencyKey: id })).state).toBe("BLOCK");
    const path = `/users/usr_reserved/actions/healthCheck/${inPath}`;
    expect((await cli().server("PATCH", path, { state: "REVIEW_SUCCEEDED" })).json).toMatchObject({
      idempotencyKey: id,
      state: "REVIEW_SUCCEEDED",
    });
    expect((await cli().server("GET", path)).json).toMatchObject({ state: "REVIEW_SUCCEEDED" });
    expect((await track(cli(), "usr_reserved", "otherAction", { idempotencyKey: id })).state).toBe("ALLOW");
    await expectNormalTrack(cli());
  });

  it("as a device ID: new the first time, known after, new again once invalidated", async () => {
    await classicAction(cli(), "deviceCheck", { "==": [{ var: "device.isNew" }, true] });
    expect((await track(cli(), "usr_reserved", "deviceCheck", { deviceId: id })).state).toBe("BLOCK");
    expect((await track(cli(), "usr_reserved", "deviceCheck", { deviceId: id })).state).toBe("ALLOW");
    expect((await track(cli(), "usr_other", "deviceCheck", { deviceId: id })).state).toBe("BLOCK");
    expect((await cli().server("GET", "/users/usr_reserved/devices")).json).toMatchObject([{ deviceId: id }]);
    const until = "2999-01-01T00:00:00.000Z";
    const device = `/users/usr_reserved/devices/${inPath}`;
    expect((await cli().server("PATCH", device, { rememberedUntil: until })).json).toMatchObject({
      deviceId: id,
      rememberedUntil: until,
    });
    expect((await cli().server("POST", `${device}/invalidate`)).status).toBe(200);
    expect((await track(cli(), "usr_reserved", "deviceCheck", { deviceId: id })).state).toBe("BLOCK");
    expect((await cli().server("PATCH", `/users/usr_never/devices/${inPath}`, { rememberedUntil: until })).status).toBe(
      404,
    );
    await expectNormalTrack(cli());
  });

  it("as a user ID: not enrolled until seen, then updated, enrolled, found, deleted", async () => {
    expect((await cli().server("GET", `/users/${inPath}`)).json).toMatchObject({ userId: id, isEnrolled: false });
    await cli().server("PATCH", `/users/${inPath}`, { email: "reserved@example.com", custom: { tier: "gold" } });
    await cli().server("POST", `/users/${inPath}/authenticators`, { verificationMethod: "SMS", phoneNumber });
    expect((await cli().server("GET", `/users/${inPath}`)).json).toMatchObject({
      userId: id,
      email: "reserved@example.com",
      custom: { tier: "gold" },
      isEnrolled: true,
    });
    expect((await track(cli(), id, "healthCheck", { custom: { risk: "high" } })).state).toBe("BLOCK");
    expect((await cli().server("GET", "/users?email=reserved%40example.com")).json.users).toMatchObject([
      { userId: id },
    ]);
    expect((await cli().server("DELETE", `/users/${inPath}`)).status).toBe(200);
    expect((await cli().server("GET", `/users/${inPath}/authenticators`)).json).toEqual([]);
    await expectNormalTrack(cli());
  });

  it("as a user ID in a batch passkey import and a session revocation", async () => {
    const batch = {
      authenticators: [
        {
          userId: id,
          verificationMethod: "PASSKEY",
          credentialId: id,
          credentialPublicKey: "cHVibGljLWtleQ",
          name: id,
        },
      ],
    };
    expect((await cli().server("POST", "/users/authenticators", batch)).json).toMatchObject({ succeeded: 1 });
    expect((await cli().server("POST", "/users/authenticators", batch)).json).toMatchObject({ failed: 1 });
    expect((await cli().server("GET", `/users/${inPath}/authenticators`)).json).toMatchObject([
      { verificationMethod: "PASSKEY", webauthnCredential: { credentialId: id } },
    ]);
    expect((await cli().server("POST", "/sessions/user/revoke", { userId: id })).status).toBe(200);
    await expectNormalTrack(cli());
  });

  it("as a challenge, rule or authenticator ID that does not exist: 404, as any unknown ID", async () => {
    expect((await cli().server("POST", "/verify", { challengeId: id, verificationCode: "123456" })).status).toBe(404);
    expect((await cli().server("POST", "/claim", { challengeId: id, userId: "usr_reserved" })).status).toBe(404);
    expect((await cli().server("POST", "/challenge", { challengeId: id })).status).toBe(404);
    expect((await cli().server("GET", `/challenges?challengeId=${inPath}`)).status).toBe(404);
    expect((await cli().management("GET", `/action-configurations/healthCheck/rules/${inPath}`)).status).toBe(404);
    expect((await cli().server("DELETE", `/users/usr_reserved/authenticators/${inPath}`)).status).toBe(404);
    expect(
      (await cli().management("PATCH", `/authenticator-configurations/${inPath}`, { isActive: true })).status,
    ).toBe(404);
    await expectNormalTrack(cli());
  });

  it("as a flow's node and rule IDs", async () => {
    await cli().management("POST", "/action-configurations", { actionCode: "flowAction", actionType: "FLOW" });
    const published = await cli().management("PUT", "/action-configurations/flowAction/flow", {
      actionNodes: [{ nodeId: id, nodeType: "RULE", ruleChildNodeIds: [[id, id]] }],
      rules: [{ ruleId: id, name: "flow rule", conditions: { "==": [1, 1] } }],
    });
    expect(published.status).toBe(200);
    expect((await cli().management("GET", "/action-configurations/flowAction/rules")).json).toMatchObject([
      { ruleId: id },
    ]);
    await expectNormalTrack(cli());
  });

  it("as a value list: its alias found, and a list it does not name is no list", async () => {
    const missing = await classicAction(cli(), "listCheck", { "!!": { valueList: id } });
    expect((await track(cli(), "usr_reserved", "listCheck")).ruleIds).toEqual([]);
    const created = await cli().management("POST", "/value-lists", {
      name: id,
      itemType: "string",
      isActive: true,
      valueListItems: ["high"],
    });
    expect(created.status).toBe(200);
    const alias = created.json.alias as string;
    expect(
      (await cli().management("POST", "/value-lists", { name: id, itemType: "string", isActive: true })).status,
    ).toBe(400);
    expect((await cli().management("GET", `/value-lists/${encodeURIComponent(alias)}`)).json).toMatchObject({ alias });
    await cli().management("PATCH", `/action-configurations/listCheck/rules/${missing}`, {
      conditions: { in: [{ var: "custom.risk" }, { valueList: alias }] },
    });
    expect((await track(cli(), "usr_reserved", "listCheck", { custom: { risk: "high" } })).ruleIds).toEqual([missing]);
    await expectNormalTrack(cli());
  });

  it("as a custom data point's name and a custom data key: set when sent, absent when not", async () => {
    const created = await cli().management("POST", "/custom-data-points", {
      name: id,
      dataType: "text",
      modelType: "action",
    });
    expect(created.json).toMatchObject({ name: id });
    expect((await cli().management("GET", `/custom-data-points/${created.json.id}`)).json).toMatchObject({
      name: id,
    });
    const ruleId = await classicAction(cli(), "customCheck", { "!!": { var: `custom.${id}` } });
    expect((await track(cli(), "usr_reserved", "customCheck")).ruleIds).toEqual([]);
    const sent = await track(cli(), "usr_reserved", "customCheck", { custom: JSON.parse(`{"${id}":"yes"}`) });
    expect(sent.ruleIds).toEqual([ruleId]);
    const updated = await cli().raw({
      method: "PATCH",
      path: "/v1/users/usr_custom",
      headers: { authorization: `Basic ${btoa("sk_emulator_server:")}`, "content-type": "application/json" },
      body: `{"custom":{"${id}":"value"}}`,
    });
    expect(updated.text).toContain(`"custom":{"${id}":"value"}`);
    await expectNormalTrack(cli());
  });

  it("as an app client ID, and a message override's locale and ID", async () => {
    const tracked = await track(cli(), "usr_reserved", "healthCheck");
    const { token } = (
      await cli().testApi("POST", `/actions/usr_reserved/healthCheck/${tracked.idempotencyKey}/complete`, {
        outcome: "SUCCEEDED",
      })
    ).json;
    const { accessToken } = (await cli().server("POST", "/sessions", { token, clientId: id })).json;
    expect((await cli().server("POST", "/sessions/validate", { accessToken, clientIds: [id] })).status).toBe(200);
    expect((await cli().server("POST", "/sessions/validate", { accessToken, clientIds: ["web"] })).status).toBe(400);
    const overrides = JSON.parse(`{"messageOverrides":{"${id}":{"${id}":"Hello"}}}`);
    expect((await cli().management("PATCH", "/message-overrides", overrides)).text).toBe(JSON.stringify(overrides));
    await expectNormalTrack(cli());
  });

  it("as the test-only API's user, action and idempotency key", async () => {
    const tracked = await track(cli(), id, "healthCheck", { idempotencyKey: id });
    expect(tracked.idempotencyKey).toBe(id);
    const completed = await cli().testApi("POST", `/actions/${inPath}/healthCheck/${inPath}/complete`, {
      outcome: "SUCCEEDED",
    });
    expect(completed.json).toMatchObject({ state: "CHALLENGE_SUCCEEDED" });
    expect((await cli().server("POST", "/validate", { token: completed.json.token })).json).toMatchObject({
      isValid: true,
      userId: id,
      idempotencyKey: id,
    });
    await expectNormalTrack(cli());
  });
});
