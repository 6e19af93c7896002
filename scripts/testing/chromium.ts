// Chromium for the browser tests and benchmarks: Debian's (or the one AUTHSIGNAL_TS_CHROMIUM
// names), driven by playwright-core, which downloads no browser.
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

export const chromiumPath = process.env.AUTHSIGNAL_TS_CHROMIUM ?? "/usr/bin/chromium";

/** Chromium, headless; a missing one fails the run with what to do, never skips it. */
export async function launchChromium(executablePath = chromiumPath): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `No Chromium at ${executablePath}: install Debian's (apt-get install chromium; .ci/run does), or set AUTHSIGNAL_TS_CHROMIUM to a Chromium or Chrome binary`,
    );
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}
