// Every operation of a sign-in flow, driven by our clients through `prism proxy --errors` in front
// of the emulator: Prism checks each request and each of the emulator's answers against the
// bundled spec. management.test.ts does the same for every Management operation.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { emulatorThroughPrism, type ThroughPrism } from "./support.ts";

const phoneNumber = "+64211234567";

let prism: ThroughPrism;

beforeAll(async () => {
  prism = await emulatorThroughPrism({
    seed: {
      riskSignals: { ipAddresses: { "198.51.100.1": { isAnonymous: true } } },
      settings: { fixedCodes: { [phoneNumber]: "123456", "jane@example.com": "654321" } },
    },
  });
});

afterAll(async () => {
  await prism?.stop();
});

// Prism found nothing wrong with any request or answer of the test.
afterEach(() => {
  expect(prism.harness.takeFindings()).toEqual([]);
});

describe("the emulator through prism proxy --errors", () => {
  it("answers every handled Server and Management operation of a sign-in flow within the spec", async () => {
    const { server, management: mgmt, answered } = prism;
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

    expect(answered.size).toBeGreaterThanOrEqual(30);
  });

  it("answers errors in the documented shape too", async () => {
    const { server, serverWithKey } = prism;
    await expect(
      server.getAction({ userId: "nobody", action: "signIn", idempotencyKey: "none" }),
    ).rejects.toMatchObject({ statusCode: 404 });
    await expect(server.verify({ challengeId: "none", verificationCode: "1" })).rejects.toMatchObject({
      statusCode: 404,
    });
    await expect(server.queryUsers({})).rejects.toMatchObject({ statusCode: 400 });
    const wrongKey = serverWithKey("sk_wrong");
    await expect(wrongKey.getUser({ userId: "u" })).rejects.toMatchObject({ statusCode: 401 });
  });
});
