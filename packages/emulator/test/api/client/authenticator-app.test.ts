// Authenticator apps (TOTP) through @authsignal-ts/client against the emulator: the app's codes are
// computed here from the enrolment's secret, on the emulator's clock, as an app would compute them.

import { appCode } from "@authsignal-ts/scripts/testing/authenticator-app";
import { describe, expect, it } from "vitest";
import { clientSetup, refusal } from "./support.ts";

async function enrolled() {
  const running = clientSetup();
  const { api } = await running.userApi("usr_1", "enrolApp");
  const enrolment = await api.enrollTotp();
  const code = (offsetSteps = 0) => appCode(enrolment.secret, running.emulator.now().getTime() + offsetSteps * 30_000);
  return { ...running, enrolment, code, api };
}

describe("authenticator app", () => {
  it("enrols with a secret and its otpauth URI, and the first right code adds the app and passes the action", async () => {
    const { api, enrolment, code, server } = await enrolled();
    expect(enrolment.uri).toMatch(new RegExp(`^otpauth://totp/.+\\?secret=${enrolment.secret}&issuer=`));
    const verified = await api.verifyTotp({ verificationCode: code() });
    expect(verified).toMatchObject({
      isVerified: true,
      userAuthenticator: { verificationMethod: "AUTHENTICATOR_APP" },
    });
    expect(verified.userAuthenticator?.userAuthenticatorId).toBe(enrolment.userAuthenticatorId);
    expect(await server.validateChallenge({ token: verified.accessToken ?? "" })).toMatchObject({ isValid: true });
  });

  it("accepts one step of drift either side, and refuses two", async () => {
    const { api, code, userApi } = await enrolled();
    expect((await api.verifyTotp({ verificationCode: code(-1) })).isVerified).toBe(true);
    const next = (await userApi("usr_1", "pay")).api;
    expect((await next.verifyTotp({ verificationCode: code(2) })).isVerified).toBe(false);
    expect((await next.verifyTotp({ verificationCode: code(-2) })).isVerified).toBe(false);
    expect((await next.verifyTotp({ verificationCode: code(1) })).isVerified).toBe(true);
  });

  it("takes each step's code once, even for another action", async () => {
    const { api, code, userApi, emulator } = await enrolled();
    await api.verifyTotp({ verificationCode: code() });
    const next = (await userApi("usr_1", "pay")).api;
    expect(await next.verifyTotp({ verificationCode: code() })).toEqual({
      isVerified: false,
      failureReason: "CODE_INVALID_OR_EXPIRED",
    });
    emulator.advanceClock(30_000);
    expect((await next.verifyTotp({ verificationCode: code() })).isVerified).toBe(true);
  });

  it("is off when the tenant turns it off", async () => {
    const { emulator, userApi } = clientSetup();
    emulator.updateSettings({ authenticatorAppEnabled: false });
    const { api } = await userApi("usr_1");
    expect(await refusal(api.enrollTotp())).toMatchObject({ statusCode: 400, errorCode: "invalid_request" });
  });
});
