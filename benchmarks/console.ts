// The emulator's console as a browser gets it: each view's transferred size (gzip -9, as a server
// compressing it would send it) once every list is full (more users, actions, codes, deliveries and
// requests than a view shows), its script's, and, in Chromium on loopback, how long a change takes
// to appear on an open page (a user made through the API, to its heading in the Users view).
// The built emulator, as users run it, so build first:
//   pnpm --filter @authsignal-ts/emulator... build && pnpm --filter @authsignal-ts/benchmarks bench:console [runs]
// With --check it measures only the sizes, and exits non-zero when a view is over 30 kB gzip.
import { gzipSync } from "node:zlib";
import { startEmulator } from "@authsignal-ts/emulator";
import { createManagementClient } from "@authsignal-ts/management";
import { launchChromium } from "@authsignal-ts/scripts/testing/chromium";
import { createServerClient } from "@authsignal-ts/server";
import { loadAverage, spread } from "./children.ts";

const check = process.argv.includes("--check");
const runs = Number(process.argv.find((argument) => /^\d+$/.test(argument)) ?? 15);
const budgetBytes = 30_000;
/** More of everything than any view shows (100 users, 50 actions, 100 codes, 50 deliveries, 100 requests). */
const filled = 120;

const emulator = await startEmulator({
  port: 0,
  seed: {
    actionConfigurations: [{ actionCode: "signIn", defaultUserActionResult: "ALLOW" }],
    authenticatorConfigurations: { sms: { smsProvider: "WEBHOOK", webhookUrl: "https://hooks.example.com/sms" } },
    riskSignals: { ipAddresses: { "198.51.100.66": { isAnonymous: true, countryCode: "NZ" } } },
  },
  webhookFetch: async () => new Response(null, { status: 204 }),
});
const server = createServerClient({ apiSecretKey: emulator.emulator.serverSecret, baseUrl: emulator.serverApiUrl });
const management = createManagementClient({
  apiSecretKey: emulator.emulator.managementSecret,
  baseUrl: emulator.managementApiUrl,
});
await management.createRule({
  actionCode: "signIn",
  attributes: {
    name: "Challenge anonymous IPs outside the US",
    isActive: true,
    priority: 10,
    type: "CHALLENGE",
    conditions: { and: [{ "==": [{ var: "ip.isAnonymous" }, true] }, { "!=": [{ var: "ip.countryCode" }, "US"] }] },
  },
});
for (let index = 0; index < filled; index++) {
  const userId = `usr_${String(index).padStart(4, "0")}`;
  const phoneNumber = `+642110${String(index).padStart(5, "0")}`;
  await server.enrollVerifiedAuthenticator({ userId, attributes: { verificationMethod: "SMS", phoneNumber } });
  const tracked = await server.track({
    userId,
    action: "signIn",
    attributes: {
      ipAddress: "198.51.100.66",
      userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0",
      deviceId: `device-${index}`,
    },
  });
  await server.challenge({
    verificationMethod: "SMS",
    phoneNumber,
    action: "signIn",
    userId,
    idempotencyKey: tracked.idempotencyKey,
  });
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;
let overBudget = false;
console.log(`The emulator's console, every list filled (${filled} of each); load average ${loadAverage()}`);
for (const path of ["/", "/users", "/actions", "/outbox", "/webhooks", "/requests", "/console/app.js"]) {
  const body = Buffer.from(await (await fetch(`${emulator.url}${path}`)).text());
  const gzipped = gzipSync(body, { level: 9 }).byteLength;
  const over = gzipped > budgetBytes;
  overBudget ||= over;
  console.log(
    `  ${path.padEnd(16)} ${kB(body.byteLength).padStart(9)}, ${kB(gzipped)} gzip${over ? "  OVER the 30 kB budget" : ""}`,
  );
}

if (!check) {
  const browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(`${emulator.url}/users`);
  const timings: number[] = [];
  for (let run = 0; run < runs; run++) {
    const userId = `usr_live_${run}`;
    const started = performance.now();
    await server.updateUser({ userId, attributes: {} });
    await page.getByRole("heading", { name: userId, level: 2 }).waitFor();
    timings.push(performance.now() - started);
  }
  await browser.close();
  console.log(`  a new user's request to its heading on an open Users view, ${runs} runs: ${spread(timings, 1)} ms`);
}
await emulator.stop();
if (check && overBudget) process.exitCode = 1;
