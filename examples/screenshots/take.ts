// `pnpm docs:screenshots`: the emulator's pages as a person sees them, in Chromium, written to
// packages/emulator/docs/screenshots/ for the READMEs. The clock is fixed, codes are fixed, and
// every ID the pages show is the seed's or the script's, so the images change only when the pages
// do (up to the fonts of the machine that takes them). Run it after changing a page, look at the
// images, and commit them.
import { writeFileSync } from "node:fs";
import { startEmulator } from "@authsignal-ts/emulator";
import { launchChromium } from "@authsignal-ts/scripts/testing/chromium";
import { createServerClient } from "@authsignal-ts/server";
import type { Page } from "playwright-core";
import { screenshotsDir, shots } from "./shots.ts";

const fixedNow = Date.parse("2026-01-15T09:30:00.000Z");
const createdAt = "2026-01-02T08:00:00.000Z";
const anonymousIp = "198.51.100.23";

// Where the pre-built UI sends the user back: the "app", answered by the browser itself.
const redirectUrl = "http://localhost:3000/callback";

// The CLI's default port, which the pages then name, as the READMEs do.
const emulator = await startEmulator({
  port: Number(process.env.EMULATOR_PORT ?? 4010),
  host: "localhost",
  now: () => fixedNow,
  webhookFetch: async () => new Response(null, { status: 200 }),
  seed: {
    tenant: { name: "Acme (emulated)" },
    settings: { fixedCodes: { "+6421555123": "123456", "+6421555456": "654321" } },
    actionConfigurations: [
      {
        actionCode: "signIn",
        defaultUserActionResult: "ALLOW",
        verificationMethods: ["SMS", "EMAIL_OTP", "PASSKEY", "AUTHENTICATOR_APP"],
      },
    ],
    rules: [
      {
        ruleId: "rul_anonymous",
        actionCode: "signIn",
        name: "Challenge anonymous IPs",
        isActive: true,
        priority: 10,
        type: "CHALLENGE",
        conditions: { "==": [{ var: "ip.isAnonymous" }, true] },
      },
      {
        ruleId: "rul_bots",
        actionCode: "signIn",
        name: "Block bots",
        isActive: true,
        priority: 5,
        type: "BLOCK",
        conditions: { "==": [{ var: "device.isBot" }, true] },
      },
    ],
    authenticatorConfigurations: { sms: { smsProvider: "WEBHOOK", webhookUrl: "https://hooks.example.com/sms" } },
    riskSignals: {
      ipAddresses: { [anonymousIp]: { isAnonymous: true, countryCode: "NZ" } },
      userAgents: { "curl/8.0": { isBot: true } },
    },
    users: [
      {
        userId: "usr_jane",
        email: "jane@example.com",
        phoneNumber: "+6421555123",
        authenticators: [
          { verificationMethod: "SMS", phoneNumber: "+6421555123", userAuthenticatorId: "aut_jane_sms", createdAt },
          {
            verificationMethod: "EMAIL_OTP",
            email: "jane@example.com",
            userAuthenticatorId: "aut_jane_email",
            createdAt,
          },
        ],
      },
      {
        userId: "usr_sam",
        phoneNumber: "+6421555456",
        authenticators: [
          { verificationMethod: "SMS", phoneNumber: "+6421555456", userAuthenticatorId: "aut_sam_sms", createdAt },
        ],
      },
    ],
  } as never,
});
const server = createServerClient({ apiSecretKey: emulator.emulator.serverSecret, baseUrl: emulator.serverApiUrl });
const browser = await launchChromium();

const size = (file: string) => {
  const shot = shots.find((candidate) => candidate.file === file);
  if (!shot) throw new Error(`${file} is not in shots.ts`);
  return shot;
};

async function snap(page: Page, file: string): Promise<void> {
  const { width, height } = size(file);
  await page.setViewportSize({ width, height });
  await page.evaluate(() => document.fonts.ready);
  writeFileSync(new URL(file, screenshotsDir), await page.screenshot({ animations: "disabled", caret: "hide" }));
  console.log(`wrote ${file}`);
}

/** A track a minute after the last, so the console lists them in the order they were made. */
async function track(userId: string, idempotencyKey: string, attributes: Record<string, unknown>): Promise<string> {
  emulator.emulator.advanceClock(60_000);
  return (await server.track({ userId, action: "signIn", attributes: { idempotencyKey, redirectUrl, ...attributes } }))
    .url;
}

try {
  const page = await browser.newPage({ viewport: { width: 560, height: 640 } });
  await page.route(`${redirectUrl}*`, (route) =>
    route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Signed in</title><h1>Signed in</h1>" }),
  );

  // Jane, from an anonymous IP: challenged. A wrong code, then the right one.
  const janeUrl = await track("usr_jane", "idem-jane-1", { ipAddress: anonymousIp });
  await page.goto(janeUrl);
  await page.getByRole("button", { name: "SMS" }).waitFor();
  await snap(page, "prebuilt-ui-choose.png");
  await page.getByRole("button", { name: "SMS" }).click();
  await page.getByLabel("Code").fill("000000");
  await page.keyboard.press("Enter");
  await page.getByRole("alert").filter({ hasText: /./ }).waitFor();
  await snap(page, "prebuilt-ui-code.png");
  await page.getByLabel("Code").fill("123456");
  await page.keyboard.press("Enter");
  await page.waitForURL(`${redirectUrl}?token=*`);

  // A new user sets a first method up.
  await page.goto(await track("usr_new", "idem-new-1", {}));
  await page.getByRole("heading", { name: "Set up a way to verify" }).waitFor();
  await snap(page, "prebuilt-ui-enrol.png");

  // Sam asked for settings after the challenge.
  await page.goto(await track("usr_sam", "idem-sam-1", { redirectToSettings: true, ipAddress: anonymousIp }));
  await page.getByRole("button", { name: "SMS" }).click();
  await page.getByLabel("Code").fill("654321");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Your sign-in methods" }).waitFor();
  await page.getByRole("listitem").first().waitFor();
  await snap(page, "prebuilt-ui-settings.png");

  // Jane's link again, once used.
  await page.goto(janeUrl);
  await page.getByRole("heading", { name: "This link was already used" }).waitFor();
  await snap(page, "prebuilt-ui-used.png");

  // The journal from here: requests made once the emulator is warm. Their durations are shown to
  // the millisecond, "< 1 ms" when under one; a run the machine slowed (a GC, another process) is
  // made again, so the image shows what the page shows on a quiet machine and stays the same.
  emulator.emulator.advanceClock(60_000);
  for (let attempt = 1; ; attempt++) {
    emulator.emulator.clearRequests();
    // The same key each time: a repeat answers with the action the first made.
    await server.track({
      userId: "usr_jane",
      action: "signIn",
      attributes: { idempotencyKey: "idem-jane-2", redirectUrl, userAgent: "curl/8.0", ipAddress: "203.0.113.7" },
    });
    await server.getUser({ userId: "usr_jane" });
    await server
      .track({ userId: "usr_jane", action: "signIn", attributes: { email: "not an address" } })
      .catch(() => {});
    if (emulator.emulator.requests().every((request) => request.durationMs < 1)) break;
    if (attempt === 10)
      throw new Error("The machine is too busy for steady request durations; run it again when it is quiet.");
  }

  const views: [string, string, string][] = [
    ["/", "Overview", "console-overview.png"],
    ["/users", "Users", "console-users.png"],
    ["/actions", "Actions", "console-actions.png"],
    ["/outbox", "Outbox", "console-outbox.png"],
    ["/webhooks", "Webhooks", "console-webhooks.png"],
    ["/requests", "Requests", "console-requests.png"],
  ];
  for (const [path, heading, file] of views) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${emulator.url}${path}`);
    await page.getByRole("heading", { name: heading, level: 1 }).waitFor();
    await snap(page, file);
  }
} finally {
  await browser.close();
  await emulator.stop();
}
