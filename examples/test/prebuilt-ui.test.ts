// The emulator's pre-built UI in Chromium, as a user meets it from the example app: redirect mode
// with an SMS code, a wrong code then the right one, the whole flow by keyboard alone, an expired
// token and a used link, and a new user's first enrolment (a passkey, then a sign-in with it; an
// authenticator app; an email address), and the settings screen a track with `redirectToSettings`
// adds after the challenge. Controls are found only by role and accessible name, as a screen reader
// user finds them.
import { type RunningEmulator, startEmulator } from "@authsignal-ts/emulator";
import { appCode } from "@authsignal-ts/scripts/testing/authenticator-app";
import { createServerClient } from "@authsignal-ts/server";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type RunningWebApp, startWebApp } from "../web-app/server.ts";
import { addVirtualAuthenticator, launchChromium, seriousAccessibilityProblems } from "./browser.ts";

const phoneNumber = "+64211234567";
/** The number of the user who meets the settings screen, apart from usr_sms, whose methods it changes. */
const settingsPhoneNumber = "+64211234568";
let emulator: RunningEmulator;
let app: RunningWebApp;
let browser: Browser;
let page: Page;
let server: ReturnType<typeof createServerClient>;

beforeAll(async () => {
  // On localhost by name, so the pre-built UI at track's url is on the passkeys' relying party.
  emulator = await startEmulator({
    port: 0,
    host: "localhost",
    // A user whose phone has the tenant's app (push needs a device, which a seed gives), and push
    // among the methods an action allows when nothing else says.
    seed: {
      users: [{ userId: "usr_push", authenticators: [{ verificationMethod: "PUSH" }] }],
      settings: {
        defaultVerificationMethods: ["SMS", "EMAIL_OTP", "PASSKEY", "AUTHENTICATOR_APP", "WHATSAPP", "PUSH"],
      },
    } as never,
  });
  [app, browser] = await Promise.all([
    startWebApp({
      serverApiUrl: emulator.serverApiUrl,
      serverSecret: emulator.emulator.serverSecret,
      tenantId: emulator.emulator.exportState().management.tenant.tenantId ?? "",
      baseUrl: emulator.serverApiUrl,
    }),
    launchChromium(),
  ]);
  server = createServerClient({ apiSecretKey: emulator.emulator.serverSecret, baseUrl: emulator.serverApiUrl });
  await server.enrollVerifiedAuthenticator({
    userId: "usr_sms",
    attributes: { verificationMethod: "SMS", phoneNumber },
  });
  await server.enrollVerifiedAuthenticator({
    userId: "usr_settings",
    attributes: { verificationMethod: "SMS", phoneNumber: settingsPhoneNumber },
  });
});

beforeEach(async () => {
  await page?.close();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([app?.stop(), emulator?.stop()]);
});

/** From the example app to the pre-built UI, as its button does. */
async function openPrebuiltUi(userId: string): Promise<string> {
  await page.goto(app.url);
  await page.getByLabel("User ID").fill(userId);
  await page.getByRole("button", { name: "Sign in with the pre-built UI", exact: true }).click();
  await page.waitForURL(/\/ui\?token=/);
  return page.url();
}

/** Back at the app's callback, or a failure that quotes what the pre-built UI was saying instead. */
async function backAtTheApp(): Promise<void> {
  try {
    await page.waitForURL(`${app.url}/callback?token=*`, { timeout: 20_000 });
  } catch (error) {
    const said = (await page.getByRole("alert").allTextContents()).filter(Boolean);
    throw new Error(`Not back at the app from ${page.url()}; the page says: ${said.join(" | ") || "nothing"}`, {
      cause: error,
    });
  }
}

const lastCode = () => emulator.emulator.lastMessage(phoneNumber)?.code ?? "";

describe("the pre-built UI in Chromium", () => {
  it("takes an SMS code after a wrong one, and sends the user back to the app signed in", async () => {
    await openPrebuiltUi("usr_sms");
    await page.getByRole("button", { name: "SMS" }).click();
    const code = page.getByLabel("Code");
    await code.waitFor({ state: "visible" });
    await code.fill(lastCode() === "000000" ? "111111" : "000000");
    await page.getByRole("button", { name: "Verify" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/not right/);
    expect(page.url()).toMatch(/\/ui\?token=/);
    await code.fill(lastCode());
    await page.getByRole("button", { name: "Verify" }).click();
    await backAtTheApp();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Signed in as usr_sms");
    expect(JSON.parse((await page.locator("#result").textContent()) ?? "")).toMatchObject({
      isValid: true,
      action: "signIn",
      verificationMethod: "SMS",
      session: { accessToken: true },
    });
  });

  it("works by keyboard alone: Tab to the method, Enter, type the code, Enter", async () => {
    await openPrebuiltUi("usr_sms");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("SMS");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("code");
    await page.keyboard.type(lastCode());
    await page.keyboard.press("Enter");
    await backAtTheApp();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Signed in as usr_sms");
  });

  it("says a used link was used, and offers nothing to submit", async () => {
    const url = await openPrebuiltUi("usr_sms");
    await page.getByRole("button", { name: "SMS" }).click();
    // The code field shows once the code is sent: read the outbox before, and it is the last one's.
    await page.getByLabel("Code").waitFor({ state: "visible" });
    await page.getByLabel("Code").fill(lastCode());
    await page.getByRole("button", { name: "Verify" }).click();
    await backAtTheApp();
    await page.goto(url);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("This link was already used");
    expect(await page.getByRole("button").count()).toBe(0);
    expect(await page.getByRole("textbox").count()).toBe(0);
  });

  it("enrols a new user's passkey, then signs them in with it", async () => {
    await addVirtualAuthenticator(page);
    await openPrebuiltUi("usr_passkey");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Set up a way to verify");
    await page.getByRole("button", { name: "Passkey" }).click();
    await backAtTheApp();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Signed in as usr_passkey");
    await openPrebuiltUi("usr_passkey");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Verify it's you");
    await page.getByRole("button", { name: "Passkey" }).click();
    await backAtTheApp();
    expect(JSON.parse((await page.locator("#result").textContent()) ?? "")).toMatchObject({
      isValid: true,
      userId: "usr_passkey",
      verificationMethod: "PASSKEY",
    });
  });

  it("enrols a new user's authenticator app with the key it shows", async () => {
    await openPrebuiltUi("usr_app");
    await page.getByRole("button", { name: "Authenticator app" }).click();
    // The key appears once the enrolment answers: read before, it would be the empty placeholder.
    const shown = page.getByText("Key for your authenticator app");
    await shown.waitFor({ state: "visible" });
    const key = (await shown.locator("code").textContent()) ?? "";
    expect(key).toMatch(/^[A-Z2-7]{16,}$/);
    await page.getByLabel("Code").fill(appCode(key, emulator.emulator.now().getTime()));
    await page.getByRole("button", { name: "Verify" }).click();
    await backAtTheApp();
    expect(JSON.parse((await page.locator("#result").textContent()) ?? "")).toMatchObject({
      isValid: true,
      verificationMethod: "AUTHENTICATOR_APP",
    });
  });

  it("enrols a new user's email address, asking for it first", async () => {
    await openPrebuiltUi("usr_mail");
    await page.getByRole("button", { name: "Email" }).click();
    await page.getByLabel("Email address").fill("mail@example.com");
    await page.getByRole("button", { name: "Send code" }).click();
    await expect.poll(() => emulator.emulator.lastMessage("mail@example.com")?.code).toMatch(/^\d{6}$/);
    await page.getByLabel("Code").fill(emulator.emulator.lastMessage("mail@example.com")?.code ?? "");
    await page.keyboard.press("Enter");
    await backAtTheApp();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Signed in as usr_mail");
  });

  it("waits for a push approved on the phone, then sends the user back signed in", async () => {
    await openPrebuiltUi("usr_push");
    await page.getByRole("button", { name: "Push notification" }).click();
    await page.getByRole("status").waitFor({ state: "visible" });
    const pushes = Object.values(emulator.emulator.exportState().server.clientChallenges).filter(
      (challenge) => challenge.kind === "push" && challenge.userId === "usr_push",
    );
    expect(pushes).toHaveLength(1);
    emulator.emulator.answerPush(pushes[0]?.challengeId ?? "", "APPROVED");
    await backAtTheApp();
    expect(JSON.parse((await page.locator("#result").textContent()) ?? "")).toMatchObject({
      isValid: true,
      userId: "usr_push",
      verificationMethod: "PUSH",
    });
  });

  it("runs in the web SDK's popup, and answers the app's page with the token", async () => {
    await page.goto(app.url);
    await page.getByLabel("User ID").fill("usr_sms");
    await page.getByRole("button", { name: "Sign in with the pre-built UI in a popup" }).click();
    const popup = page.frameLocator("#__authsignal-popup-iframe");
    await popup.getByRole("button", { name: "SMS" }).click();
    await popup.getByLabel("Code").waitFor({ state: "visible" });
    await popup.getByLabel("Code").fill(lastCode());
    await popup.getByRole("button", { name: "Verify" }).click();
    await page.waitForFunction(() => document.getElementById("result")?.dataset.seq === "1");
    expect(JSON.parse((await page.locator("#result").textContent()) ?? "")).toMatchObject({
      verified: true,
      validation: { isValid: true, userId: "usr_sms", verificationMethod: "SMS" },
    });
  });

  it("refuses to run as a popup when it cannot tell which page opened it", async () => {
    const url = await openPrebuiltUi("usr_sms");
    await page.goto(`${url}&mode=popup`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(
      "This page cannot tell which app opened it",
    );
    expect(await page.getByRole("button").count()).toBe(0);
  });

  it("has nothing axe-core finds serious on its screens: a choice, a code, an enrolment, an ended link", async () => {
    const url = await openPrebuiltUi("usr_sms");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.getByRole("button", { name: "SMS" }).click();
    await page.getByLabel("Code").fill("000000");
    await page.getByRole("button", { name: "Verify" }).click();
    await expect.poll(() => page.getByRole("alert").first().textContent()).not.toBe("");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await openPrebuiltUi("usr_axe");
    await page.getByRole("button", { name: "Email" }).click();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.goto(`${url}x`);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it("shows the settings screen after the challenge when track asks, adds an authenticator app, then continues", async () => {
    // The example app's button tracks without redirectToSettings: its server's track, made here.
    const tracked = await server.track({
      userId: "usr_settings",
      action: "signIn",
      attributes: { redirectUrl: `${app.url}/callback`, redirectToSettings: true },
    });
    await page.goto(tracked.url ?? "");
    await page.getByRole("button", { name: "SMS", exact: true }).click();
    await page.getByLabel("Code").waitFor({ state: "visible" });
    await page.getByLabel("Code").fill(emulator.emulator.lastMessage(settingsPhoneNumber)?.code ?? "");
    // Before the challenge passes there is no settings screen to go back to.
    expect(await page.getByRole("button", { name: "Back to settings" }).count()).toBe(0);
    await page.getByRole("button", { name: "Verify" }).click();

    const heading = page.getByRole("heading", { level: 1, name: "Your sign-in methods" });
    await heading.waitFor({ state: "visible" });
    // Focus moves to the screen's heading, so a screen reader announces where the user is.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Your sign-in methods");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Add passkey");
    const methods = page.getByRole("list", { name: "Methods you have" }).getByRole("listitem");
    expect(await methods.allTextContents()).toEqual(["SMS"]);
    expect(await page.getByRole("button", { name: "Add SMS" }).count()).toBe(0);
    for (const name of ["Add passkey", "Add email", "Add authenticator app"]) {
      expect(await page.getByRole("button", { name }).isVisible()).toBe(true);
    }
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    // An add the user changes their mind about leads back to the screen.
    await page.getByRole("button", { name: "Add email" }).click();
    await page.getByLabel("Email address").waitFor({ state: "visible" });
    await page.getByRole("button", { name: "Back to settings" }).click();
    await heading.waitFor({ state: "visible" });

    await page.getByRole("button", { name: "Add authenticator app" }).click();
    const shown = page.getByText("Key for your authenticator app");
    await shown.waitFor({ state: "visible" });
    const key = (await shown.locator("code").textContent()) ?? "";
    await page.getByLabel("Code").fill(appCode(key, emulator.emulator.now().getTime()));
    await page.getByRole("button", { name: "Verify" }).click();
    await heading.waitFor({ state: "visible" });
    await expect.poll(() => methods.allTextContents()).toEqual(["SMS", "Authenticator app"]);
    expect(await page.getByRole("button", { name: "Add authenticator app" }).count()).toBe(0);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await page.getByRole("button", { name: "Continue" }).click();
    await backAtTheApp();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Signed in as usr_settings");
    expect(JSON.parse((await page.locator("#result").textContent()) ?? "")).toMatchObject({
      isValid: true,
      state: "CHALLENGE_SUCCEEDED",
      userId: "usr_settings",
      action: "signIn",
    });
    const authenticators = await server.getAuthenticators({ userId: "usr_settings" });
    expect(authenticators.map((authenticator) => authenticator.verificationMethod).sort()).toEqual([
      "AUTHENTICATOR_APP",
      "SMS",
    ]);
  });

  it("says an expired link has expired, and offers nothing to submit", async () => {
    const url = await openPrebuiltUi("usr_sms");
    await emulator.emulator.advanceClock(11 * 60_000);
    await page.goto(url);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("This link has expired");
    expect(await page.getByRole("button").count()).toBe(0);
  });
});
