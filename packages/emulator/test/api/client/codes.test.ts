// One-time codes through @authsignal-ts/client against the emulator, as a user's own app sends
// them: enrol an address or a number, verify the code from the outbox, and hand the token the
// verification returns to the app's server, whose validateChallenge must accept it.
import { describe, expect, it } from "vitest";
import { clientSetup, codeSentTo, refusal } from "./support.ts";

const email = "jane@example.com";
const phoneNumber = "+64211234567";

describe("email OTP", () => {
  it("enrols the address: a code goes to it, the right code adds the authenticator and passes the action", async () => {
    const { emulator, server, userApi } = clientSetup();
    const { api, tracked } = await userApi("usr_1");
    const enrolled = await api.enrollEmailOtp({ email });
    expect(enrolled.userId).toBe("usr_1");
    const verified = await api.verifyEmailOtp({ verificationCode: codeSentTo(emulator, email) });
    expect(verified).toMatchObject({ isVerified: true, userAuthenticator: { verificationMethod: "EMAIL_OTP", email } });
    expect(verified.userAuthenticator?.userAuthenticatorId).toBe(enrolled.userAuthenticatorId);
    const validated = await server.validateChallenge({ token: verified.accessToken ?? "", userId: "usr_1" });
    expect(validated).toMatchObject({ isValid: true, state: "CHALLENGE_SUCCEEDED", action: "signIn" });
    expect(validated.idempotencyKey).toBe(tracked.idempotencyKey);
    const authenticators = await server.getAuthenticators({ userId: "usr_1" });
    expect(authenticators.map((authenticator) => authenticator.verificationMethod)).toEqual(["EMAIL_OTP"]);
  });

  it("answers a wrong code as not verified, leaves the action to retry, and takes a right code once", async () => {
    const { emulator, server, userApi } = clientSetup();
    const { api, tracked } = await userApi("usr_1");
    await api.enrollEmailOtp({ email });
    const code = codeSentTo(emulator, email);
    const wrong = code === "000000" ? "111111" : "000000";
    expect(await api.verifyEmailOtp({ verificationCode: wrong })).toEqual({
      isVerified: false,
      failureReason: "CODE_INVALID_OR_EXPIRED",
    });
    expect((await server.validateChallenge({ token: tracked.token })).state).not.toBe("CHALLENGE_FAILED");
    expect((await api.verifyEmailOtp({ verificationCode: code })).isVerified).toBe(true);
    expect(await api.verifyEmailOtp({ verificationCode: code })).toEqual({
      isVerified: false,
      failureReason: "CODE_INVALID_OR_EXPIRED",
    });
  });

  it("challenges an enrolled user's address and verifies the new code", async () => {
    const { emulator, userApi } = clientSetup({
      seed: { users: [{ userId: "usr_1", authenticators: [{ verificationMethod: "EMAIL_OTP", email }] }] },
    });
    const { api } = await userApi("usr_1");
    const { challengeId } = await api.challengeEmailOtp();
    expect(emulator.lastMessage(email)?.challengeId).toBe(challengeId);
    expect((await api.verifyEmailOtp({ verificationCode: codeSentTo(emulator, email) })).isVerified).toBe(true);
  });

  it("refuses to add an authenticator to an enrolled user without the add:authenticators scope", async () => {
    const seed = { users: [{ userId: "usr_1", authenticators: [{ verificationMethod: "SMS", phoneNumber }] }] };
    const { userApi } = clientSetup({ seed });
    const { api } = await userApi("usr_1");
    const refused = await refusal(api.enrollEmailOtp({ email }));
    expect(refused).toMatchObject({ statusCode: 401, errorCode: "unauthorized" });
    const scoped = await userApi("usr_1", "addEmail", "read:authenticators add:authenticators");
    expect((await scoped.api.enrollEmailOtp({ email })).userId).toBe("usr_1");
  });
});

describe("SMS and WhatsApp", () => {
  it("enrols a number by SMS, then sends and verifies a WhatsApp code to it", async () => {
    const { emulator, server, userApi } = clientSetup();
    const { api } = await userApi("usr_1");
    await api.enrollSms({ phoneNumber });
    expect(emulator.lastMessage(phoneNumber)?.channel).toBe("SMS");
    expect((await api.verifySms({ verificationCode: codeSentTo(emulator, phoneNumber) })).isVerified).toBe(true);
    const next = await userApi("usr_1", "pay");
    await next.api.challengeWhatsapp();
    expect(emulator.lastMessage(phoneNumber)?.channel).toBe("WHATSAPP");
    const verified = await next.api.verifyWhatsapp({ verificationCode: codeSentTo(emulator, phoneNumber) });
    expect(verified.isVerified).toBe(true);
    const validated = await server.validateChallenge({ token: verified.accessToken ?? "", action: "pay" });
    expect(validated).toMatchObject({ isValid: true, verificationMethod: "WHATSAPP" });
  });

  it("refuses a challenge to a user with no number to send it to", async () => {
    const { userApi } = clientSetup();
    const { api } = await userApi("usr_1");
    expect(await refusal(api.challengeSms())).toMatchObject({ statusCode: 400, errorCode: "invalid_request" });
  });
});

describe("requests as the web SDK sends them", () => {
  it("takes a challenge POSTed with a JSON content type and no body at all", async () => {
    const { emulator, userApi } = clientSetup({
      seed: { users: [{ userId: "usr_1", authenticators: [{ verificationMethod: "SMS", phoneNumber }] }] },
    });
    const { tracked } = await userApi("usr_1");
    const response = await emulator.fetch("http://emulator.test/v1/client/challenge/sms", {
      method: "POST",
      headers: { authorization: `Bearer ${tracked.token}`, "content-type": "application/json" },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challengeId: emulator.lastMessage(phoneNumber)?.challengeId });
  });
});

describe("the token", () => {
  it("is refused once expired, with the errorCode the web SDK asks a new one on", async () => {
    const { emulator, userApi } = clientSetup();
    const { api } = await userApi("usr_1");
    emulator.advanceClock(11 * 60_000);
    expect(await refusal(api.enrollEmailOtp({ email }))).toMatchObject({ statusCode: 401, errorCode: "expired_token" });
  });

  it("is refused when it is not one the emulator signed", async () => {
    const { clientApi } = clientSetup();
    const forged = clientApi.withToken("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfMSJ9.Zm9yZ2Vk");
    expect(await refusal(forged.challengeSms())).toMatchObject({ statusCode: 401, errorCode: "invalid_token" });
  });

  it("is required where the operation takes no tenant ID, and another tenant's ID is refused", async () => {
    const { emulator } = clientSetup();
    const response = await emulator.fetch("http://emulator.test/v1/client/challenge/sms", {
      method: "POST",
      headers: { authorization: `Basic ${btoa(emulator.exportState().management.tenant.tenantId ?? "")}` },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ errorCode: "unauthorized" });
    const stranger = await emulator.fetch("http://emulator.test/v1/client/challenge", {
      method: "POST",
      headers: { authorization: `Basic ${btoa("another-tenant:")}`, "content-type": "application/json" },
      body: JSON.stringify({ action: "signIn" }),
    });
    expect(stranger.status).toBe(401);
  });
});
