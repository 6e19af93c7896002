// The console's views as the emulator renders them (its behaviour in a browser, live updates
// included, is proven in Chromium by examples/test/console.test.ts): what each shows after the API
// was used, the rule trace, and that nothing a request or the state carries can break out of a page.
import { describe, expect, it } from "vitest";
import { origin, setup } from "../../support.ts";

const anonymousIp = "198.51.100.66";
const phoneNumber = "+64211234567";

async function view(emulator: ReturnType<typeof setup>["emulator"], path: string) {
  const response = await emulator.fetch(`${origin}${path}`);
  expect(response.status).toBe(200);
  return response.text();
}

/** The page's text as a reader sees it: tags dropped, entities decoded, spaces collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]*>/g, " ")
    .replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)))
    .replace(/\s+/g, " ");

describe("the console's views", () => {
  it("shows the tenant, its keys and the base URLs on the origin it was asked on", async () => {
    const { emulator } = setup({ serverSecret: "sk_console_server", managementSecret: "sk_console_mgmt" });
    const text = textOf(await view(emulator, "/"));
    const tenantId = emulator.exportState().management.tenant.tenantId as string;
    expect(text).toContain(`Tenant ID ${tenantId}`);
    expect(text).toContain("Server API secret key sk_console_server");
    expect(text).toContain("Management API secret key sk_console_mgmt");
    expect(text).toContain(`Server API URL ${origin}/v1`);
    expect(text).toContain(`Client API URL ${origin}/v1/client`);
  });

  it("names the view it shows for screen readers, among links to all six", async () => {
    const { emulator } = setup();
    const html = await view(emulator, "/outbox");
    expect(
      [...html.matchAll(/<a href="([^"]+)"( aria-current="page")?>([^<]+)<\/a>/g)].map((m) => [m[3], !!m[2]]),
    ).toEqual([
      ["Overview", false],
      ["Users", false],
      ["Actions", false],
      ["Outbox", true],
      ["Webhooks", false],
      ["Requests", false],
    ]);
  });

  it("traces an action to the rule that decided it and the values that rule read", async () => {
    const { emulator, server, management } = setup({
      seed: { riskSignals: { ipAddresses: { [anonymousIp]: { isAnonymous: true, countryCode: "NZ" } } } },
    });
    await management.createActionConfiguration({ actionCode: "signIn", defaultUserActionResult: "ALLOW" });
    await management.createRule({
      actionCode: "signIn",
      attributes: {
        name: "Challenge anonymous IPs",
        isActive: true,
        priority: 5,
        type: "CHALLENGE",
        conditions: { and: [{ "==": [{ var: "ip.isAnonymous" }, true] }, { "!=": [{ var: "ip.countryCode" }, "US"] }] },
      },
    });
    await management.createRule({
      actionCode: "signIn",
      attributes: { name: "Everyone else", isActive: true, priority: 50, type: "ALLOW", conditions: {} },
    });
    await server.track({ userId: "usr_1", action: "signIn", attributes: { ipAddress: anonymousIp } });
    const text = textOf(await view(emulator, "/actions"));
    expect(text).toContain("signIn for usr_1");
    expect(text).toContain("Decided by the rule Challenge anonymous IPs (CHALLENGE)");
    expect(text).toMatch(
      /Challenge anonymous IPs \S+ → CHALLENGE, priority 5 \(decided\) Everyone else \S+ → ALLOW, priority 50/,
    );
    expect(text).toContain('ip.isAnonymous true ip.countryCode "NZ"');
  });

  it("says where the outcome came from when no rule matched", async () => {
    const { emulator, server, management } = setup();
    await management.createActionConfiguration({ actionCode: "signUp", defaultUserActionResult: "ALLOW" });
    await server.track({ userId: "usr_1", action: "signUp" });
    await server.track({ userId: "usr_1", action: "unconfigured" });
    const text = textOf(await view(emulator, "/actions"));
    expect(text).toContain("No rule matched, so the outcome, ALLOW, is the action configuration's default outcome.");
    expect(text).toContain(
      "No rule matched, so the outcome, CHALLENGE, is the emulator's unknownActionOutcome setting (the action has no configuration).",
    );
  });

  it("lists a user's authenticators and sessions, and the code sent to them in the outbox", async () => {
    const { emulator, server } = setup();
    await server.enrollVerifiedAuthenticator({
      userId: "usr_sms",
      attributes: { verificationMethod: "SMS", phoneNumber },
    });
    const tracked = await server.track({ userId: "usr_sms", action: "signIn" });
    await server.challenge({
      verificationMethod: "SMS",
      phoneNumber,
      action: "signIn",
      userId: "usr_sms",
      idempotencyKey: tracked.idempotencyKey,
    });
    const code = emulator.lastMessage(phoneNumber)?.code as string;
    expect(textOf(await view(emulator, "/users"))).toMatch(new RegExp(`usr_sms .*SMS \\${phoneNumber}`));
    const outbox = await view(emulator, "/outbox");
    expect(textOf(outbox)).toContain(`SMS ${phoneNumber} ${code}`);
    expect(outbox).toContain(`data-copy="${code}" aria-label="Copy code ${code} sent to ${phoneNumber}"`);
  });

  it("journals the API's requests, and not its own", async () => {
    const { emulator, server } = setup();
    await server.track({ userId: "usr_1", action: "signIn" });
    await view(emulator, "/users");
    const text = textOf(await view(emulator, "/requests"));
    expect(text).toMatch(/POST \/v1\/users\/usr_1\/actions\/signIn Body .* 200 track/);
    expect(emulator.requests().map((request) => request.path)).toEqual(["/v1/users/usr_1/actions/signIn"]);
  });

  it("escapes what requests wrote, however hostile: a user ID, an action code, a rule's name", async () => {
    const { emulator, server, management } = setup();
    const hostile = `<img src=x onerror="alert(1)">`;
    await server.updateUser({ userId: hostile, attributes: { displayName: "</script><script>alert(1)</script>" } });
    await server.updateUser({ userId: "__proto__", attributes: { displayName: "constructor" } });
    await management.createActionConfiguration({ actionCode: "signIn", defaultUserActionResult: "ALLOW" });
    await management.createRule({
      actionCode: "signIn",
      attributes: { name: `<b>${hostile}</b>`, isActive: true, priority: 1, type: "ALLOW", conditions: {} },
    });
    await server.track({ userId: hostile, action: "signIn" });
    for (const path of ["/users", "/actions", "/requests"]) {
      const html = await view(emulator, path);
      expect(html).not.toMatch(/<img|<script>alert|<b>/);
    }
    expect(textOf(await view(emulator, "/users"))).toContain("__proto__");
  });

  it("shows the newest 100 users of more, and says so", async () => {
    const { emulator, server } = setup();
    for (let index = 0; index < 103; index++) await server.updateUser({ userId: `usr_${index}`, attributes: {} });
    const html = await view(emulator, "/users");
    expect(html.match(/<article /g)).toHaveLength(100);
    expect(textOf(html)).toContain("Showing the newest 100 of 103");
    expect(html).toContain(">usr_102<");
    expect(html).not.toContain(">usr_2<");
  });
});
