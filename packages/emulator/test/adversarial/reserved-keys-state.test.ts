// Reserved keys as the IDs a seed or an imported state carries: users, authenticators, devices,
// past actions, challenges, app clients, risk signals, rules, value lists and custom data points
// named `__proto__`, `constructor` and `toString` load as any other ID, from `--seed`, from
// `--import` and from `PUT /_emulator/v1/state`, and a normal track answers correctly afterwards.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aliasOf } from "../../src/api/management/value-lists.ts";
import { createEmulator, type EmulatorSeed } from "../../src/index.ts";
import {
  type CliEmulator,
  expectNormalTrack,
  healthSeed,
  jsonFile,
  reservedWords,
  startEmulatorCli,
} from "./support.ts";

const ids = ["ordinary-id", ...reservedWords];
const phoneNumber = "+6421555000";

/** Everything a seed can name, once for each ID. */
function seedNaming(names: readonly string[]): EmulatorSeed {
  return {
    ...healthSeed,
    actionConfigurations: [
      ...healthSeed.actionConfigurations,
      ...names.map((id) => ({ actionCode: id, defaultUserActionResult: "ALLOW" as const })),
    ],
    rules: [
      ...healthSeed.rules,
      ...names.map((id) => ({
        actionCode: id,
        ruleId: id,
        name: "Block new devices and anonymous IPs",
        isActive: true,
        priority: 0,
        type: "BLOCK" as const,
        conditions: { or: [{ var: "device.isNew" }, { var: "ip.isAnonymous" }] },
      })),
    ],
    valueLists: names.map((id) => ({ name: id, itemType: "string" as const, isActive: true, valueListItems: [id] })),
    customDataPoints: names.map((id) => ({ id, name: id, dataType: "text" as const, modelType: "action" as const })),
    appClients: names.map((clientId) => ({ clientId, accessTokenLifetimeMinutes: 1 })),
    riskSignals: { ipAddresses: Object.fromEntries(names.map((id) => [id, { isAnonymous: true }])) },
    users: names.map((id) => ({
      userId: id,
      email: `${id}@example.com`,
      authenticators: [{ userAuthenticatorId: id, verificationMethod: "SMS", phoneNumber }],
      devices: [{ deviceId: id }],
      actions: [{ actionCode: id, idempotencyKey: id, state: "ALLOW" as const }],
    })),
    challenges: names.map((id) => ({
      challengeId: id,
      verificationMethod: "SMS" as const,
      phoneNumber,
      actionCode: id,
      code: "123456",
      userId: id,
    })),
  };
}

/**
 * An exported state holding every ID: exported from an emulator seeded with placeholders, which
 * are then replaced in the JSON text, so the state is what an export would be for those IDs.
 */
function stateNaming(names: readonly string[]): string {
  const placeholders = names.map((_, index) => `placeholder-${index}`);
  let text = JSON.stringify(createEmulator({ seed: seedNaming(placeholders) }).exportState());
  for (const [index, id] of names.entries()) text = text.replaceAll(`placeholder-${index}`, id);
  return text;
}

async function expectLoaded(emulator: CliEmulator, id: string, alias: string) {
  const inPath = encodeURIComponent(id);
  expect((await emulator.server("GET", `/users/${inPath}`)).json).toMatchObject({
    userId: id,
    email: `${id}@example.com`,
    isEnrolled: true,
  });
  expect((await emulator.server("GET", `/users/${inPath}/authenticators`)).json).toMatchObject([
    { userAuthenticatorId: id, verificationMethod: "SMS" },
  ]);
  expect((await emulator.server("GET", `/users/${inPath}/devices`)).json).toMatchObject([{ deviceId: id }]);
  expect((await emulator.server("GET", `/users/${inPath}/actions/${inPath}/${inPath}`)).json).toMatchObject({
    state: "ALLOW",
  });
  expect((await emulator.management("GET", `/action-configurations/${inPath}/rules/${inPath}`)).json).toMatchObject({
    ruleId: id,
  });
  expect((await emulator.management("GET", `/custom-data-points/${inPath}`)).json).toMatchObject({ name: id });
  expect((await emulator.management("GET", `/value-lists/${encodeURIComponent(alias)}`)).json).toMatchObject({
    valueListItems: [id],
  });

  const track = async (body: Record<string, unknown>) =>
    (
      await emulator.server("POST", `/users/${inPath}/actions/${inPath}`, {
        idempotencyKey: randomUUID(),
        ...body,
      })
    ).json;
  expect(await track({ deviceId: id })).toMatchObject({ state: "ALLOW", ruleIds: [] });
  expect(await track({ deviceId: id, ipAddress: id })).toMatchObject({ state: "BLOCK", ruleIds: [id] });
  expect(await track({ deviceId: "a-new-device" })).toMatchObject({ state: "BLOCK", ruleIds: [id] });

  const verified = await emulator.server("POST", "/verify", { challengeId: id, verificationCode: "123456" });
  expect(verified.json).toMatchObject({ isVerified: true });
  const { token } = (await emulator.server("POST", "/claim", { challengeId: id, userId: id })).json;
  const { accessToken } = (await emulator.server("POST", "/sessions", { token, clientId: id })).json;
  const validated = await emulator.server("POST", "/sessions/validate", { accessToken, clientIds: [id] });
  const now = Date.parse((await emulator.testApi("GET", "/clock")).json.now);
  expect(validated.json.expiresAt * 1000 - now).toBeLessThanOrEqual(60_000);
  await expectNormalTrack(emulator);
}

describe("a seed naming an ID", () => {
  // One process for each ID, so that a seed refused for one ID does not hide how the others load.
  it.each(ids)("loads %s as it loads any ID", async (id) => {
    const seeded = await startEmulatorCli({ seed: seedNaming([id]) });
    try {
      await expectLoaded(seeded, id, aliasOf(id));
    } finally {
      await seeded.stop();
    }
  });
});

describe("an imported state naming every ID", () => {
  const state = stateNaming(ids);
  let imported: CliEmulator;
  beforeAll(async () => {
    imported = await startEmulatorCli({ args: ["--import", jsonFile(JSON.parse(state))] });
  });
  afterAll(() => imported?.stop());

  it.each(ids)("loads %s from --import as it loads any ID", async (id) => {
    await expectLoaded(imported, id, id);
  });

  it.each(ids)("loads %s from PUT /state as it loads any ID", async (id) => {
    await imported.testApi("POST", "/reset");
    const put = await imported.raw({
      method: "PUT",
      path: "/_emulator/v1/state",
      headers: { "content-type": "application/json" },
      body: state,
    });
    expect(put.status).toBe(200);
    await expectLoaded(imported, id, id);
  });
});
