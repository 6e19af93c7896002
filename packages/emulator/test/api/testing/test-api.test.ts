import { describe, expect, it } from "vitest";
import { createEmulator, EmulatorSeedError } from "../../../src/index.ts";
import { origin, setup } from "../../support.ts";

const seed = {
  users: [
    {
      userId: "usr_seeded",
      email: "seeded@example.com",
      authenticators: [{ verificationMethod: "SMS", phoneNumber: "+64210000000" }],
    },
  ],
  actionConfigurations: [{ actionCode: "signIn", defaultUserActionResult: "CHALLENGE" as const }],
};

async function call(emulator: ReturnType<typeof createEmulator>, method: string, path: string, body?: unknown) {
  const response = await emulator.fetch(`${origin}/_emulator/v1${path}`, {
    method,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: await response.json() };
}

describe("state", () => {
  it("survives export → import into a fresh emulator, tokens included", async () => {
    const { server, emulator } = setup({ seed });
    const tracked = await server.track({ userId: "usr_seeded", action: "signIn" });
    await server.updateUser({ userId: "usr_later", attributes: { username: "later" } });
    const exported = JSON.parse(JSON.stringify(emulator.exportState()));

    const other = setup();
    other.emulator.importState(exported);
    expect(await other.server.getUser({ userId: "usr_later" })).toMatchObject({ username: "later" });
    expect(await other.server.validateChallenge({ token: tracked.token })).toMatchObject({
      isValid: false,
      userId: "usr_seeded",
    });
    expect(await other.management.getActionConfiguration({ actionCode: "signIn" })).toMatchObject({
      actionCode: "signIn",
    });
  });

  it("imports a state exported before a setting existed, the setting taking its default", async () => {
    const { emulator } = setup({ settings: { otpLength: 8, strict: true, journalLimit: 5 } });
    const exported = JSON.parse(JSON.stringify(emulator.exportState()));
    delete exported.emulator.settings.strict;
    delete exported.emulator.settings.journalLimit;

    const other = setup();
    other.emulator.importState(exported);
    expect(other.emulator.settings()).toMatchObject({ otpLength: 8, strict: false, journalLimit: 1000 });
    expect(other.emulator.exportState().emulator.settings).toMatchObject({ strict: false, journalLimit: 1000 });
    // A setting that is there is still checked.
    exported.emulator.settings.otpLength = 1;
    expect(() => other.emulator.importState(exported)).toThrow(/state\.emulator\.settings\.otpLength must be/);
  });

  it("keeps two emulators in one process apart", async () => {
    // On one wall clock held still, so only the emulators' own clocks can differ.
    const now = () => Date.parse("2026-01-01T00:00:00Z");
    const one = setup({ now });
    const two = setup({ now });
    await one.server.updateUser({ userId: "only-in-one", attributes: { username: "one" } });
    expect((await two.server.getUser({ userId: "only-in-one" })).username).toBeUndefined();
    one.emulator.advanceClock(60_000);
    expect([one.emulator.now(), two.emulator.now()].map((date) => date.toISOString())).toEqual([
      "2026-01-01T00:01:00.000Z",
      "2026-01-01T00:00:00.000Z",
    ]);
  });

  it("resets to the seed", async () => {
    const { server, emulator } = setup({ seed });
    await server.deleteUser({ userId: "usr_seeded" });
    await server.updateUser({ userId: "usr_new", attributes: {} });
    emulator.reset();
    expect((await server.getUser({ userId: "usr_seeded" })).isEnrolled).toBe(true);
    expect(Object.keys(emulator.exportState().server.users)).toEqual(["usr_seeded"]);
  });

  it("refuses to import what is not an exported state, and keeps the state it had", async () => {
    const { emulator } = setup({ seed });
    expect(() => emulator.importState({ server: {} } as never)).toThrow(/state\.server\.users is required/);
    expect(
      (await call(emulator, "PUT", "/state", { management: {}, server: {}, emulator: {}, extra: 1 })).json
        .errorDescription,
    ).toBe("state.management.tenant is required");
    expect(Object.keys(emulator.exportState().server.users)).toEqual(["usr_seeded"]);
  });
});

describe("the test-only HTTP API", () => {
  it("lists messages and challenges, completes an action, advances the clock and reads the deliveries", async () => {
    const { server, emulator } = setup({ seed });
    const tracked = await server.track({ userId: "usr_seeded", action: "signIn" });
    await server.challenge({ verificationMethod: "SMS", phoneNumber: "+64210000000", action: "signIn" });
    const messages = await call(emulator, "GET", "/messages?to=%2B64210000000");
    expect(messages.json.messages).toMatchObject([
      { channel: "SMS", to: "+64210000000", code: expect.stringMatching(/^\d{6}$/) },
    ]);
    expect((await call(emulator, "GET", "/challenges")).json.challenges).toHaveLength(1);
    const ui = (await call(emulator, "GET", `/ui?token=${tracked.token}`)).json;
    expect(ui).toMatchObject({ userId: "usr_seeded", action: "signIn", state: "CHALLENGE_REQUIRED" });
    const completed = await call(emulator, "POST", new URL(ui.complete).pathname.replace("/_emulator/v1", ""), {
      outcome: "SUCCEEDED",
    });
    expect(completed.json.state).toBe("CHALLENGE_SUCCEEDED");
    expect(await server.validateChallenge({ token: completed.json.token })).toMatchObject({ isValid: true });
    const before = emulator.now().getTime();
    const advanced = await call(emulator, "POST", "/clock/advance", { minutes: 2 });
    expect(Date.parse(advanced.json.now) - before).toBeGreaterThanOrEqual(120_000);
    expect((await call(emulator, "GET", "/webhooks/deliveries")).json).toEqual({ deliveries: [] });
  });

  it("reads and changes settings, refusing unknown or wrong ones by name", async () => {
    const { emulator } = setup();
    expect((await call(emulator, "PATCH", "/settings", { otpLength: 8 })).json.otpLength).toBe(8);
    const unknown = await call(emulator, "PATCH", "/settings", { otpLenght: 8 });
    expect(unknown).toMatchObject({
      status: 400,
      json: { errorDescription: "settings.otpLenght is not a known setting" },
    });
    const wrong = await call(emulator, "PATCH", "/settings", { unknownActionOutcome: "MAYBE" });
    expect(wrong.json.errorDescription).toBe(
      "settings.unknownActionOutcome must be one of ALLOW, BLOCK, CHALLENGE, REVIEW",
    );
  });

  it("exports and imports over HTTP, and resets", async () => {
    const { emulator } = setup({ seed });
    const exported = (await call(emulator, "GET", "/state")).json;
    expect(exported.server.users.usr_seeded.email).toBe("seeded@example.com");
    const other = createEmulator();
    expect((await call(other, "PUT", "/state", exported)).json).toEqual({ success: true });
    expect(other.exportState().server.users.usr_seeded).toBeDefined();
    expect((await call(other, "POST", "/reset")).json).toEqual({ success: true });
    expect(other.exportState().server.users).toEqual({});
  });
});

describe("seed", () => {
  it("names unknown fields, at the top and inside users and authenticators", () => {
    expect(() => createEmulator({ seed: { userz: [] } as never })).toThrow(/seed has an unknown field "userz"/);
    expect(() => createEmulator({ seed: { users: [{ userId: "u", nickname: "x" }] } as never })).toThrow(
      'seed.users[0] has an unknown field "nickname"',
    );
    expect(() =>
      createEmulator({
        seed: { users: [{ userId: "u", authenticators: [{ verificationMethod: "SMS", phone: "1" }] }] } as never,
      }),
    ).toThrow('seed.users[0].authenticators[0] has an unknown field "phone"');
    expect(() => createEmulator({ seed: { settings: { otpLength: 99 } } })).toThrow(EmulatorSeedError);
  });

  it("passes the management parts to the Management API's loader, which names its own problems", () => {
    expect(() => createEmulator({ seed: { rules: [{ actionCode: "signIn", name: "r" }] } as never })).toThrow(
      /seed\.rules\[0\]/,
    );
  });

  it("loads a passkey authenticator in the spec's UserAuthenticator shape", async () => {
    const { server } = setup({
      seed: {
        users: [
          {
            userId: "usr_pk",
            authenticators: [
              {
                verificationMethod: "PASSKEY",
                userAuthenticatorId: "auth_1",
                createdAt: "2025-01-01T00:00:00.000Z",
                webauthnCredential: { credentialId: "cred_1", deviceId: "dev_1", name: "iCloud Keychain" },
              },
            ],
          },
        ],
      },
    });
    expect(await server.getAuthenticators({ userId: "usr_pk" })).toMatchObject([
      { userAuthenticatorId: "auth_1", webauthnCredential: { name: "iCloud Keychain" } },
    ]);
  });
});

describe("seed.example.json", () => {
  it("loads, and its enrolled user is challenged with the fixed code", async () => {
    const { readFileSync } = await import("node:fs");
    const seedFile = JSON.parse(readFileSync(new URL("../../../seed.example.json", import.meta.url), "utf8"));
    const { server, emulator } = setup({ seed: seedFile });
    expect(emulator.serverSecret).toBe("sk_test_server");
    const tracked = await server.track({
      userId: "usr_123",
      action: "signIn",
      attributes: { ipAddress: "203.0.113.7" },
    });
    expect(tracked.state).toBe("CHALLENGE_REQUIRED");
    expect(
      (await server.track({ userId: "usr_123", action: "signIn", attributes: { ipAddress: "198.51.100.23" } })).state,
    ).toBe("BLOCK");
  });
});
