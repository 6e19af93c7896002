// The emulator's console in Chromium, as a developer uses it beside their app: the tenant and its
// keys, an action's rule trace and its code after a track, a user appearing without a reload,
// moving between views by keyboard, and what it says once the emulator stops. Controls are found by
// role and accessible name only; axe-core checks each view.
import { type RunningEmulator, startEmulator } from "@authsignal-ts/emulator";
import { createManagementClient } from "@authsignal-ts/management";
import { createServerClient } from "@authsignal-ts/server";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchChromium, seriousAccessibilityProblems } from "./browser.ts";

const anonymousIp = "198.51.100.66";
const phoneNumber = "+64211234599";
let emulator: RunningEmulator;
let browser: Browser;
let page: Page;
let server: ReturnType<typeof createServerClient>;

beforeAll(async () => {
  [emulator, browser] = await Promise.all([
    startEmulator({ port: 0, seed: { riskSignals: { ipAddresses: { [anonymousIp]: { isAnonymous: true } } } } }),
    launchChromium(),
  ]);
  server = createServerClient({ apiSecretKey: emulator.emulator.serverSecret, baseUrl: emulator.serverApiUrl });
  const management = createManagementClient({
    apiSecretKey: emulator.emulator.managementSecret,
    baseUrl: emulator.managementApiUrl,
  });
  await management.createActionConfiguration({ actionCode: "signIn", defaultUserActionResult: "ALLOW" });
  await management.createRule({
    actionCode: "signIn",
    attributes: {
      name: "Challenge anonymous IPs",
      isActive: true,
      priority: 10,
      type: "CHALLENGE",
      verificationMethods: ["SMS"],
      conditions: { "==": [{ var: "ip.isAnonymous" }, true] },
    },
  });
});

beforeEach(async () => {
  await page?.close();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await emulator?.stop();
});

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  let text = "";
  for await (const chunk of stream) text += chunk;
  return text;
}

describe("the emulator's console in Chromium", () => {
  it("shows the tenant, its keys and base URLs, each with a button that copies it", async () => {
    await page.goto(`${emulator.url}/`);
    await page.getByRole("heading", { name: "Overview", level: 1 }).waitFor();
    const tenantId = emulator.emulator.exportState().management.tenant.tenantId as string;
    await page.getByText(tenantId, { exact: true }).waitFor();
    await page.getByText(emulator.emulator.serverSecret, { exact: true }).waitFor();
    await page.getByText(emulator.serverApiUrl, { exact: true }).waitFor();
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: emulator.url });
    await page.getByRole("button", { name: "Copy Server API secret key" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toBe("Copied Server API secret key.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(emulator.emulator.serverSecret);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it("shows an action's rule trace after a track, and the code it sent in the Outbox", async () => {
    await server.enrollVerifiedAuthenticator({
      userId: "usr_console",
      attributes: { verificationMethod: "SMS", phoneNumber },
    });
    const tracked = await server.track({
      userId: "usr_console",
      action: "signIn",
      attributes: { ipAddress: anonymousIp },
    });
    expect(tracked.state).toBe("CHALLENGE_REQUIRED");
    await server.challenge({
      verificationMethod: "SMS",
      phoneNumber,
      action: "signIn",
      userId: "usr_console",
      idempotencyKey: tracked.idempotencyKey,
    });
    await page.goto(`${emulator.url}/`);
    await page.getByRole("link", { name: "Actions" }).click();
    const action = page.getByRole("article", { name: "signIn for usr_console" });
    await action.waitFor();
    await action.getByText("Decided by the rule Challenge anonymous IPs (CHALLENGE).").waitFor();
    await action.getByRole("term").filter({ hasText: "ip.isAnonymous" }).waitFor();
    expect(await action.getByRole("definition").filter({ hasText: "true" }).count()).toBeGreaterThan(0);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await page.getByRole("link", { name: "Outbox" }).click();
    const code = emulator.emulator.lastMessage(phoneNumber)?.code as string;
    const row = page.getByRole("row").filter({ hasText: phoneNumber });
    await row.getByRole("cell", { name: code }).waitFor();
    await row.getByRole("button", { name: `Copy code ${code} sent to ${phoneNumber}` }).waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it("shows a new user without a reload", async () => {
    await page.goto(`${emulator.url}/users`);
    await page.getByRole("heading", { name: "Users", level: 1 }).waitFor();
    // Gone if the page were loaded again.
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
    await server.updateUser({ userId: "usr_arrived_live", attributes: { email: "live@example.com" } });
    await page.getByRole("heading", { name: "usr_arrived_live", level: 2 }).waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => (window as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
    await page.getByText("live@example.com").waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it("moves between its views by keyboard alone, and journals the API's requests", async () => {
    await page.goto(`${emulator.url}/`);
    await page.getByRole("heading", { name: "Overview", level: 1 }).waitFor();
    // Overview, Users, Actions, Outbox, Webhooks, Requests: the sixth link from the top.
    for (let tab = 0; tab < 6; tab++) await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Requests");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Requests", level: 1 }).waitFor();
    await page.getByRole("row").filter({ hasText: "/v1/users/usr_console/actions/signIn" }).first().waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.getByRole("link", { name: "Webhooks" }).click();
    await page.getByRole("heading", { name: "Webhooks", level: 1 }).waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it("changes settings from its Overview, and says why it did not when they are wrong", async () => {
    await page.goto(`${emulator.url}/`);
    const settings = page.getByLabel(/^Change settings/);
    await settings.fill("{ not json");
    await page.getByRole("button", { name: "Change settings" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toMatch(/^Not changed: that is not JSON/);
    await settings.fill('{"otpLength": 99}');
    await page.getByRole("button", { name: "Change settings" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toMatch(/^Not changed: .*otpLength/);
    expect(emulator.emulator.settings().otpLength).toBe(6);
    await settings.fill('{"otpLength": 8, "strict": true}');
    await page.getByRole("button", { name: "Change settings" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toBe("Settings changed.");
    expect(emulator.emulator.settings()).toMatchObject({ otpLength: 8, strict: true });
    await page.getByRole("row", { name: "otpLength 8" }).waitFor();
    await emulator.emulator.updateSettings({ otpLength: 6, strict: false });
  });

  it("advances the clock, exports, resets and imports the state, from its Overview's controls", async () => {
    await page.goto(`${emulator.url}/`);
    await page.getByLabel("Advance the clock by (minutes)").fill("90");
    await page.getByRole("button", { name: "Advance", exact: true }).click();
    await page.getByText("The emulator's clock is 90 minutes ahead of the wall clock.").waitFor();
    const clockOffsetMs = emulator.emulator.exportState().emulator.clockOffsetMs;
    expect(clockOffsetMs).toBe(90 * 60_000);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Export the state" }).click(),
    ]);
    const exported = JSON.parse(await streamText(await download.createReadStream()));
    expect(Object.keys(exported.server.users)).toContain("usr_console");

    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Reset to the seed" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toBe("Reset to the seed.");
    expect(emulator.emulator.exportState().server.users).toEqual({});
    // The view shows the reset (a live update) before a file is chosen in its form.
    await page.getByText("The emulator's clock is the wall clock.").waitFor();

    await page.getByLabel("Import a state file").setInputFiles({
      name: "state.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(exported)),
    });
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toBe("Imported state.json.");
    expect(Object.keys(emulator.emulator.exportState().server.users)).toContain("usr_console");
    await page.getByText("The emulator's clock is 90 minutes ahead of the wall clock.").waitFor();
  });

  it("says so when the emulator stops, its connection closed with it", async () => {
    await page.goto(`${emulator.url}/`);
    await page.getByRole("heading", { name: "Overview", level: 1 }).waitFor();
    await emulator.stop();
    await expect.poll(() => page.getByRole("status").textContent()).toMatch(/^Not connected: the emulator has stopped/);
  });
});
