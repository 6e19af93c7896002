// The token a passed verification answers with, for an action tracked with `redirectToSettings`:
// it may add authenticators to the user who is already enrolled (as the pre-built UI's settings
// screen does with it), and the app's server still validates it. Without redirectToSettings it may
// not, as before: only a track with the add:authenticators scope gives that.
import { appCode } from "@authsignal-ts/scripts/testing/authenticator-app";
import { describe, expect, it } from "vitest";
import { clientSetup, codeSentTo, refusal } from "./support.ts";

const phoneNumber = "+64211234567";
const seed = { users: [{ userId: "usr_1", authenticators: [{ verificationMethod: "SMS" as const, phoneNumber }] }] };

async function passedSms(redirectToSettings: boolean) {
  const running = clientSetup({ seed });
  const tracked = await running.server.track({ userId: "usr_1", action: "signIn", attributes: { redirectToSettings } });
  const api = running.clientApi.withToken(tracked.token);
  await api.challengeSms();
  const verified = await api.verifySms({ verificationCode: codeSentTo(running.emulator, phoneNumber) });
  expect(verified.isVerified).toBe(true);
  return { ...running, tracked, token: verified.accessToken ?? "" };
}

describe("a verified token of an action tracked with redirectToSettings", () => {
  it("adds an authenticator app to an enrolled user, lists it, and still validates as verified by SMS", async () => {
    const { server, clientApi, tracked, token, emulator } = await passedSms(true);
    // The track's own token may not: it carries only the default read:authenticators.
    expect((await refusal(clientApi.withToken(tracked.token).enrollTotp())).statusCode).toBe(401);
    const api = clientApi.withToken(token);
    const { secret } = await api.enrollTotp();
    expect(secret).toMatch(/^[A-Z2-7]+$/);
    expect((await api.getAuthenticators()).map((authenticator) => authenticator.verificationMethod)).toEqual(["SMS"]);
    const added = await api.verifyTotp({ verificationCode: appCode(secret, emulator.now().getTime()) });
    expect(added.isVerified).toBe(true);
    expect((await api.getAuthenticators()).map((authenticator) => authenticator.verificationMethod).sort()).toEqual([
      "AUTHENTICATOR_APP",
      "SMS",
    ]);
    // The app was added after the challenge; the user verified with SMS, and the action says so.
    expect(await server.validateChallenge({ token })).toMatchObject({
      isValid: true,
      state: "CHALLENGE_SUCCEEDED",
      verificationMethod: "SMS",
    });
  });

  it("is refused, as before, without redirectToSettings", async () => {
    const { clientApi, token } = await passedSms(false);
    const refused = await refusal(clientApi.withToken(token).enrollTotp());
    expect(refused).toMatchObject({ statusCode: 401, errorCode: "unauthorized" });
  });
});
