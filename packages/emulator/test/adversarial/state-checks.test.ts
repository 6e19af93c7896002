// Nothing changes state unless every check has passed: a clock advance that would leave the range
// of dates, an import that is not a whole, valid state (PUT /state, --import), a seed that breaks
// what the API checks of the same fields. Each is refused naming the field, the state is as it was,
// and a normal track answers correctly afterwards.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createEmulator, type EmulatorSeed, EmulatorSeedError } from "../../src/index.ts";
import {
  type CliEmulator,
  expectNormalTrack,
  expectStartRefused,
  healthSeed,
  type Json,
  jsonFile,
  useEmulatorCli,
} from "./support.ts";

const cli = useEmulatorCli();
const phoneNumber = "+6421555000";

/** A user the API created, which a refused change must leave in place. */
async function stateToKeep(emulator: CliEmulator) {
  await emulator.server("PATCH", "/users/usr_kept", { email: "kept@example.com" });
  const before = (await emulator.testApi("GET", "/state")).json;
  return async () => {
    expect((await emulator.testApi("GET", "/state")).json).toEqual(before);
    expect((await emulator.server("GET", "/users/usr_kept")).json).toMatchObject({ email: "kept@example.com" });
  };
}

describe("a clock advance", () => {
  it.each([
    [{ milliseconds: 1e300 }, "body.milliseconds"],
    [{ minutes: 1e300 }, "body.minutes"],
    [{ seconds: 1e308, minutes: 1e308 }, "body.seconds"],
    [{ minutes: 3e9, seconds: 1.8e11 }, "body"],
    [{ milliseconds: 300_000 * 365 * 24 * 60 * 60 * 1000 }, "body.milliseconds"],
  ])("of %j, past the year 9999, is a 400 naming %s, and the clock stays", async (body, field) => {
    const unchanged = await stateToKeep(cli());
    const answer = await cli().testApi("POST", "/clock/advance", body);
    expect(answer.status).toBe(400);
    expect(answer.json.errorDescription).toMatch(new RegExp(`^${field.replaceAll(".", "\\.")}\\b.*9999`));
    await unchanged();
    await expectNormalTrack(cli());
  });

  it("to just before the year 10000 answers in RFC 3339 dates, and tracks still answer", async () => {
    const now = Date.parse((await cli().testApi("GET", "/clock")).json.now);
    const answer = await cli().testApi("POST", "/clock/advance", {
      milliseconds: Date.parse("9999-12-31T00:00:00.000Z") - now,
    });
    expect(answer.json.now).toMatch(/^9999-12-31T/);
    await expectNormalTrack(cli());
  });
});

/** An export of the running emulator with one part replaced. */
async function exportWith(emulator: CliEmulator, change: (state: Json) => void) {
  const { json } = await emulator.testApi("GET", "/state");
  change(json);
  return json;
}

describe("PUT /state", () => {
  type Change = (state: Json) => unknown;
  const deepConditions = () => {
    let conditions: object = { "==": [1, 1] };
    for (let level = 0; level < 20; level++) conditions = { and: [conditions] };
    return conditions;
  };
  async function expectRefusedWhole(field: string, change: Change) {
    const unchanged = await stateToKeep(cli());
    const answer = await cli().testApi("PUT", "/state", await exportWith(cli(), change));
    expect(answer.status).toBe(400);
    expect(answer.json.errorDescription.startsWith(field)).toBe(true);
    await unchanged();
    await expectNormalTrack(cli());
  }

  it("with a setting out of range is a 400 naming it, and the state stays whole", () =>
    expectRefusedWhole("state.emulator.settings.otpLength", (s) => (s.emulator.settings.otpLength = 99)));

  it.each<{ what: string; field: string; change: Change }>([
    { what: "server.users not a map", field: "state.server.users", change: (s) => (s.server.users = "oops") },
    { what: "server.sessions missing", field: "state.server.sessions", change: (s) => delete s.server.sessions },
    {
      what: "a user not an object",
      field: "state.server.users.usr_kept",
      change: (s) => (s.server.users.usr_kept = 7),
    },
    {
      what: "a user under another's ID",
      field: "state.server.users.usr_kept.userId",
      change: (s) => (s.server.users.usr_kept.userId = "someone_else"),
    },
    {
      what: "an authenticator of an unknown method",
      field: "state.server.users.usr_kept.authenticators[0].verificationMethod",
      change: (s) =>
        s.server.users.usr_kept.authenticators.push({
          userAuthenticatorId: "a1",
          verificationMethod: "SMSS",
          createdAt: "2025-01-01T00:00:00.000Z",
        }),
    },
    {
      what: "a rule's conditions too deep",
      field: "state.management.rules.healthCheck.health-block.conditions",
      change: (s) => (s.management.rules.healthCheck["health-block"].conditions = deepConditions()),
    },
    {
      what: "the clock off the calendar",
      field: "state.emulator.clockOffsetMs",
      change: (s) => (s.emulator.clockOffsetMs = 1e300),
    },
    { what: "an unknown field", field: "state.server", change: (s) => (s.server.extra = {}) },
  ])("with $what is a 400 naming $field, and the state stays whole", ({ field, change }) =>
    expectRefusedWhole(field, change),
  );

  it("takes back what GET /state gave, after tracks, challenges and sessions", async () => {
    const idempotencyKey = randomUUID();
    await cli().server("POST", "/users/usr_round/actions/healthCheck", { idempotencyKey });
    const { token } = (
      await cli().testApi("POST", `/actions/usr_round/healthCheck/${idempotencyKey}/complete`, { outcome: "SUCCEEDED" })
    ).json;
    await cli().server("POST", "/sessions", { token, clientId: "web" });
    await cli().server("POST", "/challenge", { verificationMethod: "SMS", phoneNumber, action: "healthCheck" });
    const exported = (await cli().testApi("GET", "/state")).json;
    await cli().testApi("POST", "/reset");
    expect((await cli().testApi("PUT", "/state", exported)).status).toBe(200);
    expect((await cli().testApi("GET", "/state")).json).toEqual(exported);
    await expectNormalTrack(cli());
  });
});

describe("--import", () => {
  it("of a state missing its maps does not start, naming the first", async () => {
    const state = createEmulator().exportState() as Json;
    state.server = {};
    const output = await expectStartRefused({ args: ["--import", jsonFile(state)] });
    expect(output).toMatch(/--import \S+: state\.server\.\w+ is required/);
  });

  it("of a state with a user whose authenticator is unknown does not start, naming it", async () => {
    const state = createEmulator({ seed: { users: [{ userId: "usr_1" }] } }).exportState() as Json;
    state.server.users.usr_1.authenticators.push({
      userAuthenticatorId: "a",
      verificationMethod: "SMSS",
      createdAt: "x",
    });
    const output = await expectStartRefused({ args: ["--import", jsonFile(state)] });
    expect(output).toContain("state.server.users.usr_1.authenticators[0]");
  });
});

describe("a seed", () => {
  const withAuthenticator = (authenticator: object): EmulatorSeed => ({
    ...healthSeed,
    users: [{ userId: "usr_seed", authenticators: [authenticator as never] }],
  });

  it.each<{ what: string; field: string; seed: object }>([
    {
      what: "an authenticator of an unknown method",
      field: "seed.users[0].authenticators[0].verificationMethod",
      seed: withAuthenticator({ verificationMethod: "SMSS", phoneNumber }),
    },
    {
      what: "an SMS authenticator without a phone number",
      field: "seed.users[0].authenticators[0].phoneNumber",
      seed: withAuthenticator({ verificationMethod: "SMS" }),
    },
    {
      what: "an email authenticator without an email",
      field: "seed.users[0].authenticators[0].email",
      seed: withAuthenticator({ verificationMethod: "EMAIL_OTP", phoneNumber }),
    },
    {
      what: "an SMS challenge without a phone number",
      field: "seed.challenges[0].phoneNumber",
      seed: {
        ...healthSeed,
        challenges: [{ challengeId: "c1", verificationMethod: "SMS", actionCode: "healthCheck", code: "123456" }],
      },
    },
    {
      what: "an action verified by an unknown method",
      field: "seed.users[0].actions[0].verificationMethod",
      seed: {
        ...healthSeed,
        users: [
          {
            userId: "usr_seed",
            actions: [{ actionCode: "healthCheck", idempotencyKey: "k", state: "ALLOW", verificationMethod: "SMSS" }],
          },
        ],
      },
    },
  ])("with $what does not start, naming $field", async ({ field, seed }) => {
    expect(await expectStartRefused({ seed })).toContain(field);
    expect(() => createEmulator({ seed: seed as never })).toThrow(EmulatorSeedError);
  });

  it.each(["constructor", "__proto__", "toString"])(
    "with an authenticator configuration named %s does not start, naming it as unknown",
    async (segment) => {
      const seed = JSON.parse(`{"authenticatorConfigurations":{"${segment}":{}}}`);
      expect(await expectStartRefused({ seed })).toContain(
        `seed.authenticatorConfigurations.${segment} is not a known field (one of sms, email-otp, passkey, push)`,
      );
    },
  );

  it("with an SMS authenticator and its phone number starts, and getAuthenticators answers it", async () => {
    const emulator = createEmulator({ seed: withAuthenticator({ verificationMethod: "SMS", phoneNumber }) });
    const answer = await emulator.fetch("http://emulator.test/v1/users/usr_seed/authenticators", {
      headers: { authorization: `Basic ${btoa(`${emulator.serverSecret}:`)}` },
    });
    expect(await answer.json()).toMatchObject([{ verificationMethod: "SMS", phoneNumber }]);
  });
});
