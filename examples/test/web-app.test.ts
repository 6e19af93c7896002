// The official web SDK (@authsignal/browser, the version the registry serves) in Chromium, on the
// example app, against the emulator: the app and the emulator both on localhost, each on a port of
// its own, so every Client API call is cross-origin and preflighted as in a developer's setup.
// Passkeys are made and used by a virtual authenticator, codes are read from the emulator's outbox,
// and the authenticator app's codes are computed from the secret the page was given.
import { type RunningEmulator, startEmulator } from "@authsignal-ts/emulator";
import { createManagementClient } from "@authsignal-ts/management";
import { appCode } from "@authsignal-ts/scripts/testing/authenticator-app";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningWebApp, startWebApp } from "../web-app/server.ts";
import { addVirtualAuthenticator, launchChromium, press, type VirtualAuthenticator } from "./browser.ts";

let emulator: RunningEmulator;
let app: RunningWebApp;
let elsewhere: RunningWebApp;
let browser: Browser;
let page: Page;
let authenticator: VirtualAuthenticator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  const options = {
    serverApiUrl: emulator.serverApiUrl,
    serverSecret: emulator.emulator.serverSecret,
    tenantId: emulator.emulator.exportState().management.tenant.tenantId ?? "",
    baseUrl: `http://localhost:${emulator.port}/v1`,
  };
  [app, elsewhere, browser] = await Promise.all([startWebApp(options), startWebApp(options), launchChromium()]);
  page = await browser.newPage();
  authenticator = await addVirtualAuthenticator(page);
  await page.goto(app.url);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([app?.stop(), elsewhere?.stop(), emulator?.stop()]);
});

const codeSentTo = (to: string) => emulator.emulator.lastMessage(to)?.code ?? "";

describe("the official web SDK in Chromium, against the emulator", () => {
  it("signs up with a passkey, and the app's server validates the token", async () => {
    const signedUp = await press(page, "passkeySignUp", { userId: "usr_1" });
    expect(signedUp).toMatchObject({
      verified: true,
      validation: { isValid: true, userId: "usr_1", action: "signUp" },
    });
    const { credentials } = await authenticator.cdp.send("WebAuthn.getCredentials", {
      authenticatorId: authenticator.authenticatorId,
    });
    expect(credentials).toMatchObject([{ isResidentCredential: true, rpId: "localhost" }]);
  });

  it("signs in with the discoverable passkey, the user found from the credential", async () => {
    const signedIn = await press(page, "passkeySignIn");
    expect(signedIn).toMatchObject({
      verified: true,
      validation: { isValid: true, userId: "usr_1", action: "signIn", verificationMethod: "PASSKEY" },
    });
  });

  it("refuses an assertion with a bogus signature, then signs in again", async () => {
    const { cdp, authenticatorId } = authenticator;
    await cdp.send("WebAuthn.setResponseOverrideBits", { authenticatorId, isBogusSignature: true });
    expect(await press(page, "passkeySignIn")).toMatchObject({ errorCode: "invalid_credential" });
    await cdp.send("WebAuthn.setResponseOverrideBits", { authenticatorId, isBogusSignature: false });
    expect(await press(page, "passkeySignIn")).toMatchObject({ verified: true, validation: { isValid: true } });
  });

  it("verifies an email code from the outbox, after a wrong one, and takes it once", async () => {
    await press(page, "emailEnroll", { email: "jane@example.com" });
    const code = codeSentTo("jane@example.com");
    const wrong = code === "000000" ? "111111" : "000000";
    expect(await press(page, "emailVerify", { emailCode: wrong })).toMatchObject({ verified: false });
    expect(await press(page, "emailVerify", { emailCode: code })).toMatchObject({
      verified: true,
      validation: { isValid: true, action: "addEmail", verificationMethod: "EMAIL_OTP" },
    });
    expect(await press(page, "emailVerify", { emailCode: code })).toMatchObject({ verified: false });
  });

  it("verifies an SMS code from the outbox", async () => {
    await press(page, "smsEnroll", { phoneNumber: "+64211234567" });
    expect(await press(page, "smsVerify", { smsCode: codeSentTo("+64211234567") })).toMatchObject({
      verified: true,
      validation: { isValid: true, verificationMethod: "SMS" },
    });
  });

  it("enrols an authenticator app and verifies its code once", async () => {
    const enrolled = (await press(page, "totpEnroll")) as { data: { secret: string; uri: string } };
    const { secret, uri } = enrolled.data;
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    const code = appCode(secret, emulator.emulator.now().getTime());
    expect(await press(page, "totpVerify", { totpCode: code })).toMatchObject({
      verified: true,
      validation: { isValid: true, verificationMethod: "AUTHENTICATOR_APP" },
    });
    expect(await press(page, "totpVerify", { totpCode: code })).toMatchObject({ verified: false });
  });

  it("refuses a passkey used from an origin outside the tenant's expected origins", async () => {
    const management = createManagementClient({
      apiSecretKey: emulator.emulator.managementSecret,
      baseUrl: emulator.managementApiUrl,
    });
    await management.createPasskeyAuthenticatorConfiguration({ relyingParty: "localhost", expectedOrigins: [app.url] });
    // The same tab, so the same authenticator and passkey, on a page of another origin.
    await page.goto(elsewhere.url);
    expect(await press(page, "passkeySignIn")).toMatchObject({ errorCode: "invalid_credential" });
    await page.goto(app.url);
    expect(await press(page, "passkeySignIn")).toMatchObject({ verified: true, validation: { isValid: true } });
  });
});
