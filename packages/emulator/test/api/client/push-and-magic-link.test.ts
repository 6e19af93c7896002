// Push and email magic links through @authsignal-ts/client against the emulator: a test answers
// the push and opens the link through the test-only API, as the user's phone and click would.
import { describe, expect, it } from "vitest";
import { clientSetup, refusal } from "./support.ts";

const email = "jane@example.com";
const withPush = {
  seed: { users: [{ userId: "usr_1", authenticators: [{ verificationMethod: "PUSH" as const }] }] },
};

describe("push", () => {
  it("is approved on the phone: the next verify passes the action, once", async () => {
    const { emulator, server, userApi } = clientSetup(withPush as never);
    const { api } = await userApi("usr_1");
    const { challengeId, deliveryResults } = await api.challengePush({ action: "signIn" });
    expect(deliveryResults).toHaveLength(1);
    expect(await api.verifyPush({ challengeId })).toEqual({ isVerified: false, isConsumed: false });
    emulator.answerPush(challengeId, "APPROVED");
    const verified = await api.verifyPush({ challengeId });
    expect(verified).toMatchObject({ isVerified: true, isConsumed: true });
    expect(await server.validateChallenge({ token: verified.accessToken ?? "" })).toMatchObject({ isValid: true });
    expect(() => emulator.answerPush(challengeId, "DENIED")).toThrow(/unanswered/);
  });

  it("is denied on the phone: the action fails", async () => {
    const { emulator, server, userApi } = clientSetup(withPush as never);
    const { api, tracked } = await userApi("usr_1");
    const { challengeId } = await api.challengePush({ action: "signIn" });
    emulator.answerPush(challengeId, "DENIED");
    expect(await api.verifyPush({ challengeId })).toEqual({ isVerified: false, isConsumed: true });
    expect((await server.validateChallenge({ token: tracked.token })).state).toBe("CHALLENGE_FAILED");
  });

  it("is refused for a user with no push authenticator", async () => {
    const { userApi } = clientSetup();
    const { api } = await userApi("usr_1");
    expect(await refusal(api.challengePush({ action: "signIn" }))).toMatchObject({ statusCode: 400 });
  });
});

describe("email magic link", () => {
  it("enrols the address once the emailed link is opened", async () => {
    const { emulator, server, userApi } = clientSetup();
    const { api } = await userApi("usr_1");
    const enrolled = await api.enrollEmailMagicLink({ email });
    expect(await api.finalizeEmailMagicLink()).toEqual({ isVerified: false });
    const message = emulator.lastMessage(email);
    expect(message?.link).toMatch(new RegExp(`/_emulator/v1/magic-links/${enrolled.challengeId}$`));
    emulator.openMagicLink(enrolled.challengeId ?? "");
    const verified = await api.finalizeEmailMagicLink();
    expect(verified).toMatchObject({
      isVerified: true,
      userAuthenticator: { verificationMethod: "EMAIL_MAGIC_LINK", email },
    });
    expect(await server.validateChallenge({ token: verified.accessToken ?? "" })).toMatchObject({ isValid: true });
    // A page that polls once more is told the same.
    expect((await api.finalizeEmailMagicLink()).isVerified).toBe(true);
  });
});
