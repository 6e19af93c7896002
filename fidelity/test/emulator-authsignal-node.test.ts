// The official @authsignal/node client in the emulator mode: each method, with the call shapes
// authsignal-node*.test.ts take from its tests and docs, through `prism proxy --errors` in front of
// the emulator (the emulator's Prism harness, seeded and staged as for the cases). A call passes
// when Prism finds nothing wrong with its request or the emulator's answer, and the call resolves
// or throws a status the operation documents. CallConnect's methods are left out: the emulator
// does not serve Call Connect.
import { join } from "node:path";
import { Authsignal, AuthsignalError, UserActionState, VerificationMethod } from "@authsignal/node";
import { connectEmulator } from "@authsignal-ts/emulator";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  documentedStatuses,
  type FidelityEmulator,
  fidelitySecret,
  startFidelityEmulator,
} from "../src/emulator-fixture.ts";
import {
  accessToken,
  challengeId,
  clientId,
  idempotencyKey,
  officialMethods,
  smsAuthenticator,
  token,
  userAttributes,
  userId,
} from "./authsignal-node-harness.ts";

let emulator: FidelityEmulator<"server">;
let client: Authsignal;
const answered: string[] = [];

beforeAll(async () => {
  emulator = await startFidelityEmulator(["server"]);
  client = new Authsignal({ apiSecretKey: fidelitySecret, apiUrl: emulator.harness.serverApiUrl, retries: 0 });
});
afterAll(async () => {
  await emulator?.harness.stop();
});
// Prism found nothing wrong with any request the test sent or any answer the emulator gave.
afterEach(() => {
  expect(emulator.harness.takeFindings()).toEqual([]);
});

/** [official method, the operation it reaches, the call]; getRequestConfig is the helper every call uses. */
const calls: [method: string, operation: string, call: () => Promise<unknown>][] = [
  ["getUser", "getUser", () => client.getUser({ userId })],
  ["queryUsers", "queryUsers", () => client.queryUsers({ email: "jane@example.com", limit: 10 })],
  ["updateUser", "updateUser", () => client.updateUser({ userId, attributes: userAttributes })],
  ["deleteUser", "deleteUser", () => client.deleteUser({ userId })],
  ["getAuthenticators", "getAuthenticators", () => client.getAuthenticators({ userId })],
  [
    "enrollVerifiedAuthenticator",
    "enrollVerifiedAuthenticator",
    () =>
      client.enrollVerifiedAuthenticator({
        userId,
        attributes: { verificationMethod: VerificationMethod.SMS, phoneNumber: "+64270000000" },
      }),
  ],
  [
    "deleteAuthenticator",
    "deleteAuthenticator",
    () => client.deleteAuthenticator({ userId, userAuthenticatorId: smsAuthenticator.userAuthenticatorId }),
  ],
  ["track", "track", () => client.track({ userId, action: "Login", attributes: { ipAddress: "203.0.113.7" } })],
  ["getAction", "getAction", () => client.getAction({ userId, action: "Login", idempotencyKey })],
  [
    "updateAction",
    "updateAction",
    () =>
      client.updateAction({
        userId,
        action: "Login",
        idempotencyKey,
        attributes: { state: UserActionState.REVIEW_REQUIRED },
      }),
  ],
  ["queryUserActions", "queryUserActions", () => client.queryUserActions({ userId, actionCodes: ["signIn", "Login"] })],
  [
    "challenge",
    "challenge",
    () => client.challenge({ verificationMethod: "SMS", action: "signInWithSms", phoneNumber: "+64270000000" }),
  ],
  ["verify", "verify", () => client.verify({ challengeId, verificationCode: "123456" })],
  [
    "claimChallenge",
    "claimChallenge",
    () => client.claimChallenge({ challengeId, userId: "usr_123", skipVerificationCheck: true }),
  ],
  ["validateChallenge", "validateChallenge", () => client.validateChallenge({ token })],
  ["getChallenge", "getChallenge", () => client.getChallenge({ challengeId })],
  ["createSession", "createSession", () => client.createSession({ token, clientId })],
  ["validateSession", "validateSession", () => client.validateSession({ accessToken, clientIds: [clientId] })],
  ["refreshSession", "refreshSession", () => client.refreshSession({ refreshToken: "3f72a26e6834b4da9c1e" })],
  ["revokeSession", "revokeSession", () => client.revokeSession({ accessToken })],
  ["revokeUserSessions", "revokeUserSessions", () => client.revokeUserSessions({ userId })],
];

describe("the official client through Prism in front of the emulator", () => {
  it.each(calls)("%s", async (method, operation, call) => {
    await emulator.restore();
    const status = await call().then(
      () => 200,
      (error: unknown) => {
        if (error instanceof AuthsignalError) return error.statusCode;
        throw error;
      },
    );
    expect(emulator.harness.takeFindings(), "what Prism found in the request or the answer").toEqual([]);
    expect(documentedStatuses("server", operation)).toContain(String(status));
    answered.push(`| Authsignal.${method} | ${operation} | ${status} |`);
  });

  it("creates, validates and revokes a session from a token the emulator issued", async () => {
    await emulator.restore();
    const tracked = await client.track({ userId, action: "Login" });
    const { token: approved } = await connectEmulator(emulator.harness.url).completeAction({
      userId,
      action: "Login",
      idempotencyKey: tracked.idempotencyKey,
      outcome: "SUCCEEDED",
    });
    const session = await client.createSession({ token: approved, clientId });
    expect(
      (await client.validateSession({ accessToken: session.accessToken, clientIds: [clientId] })).user?.userId,
    ).toBe(userId);
    await client.revokeSession({ accessToken: session.accessToken });
  });

  it("calls every Authsignal method but the request helper", () => {
    const covered = new Set(calls.map(([method]) => `Authsignal.${method}`));
    const missing = officialMethods().filter(
      (name) => name.startsWith("Authsignal.") && name !== "Authsignal.getRequestConfig" && !covered.has(name),
    );
    expect(missing).toEqual([]);
  });

  it("records the status each call got in emulator-statuses/authsignal-node.md", async () => {
    expect(answered).toHaveLength(calls.length);
    const table = ["| method | operation | status |", "| --- | --- | --- |", ...answered, ""].join("\n");
    await expect(table).toMatchFileSnapshot(join(import.meta.dirname, "../emulator-statuses/authsignal-node.md"));
  });
});
