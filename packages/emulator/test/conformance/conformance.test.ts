// Every operation the emulator handles, driven by our clients through `prism proxy --errors` in
// front of it: Prism checks each request and each of the emulator's answers against the bundled
// spec, and reports what breaks it in `sl-violations` (a broken answer also becomes a 500).
import { createRequire } from "node:module";
import { createManagementClient } from "@authsignal-ts/management";
import { type PrismMock, startPrismProxy } from "@authsignal-ts/scripts/testing/prism";
import { createServerClient } from "@authsignal-ts/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningEmulator, startEmulator } from "../../src/index.ts";

const require = createRequire(import.meta.url);
const phoneNumber = "+64211234567";

let running: RunningEmulator;
let proxies: PrismMock[];
const violations: string[] = [];
const answered = new Set<string>();

/** A fetch that keeps every violation Prism reports, with the call it came from. */
const recording: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const method = init?.method ?? "GET";
  answered.add(`${method} ${new URL(String(input)).pathname}`);
  const header = response.headers.get("sl-violations");
  if (header) violations.push(`${method} ${input}: ${header}`);
  return response;
};

beforeAll(async () => {
  running = await startEmulator({
    port: 0,
    seed: {
      riskSignals: { ipAddresses: { "198.51.100.1": { isAnonymous: true } } },
      settings: { fixedCodes: { [phoneNumber]: "123456", "jane@example.com": "654321" } },
    },
  });
  proxies = await Promise.all([
    startPrismProxy(require.resolve("@authsignal-ts/server/openapi.json"), running.serverApiUrl),
    startPrismProxy(require.resolve("@authsignal-ts/management/openapi.json"), running.managementApiUrl),
  ]);
});

afterAll(async () => {
  await Promise.all((proxies ?? []).map((proxy) => proxy.stop()));
  await running?.stop();
});

describe("the emulator through prism proxy --errors", () => {
  it("answers every handled Server and Management operation of a sign-in flow within the spec", async () => {
    const [serverProxy, managementProxy] = proxies as [PrismMock, PrismMock];
    const server = createServerClient({
      apiSecretKey: "sk_emulator_server",
      baseUrl: serverProxy.baseUrl,
      fetch: recording,
      maxRetries: 0,
    });
    const mgmt = createManagementClient({
      apiSecretKey: "sk_emulator_management",
      baseUrl: managementProxy.baseUrl,
      fetch: recording,
      maxRetries: 0,
    });

    await mgmt.getTenant();
    await mgmt.createActionConfiguration({
      actionCode: "signIn",
      defaultUserActionResult: "CHALLENGE",
      verificationMethods: ["SMS"],
    });
    const rule = await mgmt.createRule({
      actionCode: "signIn",
      attributes: {
        name: "Block anonymous IPs",
        isActive: true,
        priority: 1,
        type: "BLOCK",
        conditions: { "==": [{ var: "ip.isAnonymous" }, true] },
      },
    });
    await mgmt.getRule({ actionCode: "signIn", ruleId: rule.ruleId });
    await mgmt.listRules({ actionCode: "signIn" });

    const userId = "usr_conformance";
    await server.updateUser({ userId, attributes: { email: "jane@example.com", username: "jane" } });
    await server.getUser({ userId });
    await server.queryUsers({ email: "jane@example.com" });
    const { authenticator } = await server.enrollVerifiedAuthenticator({
      userId,
      attributes: { verificationMethod: "SMS", phoneNumber },
    });
    await server.enrollVerifiedAuthenticators({
      authenticators: [{ userId, verificationMethod: "PASSKEY", credentialId: "cred", credentialPublicKey: "pk" }],
    });
    await server.getAuthenticators({ userId });
    await server.getAuthenticatorConfigurations();

    expect((await server.track({ userId, action: "signIn", attributes: { ipAddress: "198.51.100.1" } })).state).toBe(
      "BLOCK",
    );
    const tracked = await server.track({
      userId,
      action: "signIn",
      attributes: { ipAddress: "203.0.113.7", deviceId: "dev_1" },
    });
    expect(tracked.state).toBe("CHALLENGE_REQUIRED");
    const key = { userId, action: "signIn", idempotencyKey: tracked.idempotencyKey };
    await server.getAction(key);
    await server.queryUserActions({ userId, codes: ["signIn"] });
    await server.validateChallenge({ token: tracked.token });

    const { challengeId } = await server.challenge({
      verificationMethod: "SMS",
      phoneNumber,
      action: "signIn",
      userId,
      idempotencyKey: tracked.idempotencyKey,
    });
    await server.getChallenge({ challengeId });
    await server.verify({ challengeId, verificationCode: "000000" });
    await server.verify({ challengeId, verificationCode: "123456" });
    expect((await server.validateChallenge({ token: tracked.token })).isValid).toBe(true);

    const session = await server.createSession({ token: tracked.token, clientId: "web" });
    await server.validateSession({ accessToken: session.accessToken });
    const refreshed = await server.refreshSession({ refreshToken: session.refreshToken });
    await server.revokeSession({ accessToken: refreshed.accessToken });
    await server.revokeUserSessions({ userId });

    const email = await server.challenge({
      verificationMethod: "EMAIL_OTP",
      email: "jane@example.com",
      action: "signUp",
    });
    await server.verify({ challengeId: email.challengeId, verificationCode: "654321" });
    await server.claimChallenge({ challengeId: email.challengeId, userId: "usr_new" });

    await server.getDevices({ userId });
    await server.updateDevice({ userId, deviceId: "dev_1", attributes: { rememberedUntil: null } });
    await server.invalidateDevice({ userId, deviceId: "dev_1" });
    await server.updateAction({ ...key, attributes: { state: "REVIEW_REQUIRED" } });
    await server.deleteAuthenticator({ userId, userAuthenticatorId: authenticator.userAuthenticatorId });
    await server.deleteUser({ userId });
    await mgmt.deleteRule({ actionCode: "signIn", ruleId: rule.ruleId });

    expect(violations).toEqual([]);
    expect(answered.size).toBeGreaterThanOrEqual(30);
  });

  it("answers errors in the documented shape too", async () => {
    const [serverProxy] = proxies as [PrismMock];
    const server = createServerClient({
      apiSecretKey: "sk_emulator_server",
      baseUrl: serverProxy.baseUrl,
      fetch: recording,
      maxRetries: 0,
    });
    await expect(
      server.getAction({ userId: "nobody", action: "signIn", idempotencyKey: "none" }),
    ).rejects.toMatchObject({ statusCode: 404 });
    await expect(server.verify({ challengeId: "none", verificationCode: "1" })).rejects.toMatchObject({
      statusCode: 404,
    });
    await expect(server.queryUsers({})).rejects.toMatchObject({ statusCode: 400 });
    const wrongKey = createServerClient({
      apiSecretKey: "sk_wrong",
      baseUrl: serverProxy.baseUrl,
      fetch: recording,
      maxRetries: 0,
    });
    await expect(wrongKey.getUser({ userId: "u" })).rejects.toMatchObject({ statusCode: 401 });
    expect(violations).toEqual([]);
  });
});
