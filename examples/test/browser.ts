// For the end-to-end tests: Chromium (scripts/testing/chromium.ts); a Chrome DevTools Protocol virtual authenticator in
// place of the platform's (a passkey provider that presents and verifies the user by itself); and
// a button press on the example page, answered by what the page wrote to #result.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { CDPSession, Page } from "playwright-core";

export { chromiumPath, launchChromium } from "@authsignal-ts/scripts/testing/chromium";

export interface VirtualAuthenticator {
  cdp: CDPSession;
  authenticatorId: string;
}

/** A platform passkey provider for the page's tab: resident keys, user verification, presence simulated. */
export async function addVirtualAuthenticator(page: Page): Promise<VirtualAuthenticator> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

/** Fills the page's inputs, presses a button, and answers what the page wrote to #result. */
export async function press(page: Page, button: string, inputs: Record<string, string> = {}): Promise<unknown> {
  for (const [id, value] of Object.entries(inputs)) await page.fill(`#${id}`, value);
  const before = Number(await page.getAttribute("#result", "data-seq"));
  await page.click(`#${button}`);
  await page.waitForFunction((seq) => Number(document.getElementById("result")?.dataset.seq) > seq, before);
  return JSON.parse((await page.textContent("#result")) ?? "null");
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * What axe-core finds serious or critical on the page as it is now, as `rule: target` lines. Run
 * through the DevTools protocol, so a page whose policy admits only its own scripts is checked too.
 */
export async function seriousAccessibilityProblems(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")}`));
}

interface AxeViolation {
  id: string;
  impact?: string | null;
  nodes: { target: string[] }[];
}
