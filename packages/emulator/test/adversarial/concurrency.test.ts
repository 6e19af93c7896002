// Concurrency, adversarially: where the live API is exactly-once, so is the emulator, however many
// requests arrive together. One idempotency key is one action; one OTP is verified once, whether or
// not a verification webhook makes the request wait; one challenge is claimed by one user; the
// first sessions share one signing key; and rules changed during tracks decide each track whole.
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliEmulator, expectNormalTrack, useEmulatorCli } from "./support.ts";

const cli = useEmulatorCli();
const together = 20;
const phoneNumber = "+6421555777";

/** A verification webhook receiver that approves everything and counts what it is sent. */
let receiver: Server;
let receiverUrl: string;
const received: string[] = [];
beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      received.push(JSON.parse(body).type);
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/verify`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

/** An action whose challenges succeed only once the verification webhook has answered, or none. */
async function action(emulator: CliEmulator, withWebhook: boolean): Promise<string> {
  const actionCode = withWebhook ? "verifiedAction" : "plainAction";
  const created = await emulator.management("POST", "/action-configurations", {
    actionCode,
    defaultUserActionResult: "CHALLENGE",
    ...(withWebhook && { verificationWebhookUrl: receiverUrl }),
  });
  expect(created.status).toBe(200);
  await emulator.testApi("PATCH", "/settings", { fixedCodes: { [phoneNumber]: "123456" } });
  return actionCode;
}

async function challenge(emulator: CliEmulator, actionCode: string, userId?: string): Promise<string> {
  const started = await emulator.server("POST", "/challenge", {
    verificationMethod: "SMS",
    phoneNumber,
    action: actionCode,
    ...(userId && { userId }),
  });
  expect(started.status).toBe(200);
  return started.json.challengeId;
}

const all = <T>(make: (index: number) => Promise<T>) =>
  Promise.all(Array.from({ length: together }, (_, i) => make(i)));

describe("exactly once", () => {
  it("one idempotency key tracked by many requests at once is one action", async () => {
    const idempotencyKey = randomUUID();
    const answers = await all(() =>
      cli().server("POST", "/users/usr_once/actions/healthCheck", { idempotencyKey, custom: { risk: "high" } }),
    );
    expect(
      new Set(answers.map((answer) => `${answer.status} ${answer.json.state} ${answer.json.idempotencyKey}`)),
    ).toEqual(new Set([`200 BLOCK ${idempotencyKey}`]));
    const { json } = await cli().testApi("GET", "/state");
    expect(Object.values(json.server.actions.usr_once)).toHaveLength(1);
    await expectNormalTrack(cli());
  });

  async function verifyOnce(withWebhook: boolean) {
    const actionCode = await action(cli(), withWebhook);
    const challengeId = await challenge(cli(), actionCode, "usr_once");
    received.length = 0;
    const answers = await all(() => cli().server("POST", "/verify", { challengeId, verificationCode: "123456" }));
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
    expect(answers.filter((answer) => answer.json.isVerified === true)).toHaveLength(1);
    expect(received.filter((type) => type === "action.verify")).toHaveLength(withWebhook ? 1 : 0);
    await expectNormalTrack(cli());
  }

  it("one OTP verified by many requests at once succeeds once, with no verification webhook", () => verifyOnce(false));

  it("one OTP verified by many requests at once succeeds once, with a verification webhook", () => verifyOnce(true));

  it("one verified challenge claimed by many users at once is claimed by one", async () => {
    const actionCode = await action(cli(), true);
    const challengeId = await challenge(cli(), actionCode);
    expect((await cli().server("POST", "/verify", { challengeId, verificationCode: "123456" })).json.isVerified).toBe(
      true,
    );
    const answers = await all((index) => cli().server("POST", "/claim", { challengeId, userId: `usr_claim_${index}` }));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 400)).toHaveLength(together - 1);
    await expectNormalTrack(cli());
  });

  it("the first sessions, created at once, are signed with one key made once, and every one validates", async () => {
    const tokens = await all(async (index) => {
      const idempotencyKey = randomUUID();
      await cli().server("POST", `/users/usr_session_${index}/actions/healthCheck`, { idempotencyKey });
      const completed = await cli().testApi(
        "POST",
        `/actions/usr_session_${index}/healthCheck/${idempotencyKey}/complete`,
        { outcome: "SUCCEEDED" },
      );
      return completed.json.token as string;
    });
    const sessions = await Promise.all(
      tokens.map((token) => cli().server("POST", "/sessions", { token, clientId: "web" })),
    );
    const kids = sessions.map(
      (session) => JSON.parse(Buffer.from(session.json.accessToken.split(".")[0], "base64url").toString()).kid,
    );
    expect(new Set(kids).size).toBe(1);
    const { json } = await cli().testApi("GET", "/state");
    expect(json.emulator.keys.session.kid).toBe(kids[0]);
    for (const session of sessions) {
      const validated = await cli().server("POST", "/sessions/validate", { accessToken: session.json.accessToken });
      expect(validated.status).toBe(200);
    }
    await expectNormalTrack(cli());
  });
});

describe("rules changed during tracks", () => {
  it("decide each track by one version of the rules, and the last change decides the next", async () => {
    await cli().management("POST", "/action-configurations", { actionCode: "flip", defaultUserActionResult: "ALLOW" });
    const { json: rule } = await cli().management("POST", "/action-configurations/flip/rules", {
      name: "Block everything",
      isActive: true,
      priority: 0,
      type: "BLOCK",
      conditions: { "==": [1, 1] },
    });
    const tracks = all(() => cli().server("POST", "/users/usr_flip/actions/flip", { idempotencyKey: randomUUID() }));
    const changes = all((index) =>
      cli().management("PATCH", `/action-configurations/flip/rules/${rule.ruleId}`, { isActive: index % 2 === 1 }),
    );
    const [answers, changed] = await Promise.all([tracks, changes]);
    expect(changed.map((answer) => answer.status)).toEqual(changed.map(() => 200));
    for (const { status, json } of answers) {
      expect(status).toBe(200);
      expect([JSON.stringify(["BLOCK", [rule.ruleId]]), JSON.stringify(["ALLOW", []])]).toContain(
        JSON.stringify([json.state, json.ruleIds]),
      );
    }
    await cli().management("PATCH", `/action-configurations/flip/rules/${rule.ruleId}`, { isActive: false });
    const last = await cli().server("POST", "/users/usr_flip/actions/flip", { idempotencyKey: randomUUID() });
    expect(last.json).toMatchObject({ state: "ALLOW", ruleIds: [] });
    const deleting = cli().management("DELETE", `/action-configurations/flip/rules/${rule.ruleId}`);
    const during = await all(() =>
      cli().server("POST", "/users/usr_flip/actions/flip", { idempotencyKey: randomUUID() }),
    );
    expect((await deleting).status).toBe(200);
    expect(during.map((answer) => answer.json.state)).toEqual(during.map(() => "ALLOW"));
    await expectNormalTrack(cli());
  });
});
