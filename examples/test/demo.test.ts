// The demo a person clicks through: `pnpm web-app` (web-app/start.ts) run as they run it, its
// printed URLs followed in Chromium. Signing in sends a new user through the emulator's pre-built
// UI, the code is read where a person reads it (the console's Outbox, in a second tab), and the app
// greets them signed in with a session. Ctrl-C then stops it cleanly, the console still open.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { launchChromium, seriousAccessibilityProblems } from "./browser.ts";

let child: ChildProcess;
let output = "";
let browser: Browser;

/** The URL printed after `label`, once the demo has printed it. */
async function printed(label: string): Promise<string> {
  await expect.poll(() => new RegExp(`${label}\\s+(http://\\S+)`).exec(output)?.[1], { timeout: 30_000 }).toBeTruthy();
  return new RegExp(`${label}\\s+(http://\\S+)`).exec(output)?.[1] as string;
}

beforeAll(async () => {
  child = spawn(process.execPath, ["--conditions=@authsignal-ts/source", "web-app/start.ts"], {
    cwd: new URL("..", import.meta.url),
    env: { ...process.env, PORT: "0", EMULATOR_PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (child.exitCode === null) child.kill("SIGKILL");
});

describe("the demo, clicked through", () => {
  it("signs a new user in through the pre-built UI, the code read in the console, and stops cleanly", {
    timeout: 120_000,
  }, async () => {
    // What a failure reports: the step it was at, what the demo printed, and where each tab was.
    let step = "starting the demo";
    const tabs: Page[] = [];
    onTestFailed(() => {
      console.error(`demo test failed while ${step}; tabs at ${tabs.map((tab) => tab.url()).join(", ")}\n${output}`);
    });
    const appUrl = await printed("Example app listening on");
    const consoleUrl = await printed("Console:");
    step = "signing in through the pre-built UI";
    const page = await browser.newPage();
    tabs.push(page);
    await page.goto(appUrl);
    await page.getByLabel("User ID").fill("usr_demo");
    await page.getByRole("button", { name: "Sign in with the pre-built UI", exact: true }).click();
    await page.getByRole("button", { name: "Email" }).click();
    await page.getByLabel("Email address").fill("demo@example.com");
    await page.getByRole("button", { name: "Send code" }).click();
    await page.getByLabel("Code").waitFor();

    step = "reading the code in the console's Outbox";
    const consolePage = await browser.newPage();
    tabs.push(consolePage);
    await consolePage.goto(consoleUrl);
    await consolePage.getByRole("link", { name: "Outbox" }).click();
    const row = consolePage.getByRole("row").filter({ hasText: "demo@example.com" });
    const code =
      (await row
        .getByRole("cell")
        .filter({ hasText: /^\d{6}/ })
        .locator("code")
        .textContent()) ?? "";
    expect(code).toMatch(/^\d{6}$/);
    expect(await seriousAccessibilityProblems(consolePage)).toEqual([]);

    step = `verifying the code ${code}`;
    await page.getByLabel("Code").fill(code);
    await page.keyboard.press("Enter");
    await page.waitForURL(`${appUrl}/callback?token=*`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Signed in as usr_demo");
    expect(JSON.parse((await page.locator("#result").textContent()) ?? "{}")).toMatchObject({
      isValid: true,
      state: "CHALLENGE_SUCCEEDED",
      session: { accessToken: true },
    });

    // The console's wait is still open; Ctrl-C ends both servers, and the process, at once.
    step = "seeing the user in the console";
    await consolePage.getByRole("link", { name: "Users" }).click();
    await consolePage.getByRole("heading", { name: "usr_demo", level: 2 }).waitFor();
    step = "stopping the demo with SIGINT";
    child.kill("SIGINT");
    const [exitCode, signal] = await once(child, "exit");
    expect({ code: exitCode, signal }).toEqual({ code: 0, signal: null });
  });
});
