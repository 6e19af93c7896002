// An authenticator's lastVerifiedAt, "when the user last verified with the authenticator" (the
// spec's UserAuthenticator): set by each verification that names it, through the Server API's
// challenge and verify or the Client API's, and left alone by a verification with another.
import { describe, expect, it } from "vitest";
import { setup } from "../../support.ts";
import { codeSentTo } from "../client/support.ts";

const phoneNumber = "+64211234567";
/** A clock that stands still but for advanceClock, so the times compare exactly. */
const startedAt = Date.parse("2026-03-01T10:00:00.000Z");
const seed = {
  actionConfigurations: [{ actionCode: "signIn", defaultUserActionResult: "CHALLENGE" as const }],
  users: [
    {
      userId: "usr_1",
      email: "jane@example.com",
      authenticators: [
        { verificationMethod: "SMS" as const, phoneNumber, userAuthenticatorId: "aut_sms" },
        { verificationMethod: "EMAIL_OTP" as const, email: "jane@example.com", userAuthenticatorId: "aut_email" },
      ],
    },
  ],
};

const lastVerified = async (server: ReturnType<typeof setup>["server"]) =>
  Object.fromEntries(
    (await server.getAuthenticators({ userId: "usr_1" })).map((authenticator) => [
      authenticator.userAuthenticatorId,
      authenticator.lastVerifiedAt,
    ]),
  );

describe("an authenticator's lastVerifiedAt", () => {
  it("is unset until the user verifies with it, then the time they did, by the Server API", async () => {
    const { server, emulator } = setup({ seed, now: () => startedAt });
    expect(await lastVerified(server)).toEqual({ aut_sms: undefined, aut_email: undefined });
    const tracked = await server.track({ userId: "usr_1", action: "signIn" });
    const { challengeId } = await server.challenge({
      verificationMethod: "SMS",
      phoneNumber,
      action: "signIn",
      userId: "usr_1",
      idempotencyKey: tracked.idempotencyKey,
    });
    emulator.advanceClock(5 * 60_000);
    await server.verify({ challengeId, verificationCode: emulator.lastMessage(phoneNumber)?.code ?? "" });
    expect(await lastVerified(server)).toEqual({ aut_sms: "2026-03-01T10:05:00.000Z", aut_email: undefined });
  });

  it("is set by a Client API verification, on the authenticator it used", async () => {
    const { server, emulator, clientApi } = setup({ seed, now: () => startedAt });
    const tracked = await server.track({ userId: "usr_1", action: "signIn" });
    const api = clientApi.withToken(tracked.token);
    await api.challengeEmailOtp();
    await api.verifyEmailOtp({ verificationCode: codeSentTo(emulator, "jane@example.com") });
    expect(await lastVerified(server)).toEqual({ aut_sms: undefined, aut_email: "2026-03-01T10:00:00.000Z" });
  });
});
