// The pre-built UI's settings screen as the emulator renders it, for an action tracked with
// `redirectToSettings` (its behaviour in a browser is proven in Chromium by
// examples/test/prebuilt-ui.test.ts): hidden until the challenge passes, with an add button per
// method the tenant allows, and absent, with nothing else changed, when track did not ask for it.
import { describe, expect, it } from "vitest";
import type { PageState } from "../../../src/api/prebuilt-ui/page.ts";
import { setup } from "../../support.ts";

const seed = {
  users: [{ userId: "usr_1", authenticators: [{ verificationMethod: "SMS" as const, phoneNumber: "+64211234567" }] }],
};

async function pageFor(running: ReturnType<typeof setup>, redirectToSettings?: boolean | null) {
  const attributes = redirectToSettings === undefined ? {} : { redirectToSettings };
  const tracked = await running.server.track({ userId: "usr_1", action: "signIn", attributes });
  const html = await (await running.emulator.fetch(tracked.url)).text();
  const state = JSON.parse(/<script type="application\/json" id="state">(.*)<\/script>/.exec(html)?.[1] ?? "{}");
  const settings = /<section id="settings" hidden>([\s\S]*?)<\/section>/.exec(html)?.[1];
  const adds = [...(settings ?? "").matchAll(/<button type="button" class="method" data-method="\w+">([^<]+)</g)];
  return { html, state: state as PageState, settings, adds: adds.map((match) => match[1]) };
}

describe("the pre-built UI's settings screen", () => {
  it("is on the page, hidden, when track sets redirectToSettings: a heading, the user's methods, adds, Continue", async () => {
    const { html, state, settings, adds } = await pageFor(setup({ seed }), true);
    expect(state.settings?.names).toMatchObject({
      PASSKEY: "Passkey",
      AUTHENTICATOR_APP: "Authenticator app",
      EMAIL_OTP: "Email",
      SMS: "SMS",
    });
    expect(settings).toContain('<h1 id="settings-heading" tabindex="-1">Your sign-in methods</h1>');
    expect(settings).toContain('<ul id="have" aria-labelledby="have-heading"></ul>');
    expect(settings).toContain('<button type="button" id="continue">Continue</button>');
    // Every method the tenant allows: the script hides those the user has once it reads them.
    expect(adds).toEqual(["Add passkey", "Add email", "Add SMS", "Add authenticator app"]);
    // An add's address and code steps lead back, once the challenge has passed (the script shows them then).
    expect(html.match(/<button type="button" class="back" hidden>Back to settings<\/button>/g)).toHaveLength(2);
    // The challenge comes first, as without settings.
    expect(state.mode).toBe("challenge");
    expect(state.methods).toEqual([["SMS", "SMS"]]);
  });

  it("is not on the page, and the state is as before, without redirectToSettings or with the Go SDK's null", async () => {
    for (const redirectToSettings of [undefined, false, null]) {
      const running = setup({ seed });
      const { html, state, settings } = await pageFor(running, redirectToSettings);
      expect(settings).toBeUndefined();
      expect(html).not.toContain("Your sign-in methods");
      expect(html).not.toContain("Back to settings");
      expect(state).not.toHaveProperty("settings");
      const [action] = Object.values(running.emulator.exportState().server.actions.usr_1 ?? {});
      expect(action).not.toHaveProperty("redirectToSettings");
    }
  });

  it("offers to add only the methods the tenant allows", async () => {
    const running = setup({
      seed: { ...seed, settings: { authenticatorAppEnabled: false } },
      webhookFetch: async () => new Response(null, { status: 204 }),
    });
    await running.management.createSmsAuthenticatorConfiguration({
      smsProvider: "WEBHOOK",
      webhookUrl: "https://hooks.example.com/sms",
    });
    // SMS, configured; the authenticator app, turned off by the setting; the rest, not configured.
    expect((await pageFor(running, true)).adds).toEqual(["Add SMS"]);
  });

  it("is kept on the stored action, which an exported state carries into another emulator", async () => {
    const running = setup({ seed });
    const tracked = await running.server.track({
      userId: "usr_1",
      action: "signIn",
      attributes: { redirectToSettings: true },
    });
    const exported = JSON.parse(JSON.stringify(running.emulator.exportState()));
    const [action] = Object.values(exported.server.actions.usr_1) as Record<string, unknown>[];
    expect(action?.redirectToSettings).toBe(true);
    // The action token's key is in the state, so the token names the action in the other emulator too.
    const other = setup();
    other.emulator.importState(exported);
    const html = await (await other.emulator.fetch(tracked.url)).text();
    expect(html).toContain("Your sign-in methods");
    // A state exported before the field existed still imports.
    delete action?.redirectToSettings;
    other.emulator.importState(exported);
    expect(await (await other.emulator.fetch(tracked.url)).text()).not.toContain("Your sign-in methods");
  });

  it("refuses an imported action whose redirectToSettings is not a boolean", async () => {
    const running = setup({ seed });
    await running.server.track({ userId: "usr_1", action: "signIn", attributes: { redirectToSettings: true } });
    const exported = JSON.parse(JSON.stringify(running.emulator.exportState()));
    const [action] = Object.values(exported.server.actions.usr_1) as Record<string, unknown>[];
    if (action) action.redirectToSettings = "yes";
    expect(() => running.emulator.importState(exported)).toThrow(/redirectToSettings must be boolean/);
  });
});
