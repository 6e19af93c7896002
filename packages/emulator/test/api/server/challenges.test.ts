import { describe, expect, it } from "vitest";
import { setup } from "../../support.ts";

const phoneNumber = "+64211234567";

/** A webhook receiver in the test's own process: every POST is kept, and answered with `status`. */
function receiver(status = 200) {
  const received: { url: string; body: string; signature: string | null }[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    received.push({ url: request.url, body: await request.text(), signature: request.headers.get("x-signature-v2") });
    return new Response(null, { status });
  };
  return { received, fetch: fetch as typeof globalThis.fetch };
}

const enrolledUser = { userId: "usr_1", phoneNumber, authenticators: [{ verificationMethod: "SMS", phoneNumber }] };
const smsWebhook = { sms: { smsProvider: "WEBHOOK" as const, webhookUrl: "https://hooks.example.com/sms" } };

describe("SMS challenge end to end", () => {
  it("challenges, reads the code from the outbox and the signed webhook, verifies, validates and runs a session", async () => {
    const hooks = receiver();
    const { server, emulator } = setup({
      seed: {
        users: [enrolledUser],
        actionConfigurations: [{ actionCode: "signIn", defaultUserActionResult: "CHALLENGE" }],
        authenticatorConfigurations: smsWebhook,
      },
      webhookFetch: hooks.fetch,
    });
    const tracked = await server.track({ userId: "usr_1", action: "signIn" });
    expect(tracked.state).toBe("CHALLENGE_REQUIRED");
    const before = await server.validateChallenge({ token: tracked.token });
    expect(before).toMatchObject({
      isValid: false,
      state: "CHALLENGE_REQUIRED",
      action: "signIn",
      actionCode: "signIn",
    });

    const { challengeId } = await server.challenge({
      verificationMethod: "SMS",
      phoneNumber,
      action: "signIn",
      userId: "usr_1",
      idempotencyKey: tracked.idempotencyKey,
    });
    const code = emulator.lastMessage(phoneNumber)?.code;
    expect(code).toMatch(/^\d{6}$/);

    expect(hooks.received).toHaveLength(1);
    const [delivery] = hooks.received;
    const event = await server.webhook.constructEvent(delivery!.body, delivery!.signature);
    expect(event).toMatchObject({
      type: "sms.created",
      data: { to: phoneNumber, code, actionCode: "signIn", userId: "usr_1" },
    });
    expect(emulator.webhookDeliveries()).toMatchObject([
      { type: "sms.created", status: 200, signature: delivery!.signature },
    ]);

    expect(await server.verify({ challengeId, verificationCode: code === "000000" ? "111111" : "000000" })).toEqual({
      isVerified: false,
      failureReason: "CODE_INVALID_OR_EXPIRED",
    });
    expect(await server.verify({ challengeId, verificationCode: code! })).toEqual({
      isVerified: true,
      verificationMethod: "SMS",
      phoneNumber,
    });
    const validated = await server.validateChallenge({ token: tracked.token, userId: "usr_1", action: "signIn" });
    expect(validated).toMatchObject({ isValid: true, state: "CHALLENGE_SUCCEEDED", verificationMethod: "SMS" });

    const session = await server.createSession({ token: tracked.token, clientId: "web" });
    expect(await server.validateSession({ accessToken: session.accessToken, clientIds: ["web"] })).toMatchObject({
      user: { userId: "usr_1", phoneNumber },
      verificationMethod: "SMS",
    });
    const refreshed = await server.refreshSession({ refreshToken: session.refreshToken });
    await expect(server.validateSession({ accessToken: session.accessToken })).rejects.toMatchObject({
      statusCode: 400,
    });
    await expect(server.refreshSession({ refreshToken: session.refreshToken })).rejects.toMatchObject({
      statusCode: 400,
    });
    await server.revokeSession({ accessToken: refreshed.accessToken });
    await expect(server.validateSession({ accessToken: refreshed.accessToken })).rejects.toMatchObject({
      statusCode: 400,
    });
  });

  it("fails the challenge when the synchronous sms.created receiver does not answer 2xx", async () => {
    const hooks = receiver(503);
    const { server, emulator } = setup({
      seed: { authenticatorConfigurations: smsWebhook },
      webhookFetch: hooks.fetch,
    });
    await expect(server.challenge({ verificationMethod: "SMS", phoneNumber, action: "signIn" })).rejects.toMatchObject({
      statusCode: 500,
      errorCode: "webhook_delivery_failed",
    });
    expect(emulator.challenges()).toEqual([]);
    expect(emulator.webhookDeliveries()).toMatchObject([{ status: 503 }]);
  });

  it("does not create a session for a token whose challenge has not succeeded", async () => {
    const { server } = setup({ seed: { users: [enrolledUser] } });
    const tracked = await server.track({ userId: "usr_1", action: "signIn" });
    await expect(server.createSession({ token: tracked.token, clientId: "web" })).rejects.toMatchObject({
      statusCode: 400,
      errorCode: "invalid_request",
    });
  });
});

describe("verify", () => {
  it("caps wrong attempts, then refuses even the right code", async () => {
    const { server, emulator } = setup({ settings: { maxVerifyAttempts: 2, fixedCodes: { [phoneNumber]: "424242" } } });
    const { challengeId } = await server.challenge({ verificationMethod: "SMS", phoneNumber, action: "signIn" });
    expect(emulator.lastMessage(phoneNumber)?.code).toBe("424242");
    await server.verify({ challengeId, verificationCode: "000000" });
    await server.verify({ challengeId, verificationCode: "000001" });
    expect(await server.verify({ challengeId, verificationCode: "424242" })).toEqual({
      isVerified: false,
      failureReason: "MAX_ATTEMPTS_EXCEEDED",
    });
  });

  it("expires codes and tokens by the emulator's clock", async () => {
    const { server, emulator } = setup({
      seed: { users: [enrolledUser] },
      settings: { otpLifetimeMinutes: 5, fixedCodes: { [phoneNumber]: "123456" } },
    });
    const tracked = await server.track({ userId: "usr_1", action: "signIn" });
    const { challengeId, expiresAt } = await server.challenge({
      verificationMethod: "SMS",
      phoneNumber,
      action: "signIn",
    });
    expect(expiresAt).toBe(Math.floor(emulator.now().getTime() / 1000) + 300);
    emulator.advanceClock(5 * 60_000 + 1);
    expect(await server.verify({ challengeId, verificationCode: "123456" })).toMatchObject({
      isVerified: false,
      failureReason: "CODE_INVALID_OR_EXPIRED",
    });
    emulator.advanceClock(5 * 60_000);
    expect(await server.validateChallenge({ token: tracked.token })).toEqual({
      isValid: false,
      error: "expired_token",
    });
  });

  it("answers a garbage token with 200 and isValid false", async () => {
    const { server } = setup();
    expect(await server.validateChallenge({ token: "not-a-token" })).toEqual({
      isValid: false,
      error: "invalid_token",
    });
  });

  it("answers 404 for an unknown challenge", async () => {
    const { server } = setup();
    await expect(server.verify({ challengeId: "nope", verificationCode: "1" })).rejects.toMatchObject({
      statusCode: 404,
    });
  });
});

describe("passwordless email OTP", () => {
  it("verifies, claims for a user and hands out a token that validates", async () => {
    const { server, emulator } = setup({ settings: { fixedCodes: { "jane@example.com": "777777" } } });
    const { challengeId } = await server.challenge({
      verificationMethod: "EMAIL_OTP",
      email: "jane@example.com",
      action: "signUp",
    });
    expect(emulator.messages({ channel: "EMAIL" })).toMatchObject([{ to: "jane@example.com", code: "777777" }]);
    expect(await server.getChallenge({ challengeId })).toMatchObject({
      challengeId,
      verificationMethod: "EMAIL_OTP",
      email: "jane@example.com",
      action: "signUp",
    });
    await expect(server.claimChallenge({ challengeId, userId: "usr_jane" })).rejects.toMatchObject({ statusCode: 400 });
    await server.verify({ challengeId, verificationCode: "777777" });
    const claimed = await server.claimChallenge({ challengeId, userId: "usr_jane" });
    expect(claimed.verificationMethod).toBe("EMAIL_OTP");
    expect(await server.validateChallenge({ token: claimed.token })).toMatchObject({
      isValid: true,
      userId: "usr_jane",
    });
    await expect(server.claimChallenge({ challengeId, userId: "usr_other" })).rejects.toMatchObject({
      statusCode: 400,
    });
  });

  it("enrolls the verified email when the challenge asks to add an authenticator", async () => {
    const { server, emulator } = setup({ settings: { fixedCodes: { "e@example.com": "555555" } } });
    const { challengeId } = await server.challenge({
      verificationMethod: "EMAIL_OTP",
      email: "e@example.com",
      action: "enroll",
      userId: "usr_e",
      scope: "add:authenticators",
    });
    await server.verify({ challengeId, verificationCode: "555555" });
    expect(await server.getAuthenticators({ userId: "usr_e" })).toMatchObject([
      { verificationMethod: "EMAIL_OTP", email: "e@example.com" },
    ]);
    expect(emulator.challenges()[0]?.verifiedAt).toBeDefined();
  });
});

describe("pre-built UI stand-in", () => {
  it("approves or denies an action and returns the token to validate", async () => {
    const { server, emulator } = setup({ seed: { users: [enrolledUser] } });
    const tracked = await server.track({
      userId: "usr_1",
      action: "signIn",
      attributes: { redirectUrl: "https://app.example.com/cb" },
    });
    const key = { userId: "usr_1", action: "signIn", idempotencyKey: tracked.idempotencyKey };
    const approved = await emulator.completeAction({ ...key, outcome: "SUCCEEDED" });
    expect(approved.redirectUrl).toBe(`https://app.example.com/cb?token=${encodeURIComponent(approved.token)}`);
    expect(await server.validateChallenge({ token: approved.token })).toMatchObject({
      isValid: true,
      verificationMethod: "SMS",
    });
    const denied = await emulator.completeAction({ ...key, outcome: "FAILED" });
    expect(await server.validateChallenge({ token: denied.token })).toMatchObject({
      isValid: false,
      state: "CHALLENGE_FAILED",
    });
  });
});
