import { describe, expect, it } from "vitest";
import { managementFixture, succeeded } from "./support.ts";

describe("message overrides", () => {
  it("starts with none", async () => {
    const { call } = managementFixture();
    expect(await succeeded(call("getMessageOverrides"))).toEqual({ messageOverrides: {} });
  });

  it("replaces every override with the ones sent, despite the PATCH", async () => {
    const { call, state } = managementFixture();
    await call("updateMessageOverrides", {
      body: {
        messageOverrides: {
          en: { "sms-code-entry.heading": "Code?", "sms-code-entry.description": "Sent." },
          "pt-br": { "sms-code-entry.heading": "Código" },
        },
      },
    });
    const body = await succeeded(
      call("updateMessageOverrides", { body: { messageOverrides: { en: { "sms-code-entry.heading": "Your code" } } } }),
    );
    expect(body).toEqual({ messageOverrides: { en: { "sms-code-entry.heading": "Your code" } } });
    expect(state.messageOverrides).toEqual(body);
    expect(await succeeded(call("updateMessageOverrides", { body: { messageOverrides: {} } }))).toEqual({
      messageOverrides: {},
    });
  });

  it("answers 400 for text longer than its catalog point allows, keeping the old overrides", async () => {
    const { call, state } = managementFixture();
    await call("updateMessageOverrides", { body: { messageOverrides: { en: { "sms-code-entry.heading": "Code?" } } } });
    const answer = await call("updateMessageOverrides", {
      body: { messageOverrides: { en: { "sms-code-entry.heading": "x".repeat(81) } } },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errorDescription).toContain("messageOverrides.en.sms-code-entry.heading");
    expect(state.messageOverrides.messageOverrides.en).toEqual({ "sms-code-entry.heading": "Code?" });
  });

  it("serves a catalog whose every point is on a listed screen", async () => {
    const { call } = managementFixture();
    const catalog = await succeeded(call("getMessageOverridesCatalog"));
    const screens = catalog.screens.map((screen: { id: string }) => screen.id);
    expect(catalog.points.length).toBeGreaterThan(3);
    for (const point of catalog.points) expect(screens).toContain(point.screen);
    expect(catalog.points.map((point: { publicId: string }) => point.publicId)).toContain("sms-code-entry.heading");
  });
});
