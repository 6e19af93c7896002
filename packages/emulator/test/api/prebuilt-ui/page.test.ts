// The pre-built UI's page as the emulator serves it (its behaviour in a browser is proven in
// Chromium by examples/test/prebuilt-ui.test.ts): what it offers, what it refuses to offer, and
// that nothing the tenant or the token carries can break out of the page.
import { describe, expect, it } from "vitest";
import { pageTheme } from "../../../src/api/prebuilt-ui/theme.ts";
import { setup } from "../../support.ts";

const phoneNumber = "+64211234567";
const seed = {
  users: [
    {
      userId: "usr_1",
      authenticators: [
        { verificationMethod: "SMS" as const, phoneNumber },
        { verificationMethod: "EMAIL_OTP" as const, email: "jane@example.com" },
      ],
    },
  ],
};

async function pageFor(options: Parameters<typeof setup>[0], userId = "usr_1") {
  const running = setup(options);
  const tracked = await running.server.track({ userId, action: "signIn" });
  const response = await running.emulator.fetch(tracked.url);
  return { ...running, tracked, response, html: await response.text() };
}

describe("the pre-built UI's page", () => {
  it("is at track's url, with a button per method the action allows and the user has", async () => {
    const { tracked, html, response } = await pageFor({ seed });
    expect(new URL(tracked.url).pathname).toBe("/ui");
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(
      [...html.matchAll(/<button type="button" class="method" data-method="(\w+)">(\w+)<\/button>/g)].map((m) => m[2]),
    ).toEqual(["SMS", "Email"]);
  });

  it("is never cached, sends no referrer (the token is in its URL) and runs only its own script", async () => {
    const { response } = await pageFor({ seed });
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self';");
  });

  it("keeps a tenant name with markup as text, and a token-shaped value inside its JSON", async () => {
    const { html } = await pageFor({ seed: { ...seed, theme: { name: "<script>alert(1)</script>" } } as never });
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
    const state = /<script type="application\/json" id="state">(.*)<\/script>/.exec(html)?.[1] ?? "";
    expect(state).not.toContain("<");
  });

  it("wears the tenant's theme, as the Management API sets it", async () => {
    const running = setup({ seed });
    await running.management.updateTheme({ name: "Acme Bank", primaryColor: "#0a7d33" });
    const tracked = await running.server.track({ userId: "usr_1", action: "signIn" });
    const html = await (await running.emulator.fetch(tracked.url)).text();
    expect(html).toContain("<p>Acme Bank</p>");
    expect(html).toContain("<title>Verify it&#39;s you · Acme Bank</title>");
    expect(html).toContain("background:#0a7d33");
  });

  it("shows the theme's logo, named after the brand, and wears its colours", async () => {
    const running = setup({ seed });
    await running.management.updateTheme({
      name: "Acme Bank",
      logoUrl: "https://cdn.example.com/acme.png",
      colors: { headingText: "#102030", critical: "#aa0000", containerBackground: "#fafafa" },
      pageBackground: { backgroundColor: "#e0f0e0" },
      container: { logoHeight: 56 },
    });
    const tracked = await running.server.track({ userId: "usr_1", action: "signIn" });
    const html = await (await running.emulator.fetch(tracked.url)).text();
    expect(html).toContain('<p><img src="https://cdn.example.com/acme.png" alt="Acme Bank" height="56"></p>');
    expect(html).not.toContain("<p>Acme Bank</p>");
    expect(html).toContain("h1{font-size:1.25rem;color:#102030}");
    expect(html).toContain("[role=alert]{color:#aa0000}");
    expect(html).toContain("background:#e0f0e0");
  });

  it.each([
    ["javascript:alert(1)", "a script URL"],
    ["http://cdn.example.com/acme.png", "a plain http: URL, which the page may not load"],
  ])("leaves out a logo at %s (%s), and a colour that is not one", async (logoUrl) => {
    const running = setup({ seed });
    await running.management.updateTheme({ name: "Acme", logoUrl, colors: { headingText: "red;}body{display:none" } });
    const tracked = await running.server.track({ userId: "usr_1", action: "signIn" });
    const html = await (await running.emulator.fetch(tracked.url)).text();
    expect(html).not.toContain("<img");
    expect(html).not.toContain("display:none}");
    expect(html).toContain("color:#111827}");
  });

  it("keeps a logo URL inside its attribute, whatever it holds (a theme imported with a state is not the API's to check)", () => {
    const { header } = pageTheme({ logoUrl: 'https://x.example/a.png" onerror="alert(1)' }, "Acme");
    expect(header).toBe('<p><img src="https://x.example/a.png&#34; onerror=&#34;alert(1)" alt="Acme" height="40"></p>');
  });

  it("says a token is not valid when it is not the emulator's, with nothing to submit", async () => {
    const { emulator } = setup({ seed });
    const html = await (await emulator.fetch("http://emulator.test/ui?token=forged")).text();
    expect(html).toContain("<h1>This link is not valid</h1>");
    expect(html).not.toContain("<button");
    expect(html).not.toContain("/ui/app.js");
  });

  it("serves its script as a function that runs on load", async () => {
    const { emulator } = setup();
    const response = await emulator.fetch("http://emulator.test/ui/app.js");
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await response.text()).toMatch(/^\(function prebuiltUiScript\(\)[\s\S]*\}\)\(\);\n$/);
  });
});
