import { describe, expect, it } from "vitest";
import { DEFAULT_TENANT_ID } from "../../../src/state/management.ts";
import { managementFixture, succeeded } from "./support.ts";

describe("getTenant / updateTenant", () => {
  it("starts with the documented default tenant", async () => {
    const { call } = managementFixture();
    expect(await succeeded(call("getTenant"))).toEqual({
      tenantId: DEFAULT_TENANT_ID,
      name: "Emulator",
      tokenDurationInMinutes: 10,
      disableRecoveryCodes: false,
    });
  });

  it("changes only the settings sent, and returns all of them", async () => {
    const { call, state } = managementFixture();
    const body = await succeeded(
      call("updateTenant", { body: { tokenDurationInMinutes: 30, hideSuccessScreenOnEnrollment: true } }),
    );
    expect(body).toMatchObject({ name: "Emulator", tokenDurationInMinutes: 30, hideSuccessScreenOnEnrollment: true });
    expect(state.tenant.tokenDurationInMinutes).toBe(30);
    expect(await succeeded(call("getTenant"))).toEqual(body);
  });

  it("replaces a webhook URL and the IP allow-list, keeping a flag the update leaves out", async () => {
    const { call, state } = managementFixture();
    await call("updateTenant", {
      body: {
        authenticatorEventsWebhookConfig: { url: "https://a.example/hook", includeCredentialPublicKey: true },
        ipWhitelist: ["203.0.113.0/24", "198.51.100.7/32"],
      },
    });
    await call("updateTenant", {
      body: { authenticatorEventsWebhookConfig: { url: "https://b.example/hook" }, ipWhitelist: ["192.0.2.0/24"] },
    });
    expect(state.tenant.authenticatorEventsWebhookConfig).toEqual({
      url: "https://b.example/hook",
      includeCredentialPublicKey: true,
    });
    expect(state.tenant.ipWhitelist).toEqual(["192.0.2.0/24"]);
  });
});

describe("getTheme / updateTheme", () => {
  it("starts with the default theme", async () => {
    const { call } = managementFixture();
    expect(await succeeded(call("getTheme"))).toMatchObject({ name: "Emulator", primaryColor: "#4F46E5" });
  });

  it("merges at every level, clears with null and replaces lists", async () => {
    const { call, state } = managementFixture();
    await call("updateTheme", {
      body: {
        colors: { link: "#111111", bodyText: "#222222" },
        typography: { text: { faces: [{ url: "https://f.example/a.woff2", weight: "400" }], sizeAdjust: 100 } },
      },
    });
    const body = await succeeded(
      call("updateTheme", {
        body: {
          primaryColor: null,
          colors: { link: null, focus: "#333333" },
          container: { padding: 24 },
          typography: { text: { faces: [{ url: "https://f.example/b.woff2" }] } },
          darkMode: { colors: { bodyText: "#EEEEEE" } },
        },
      }),
    );
    expect(body).not.toHaveProperty("primaryColor");
    expect(body.colors).toEqual({ bodyText: "#222222", focus: "#333333" });
    expect(body.container).toEqual({
      contentAlignment: "center",
      logoAlignment: "center",
      logoPosition: "inside",
      exitPosition: "top",
      padding: 24,
    });
    expect(body.typography.text).toEqual({ faces: [{ url: "https://f.example/b.woff2" }], sizeAdjust: 100 });
    expect(body.darkMode).toEqual({ colors: { bodyText: "#EEEEEE" } });
    expect(state.theme).toEqual(body);
  });

  it("removes a whole group sent as null", async () => {
    const { call } = managementFixture();
    const body = await succeeded(call("updateTheme", { body: { container: null, name: "Acme" } }));
    expect(body).not.toHaveProperty("container");
    expect(body.name).toBe("Acme");
  });
});
