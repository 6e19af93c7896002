import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createJournal } from "../../../src/api/testing/journal.ts";
import { isSecretName, REDACTED, redacted } from "../../../src/api/testing/redact.ts";
import { createEmulator, emulatorVersion } from "../../../src/index.ts";
import { basic, origin, raw, setup } from "../../support.ts";

describe("the request journal", () => {
  it("records each API request after its answer: operation, status, duration, query, body", async () => {
    let wall = Date.parse("2030-01-01T00:00:00Z");
    const { emulator, server } = setup({ now: () => wall });
    await server.track({ userId: "usr_1", action: "signIn", attributes: { email: "a@example.com" } });
    wall += 1000;
    await raw(emulator, "GET", "/v1/users/usr_1/actions?codes=signIn,signUp&fromDate=x");
    await raw(emulator, "GET", "/v1/nothing", { secret: "sk_wrong" });
    const [tracked, queried, refused] = emulator.requests();
    expect(tracked).toMatchObject({
      id: 1,
      time: "2030-01-01T00:00:00.000Z",
      method: "POST",
      path: "/v1/users/usr_1/actions/signIn",
      query: {},
      operation: "track",
      status: 200,
      errors: [],
      warnings: [],
      body: { email: "a@example.com", idempotencyKey: expect.any(String) },
    });
    expect(tracked?.durationMs).toBeGreaterThanOrEqual(0);
    expect(queried).toMatchObject({ id: 2, operation: "queryUserActions", query: { codes: "signIn,signUp" } });
    expect(queried?.errors[0]).toMatch(/^query\.fromDate/);
    expect(refused).toMatchObject({ id: 3, path: "/v1/nothing", status: 401 });
    expect(refused).not.toHaveProperty("operation");
  });

  it("filters by method, path (exact, or a prefix ending in *), operation and status or status class", async () => {
    const { emulator, server } = setup();
    await server.track({ userId: "usr_1", action: "signIn" });
    await server.getUser({ userId: "usr_1" });
    await raw(emulator, "POST", "/v1/users/usr_1/actions/signIn", { body: '{"email":"x"}' });
    expect(emulator.requests({ operation: "getUser" }).map((entry) => entry.path)).toEqual(["/v1/users/usr_1"]);
    expect(emulator.requests({ path: "/v1/users/usr_1" })).toHaveLength(1);
    expect(emulator.requests({ path: "/v1/users/usr_1/*" })).toHaveLength(2);
    expect(emulator.requests({ status: "4xx" }).map((entry) => entry.status)).toEqual([400]);
    expect(emulator.requests({ status: 200, method: "post" })).toHaveLength(1);
    expect(() => emulator.requests({ status: "teapot" })).toThrow("status must be a status such as 400");
  });

  it("keeps the newest journalLimit entries, is cleared, and keeps nothing at 0", async () => {
    const { emulator, server } = setup({ settings: { journalLimit: 3 } });
    for (const userId of ["u1", "u2", "u3", "u4", "u5"]) await server.getUser({ userId });
    expect(emulator.requests().map((entry) => entry.path)).toEqual(["/v1/users/u3", "/v1/users/u4", "/v1/users/u5"]);
    emulator.updateSettings({ journalLimit: 2 });
    await server.getUser({ userId: "u6" });
    expect(emulator.requests().map((entry) => entry.id)).toEqual([5, 6]);
    emulator.updateSettings({ journalLimit: 4 });
    await server.getUser({ userId: "u7" });
    expect(emulator.requests().map((entry) => entry.id)).toEqual([5, 6, 7]);
    emulator.clearRequests();
    expect(emulator.requests()).toEqual([]);
    await server.getUser({ userId: "u8" });
    expect(emulator.requests().map((entry) => entry.id)).toEqual([8]);
    emulator.updateSettings({ journalLimit: 0 });
    await server.getUser({ userId: "u9" });
    expect(emulator.requests()).toEqual([]);
  });

  it("stays in order as a ring wraps many times", () => {
    const journal = createJournal(() => 3);
    for (let index = 0; index < 10; index++) {
      journal.record({ timeMs: 0, method: "GET", url: `http://e.test/${index}`, status: 200, durationMs: 1, note: {} });
    }
    expect(journal.read().map((entry) => entry.path)).toEqual(["/7", "/8", "/9"]);
  });

  it("redacts codes, tokens and secrets at read time unless asked, and never holds the API key", async () => {
    const { emulator, server } = setup();
    await server.verify({ challengeId: "ch_1", verificationCode: "123456" }).catch(() => undefined);
    await server.validateChallenge({ token: "eyJ.secret.token" });
    await raw(emulator, "PATCH", "/v1/management/tenant", {
      secret: emulator.managementSecret,
      body: JSON.stringify({ authenticatorEventsWebhookConfig: { url: "https://h.test", secret: "whsec_1" } }),
    });
    const [verified, validated, tenant] = emulator.requests();
    expect(verified?.body).toEqual({ challengeId: "ch_1", verificationCode: REDACTED });
    expect(validated?.body).toEqual({ token: REDACTED });
    expect(tenant?.body).toEqual({ authenticatorEventsWebhookConfig: { url: "https://h.test", secret: REDACTED } });
    expect(emulator.requests({ redact: false })[0]?.body).toEqual({ challengeId: "ch_1", verificationCode: "123456" });
    const everything = JSON.stringify(emulator.requests({ redact: false })) + inspect(emulator, { depth: 10 });
    expect(everything).not.toContain(emulator.serverSecret);
    expect(everything).not.toContain(emulator.managementSecret);
    expect(everything).not.toContain(btoa(`${emulator.serverSecret}:`));
  });

  it("leaves out the test-only API's own requests", async () => {
    const emulator = createEmulator();
    await emulator.fetch(`${origin}/_emulator/v1/requests`);
    await emulator.fetch(`${origin}/v1/users/u1`, { headers: { authorization: basic(emulator.serverSecret) } });
    expect(emulator.requests().map((entry) => entry.path)).toEqual(["/v1/users/u1"]);
  });
});

describe("what is a secret", () => {
  it.each([
    "code",
    "verificationCode",
    "otp",
    "token",
    "refreshToken",
    "access_token",
    "privateKey",
    "apiSecretKey",
    "secret",
    "recoveryCodes",
    "webauthnCredential",
    "password",
  ])("%s is", (name) => expect(isSecretName(name)).toBe(true));

  it.each(["codes", "actionCode", "countryCode", "idempotencyKey", "userId", "redirectToSettings", "email", "key_id"])(
    "%s is not",
    (name) => expect(isSecretName(name)).toBe(false),
  );

  it("keeps booleans, null, non-code numbers, and a field named __proto__ as a field", () => {
    const value = JSON.parse('{"__proto__":{"code":"1"},"isOtp":true,"tokenDurationInMinutes":5,"code":123456}');
    const copy = redacted(value) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.hasOwn(copy, "__proto__")).toBe(true);
    expect(copy).toEqual(
      JSON.parse('{"__proto__":{"code":"[redacted]"},"isOtp":true,"tokenDurationInMinutes":5,"code":"[redacted]"}'),
    );
  });
});

describe("health", () => {
  it("says it is ready, its version, how long it has run by the wall clock, and where the state is kept", () => {
    let wall = 1_000_000;
    const emulator = createEmulator({ now: () => wall });
    wall += 2500;
    emulator.advanceClock(3_600_000);
    expect(emulator.health()).toEqual({
      ready: true,
      version: emulatorVersion,
      uptimeMs: 2500,
      store: "memory",
      description: expect.stringMatching(/memory/),
    });
  });
});
