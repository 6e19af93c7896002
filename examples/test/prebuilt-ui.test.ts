// The emulator's pre-built UI in Chromium, as a user meets it from the example app: redirect mode
// with an SMS code, a wrong code then the right one, the whole flow by keyboard alone, an expired
// token and a used link. Controls are found only by role and accessible name, as a screen reader
// user finds them.
import { type RunningEmulator, startEmulator } from "@authsignal-ts/emulator";
import { createServerClient } from "@authsignal-ts/server";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type RunningWebApp, startWebApp } from "../web-app/server.ts";
import { launchChromium } from "./browser.ts";

const phoneNumber = "+64211234567";
let emulator: RunningEmulator;
let app: RunningWebApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  [app, browser] = await Promise.all([
    startWebApp({
      serverApiUrl: emulator.serverApiUrl,
      serverSecret: emulator.emulator.serverSecret,
      tenantId: emulator.emulator.exportState().management.tenant.tenantId ?? "",
      baseUrl: `http://localhost:${emulator.port}/v1`,
    }),
    launchChromium(),
  ]);
  const server = createServerClient({ apiSecretKey: emulator.emulator.serverSecret, baseUrl: emulator.serverApiUrl });
  await server.enrollVerifiedAuthenticator({
    userId: "usr_sms",
    attributes: { verificationMethod: "SMS", phoneNumber },
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
  await page.getByRole("button", { name: "Sign in with the pre-built UI" }).click();
  await page.waitForURL(/\/ui\?token=/);
  return page.url();
}

const lastCode = () => emulator.emulator.lastMessage(phoneNumber)?.code ?? "";

describe("the pre-built UI in Chromium", () => {
  it("takes an SMS code after a wrong one, and sends the user back to the app signed in", async () => {
    await openPrebuiltUi("usr_sms");
    await page.getByRole("button", { name: "SMS" }).click();
    const code = page.getByLabel("Code");
    await code.fill(lastCode() === "000000" ? "111111" : "000000");
    await page.getByRole("button", { name: "Verify" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/not right/);
    expect(page.url()).toMatch(/\/ui\?token=/);
    await code.fill(lastCode());
    await page.getByRole("button", { name: "Verify" }).click();
    await page.waitForURL(`${app.url}/callback?token=*`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Signed in as usr_sms");
    expect(JSON.parse((await page.locator("#result").textContent()) ?? "")).toMatchObject({
      isValid: true,
      action: "signIn",
      verificationMethod: "SMS",
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
    await page.waitForURL(`${app.url}/callback?token=*`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Signed in as usr_sms");
  });

  it("says a used link was used, and offers nothing to submit", async () => {
    const url = await openPrebuiltUi("usr_sms");
    await page.getByRole("button", { name: "SMS" }).click();
    await page.getByLabel("Code").fill(lastCode());
    await page.getByRole("button", { name: "Verify" }).click();
    await page.waitForURL(`${app.url}/callback?token=*`);
    await page.goto(url);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("This link was already used");
    expect(await page.getByRole("button").count()).toBe(0);
    expect(await page.getByRole("textbox").count()).toBe(0);
  });

  it("says an expired link has expired, and offers nothing to submit", async () => {
    const url = await openPrebuiltUi("usr_sms");
    await emulator.emulator.advanceClock(11 * 60_000);
    await page.goto(url);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("This link has expired");
    expect(await page.getByRole("button").count()).toBe(0);
  });
});
