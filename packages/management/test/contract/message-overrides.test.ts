// Contract tests for message overrides of the pre-built UI's copy, and their catalog.
import { describe, expect, it } from "vitest";
import { expectRefused, mgmt, surfacesDocumentedErrors } from "./support.ts";

const overrides = {
  en: { "sms-code-entry.heading": "Enter the code we texted you" },
  "pt-br": { "sms-code-entry.heading": "Digite o código que enviamos por SMS" },
};

describe("getMessageOverrides", () => {
  it("returns the overrides by locale and message override ID", async () => {
    const result = await mgmt.getMessageOverrides();
    expect(result.messageOverrides.en?.["sms-code-entry.heading"]).toBe("Enter the code we texted you");
    expect(Object.keys(result.messageOverrides)).toContain("pt-br");
  });

  surfacesDocumentedErrors((options) => mgmt.getMessageOverrides({}, options));
});

describe("updateMessageOverrides", () => {
  it("sends the complete set and returns the overrides that replaced the old ones", async () => {
    const result = await mgmt.updateMessageOverrides({ messageOverrides: overrides });
    expect(result.messageOverrides.en?.["sms-code-entry.heading"]).toBe("Enter the code we texted you");
  });

  it("accepts an empty set, which deletes every override", async () => {
    const result = await mgmt.updateMessageOverrides({ messageOverrides: {} });
    expect(result.messageOverrides).toBeTypeOf("object");
  });

  surfacesDocumentedErrors((options) => mgmt.updateMessageOverrides({ messageOverrides: overrides }, options));

  it("is refused by the mock without messageOverrides", async () => {
    // @ts-expect-error messageOverrides is required: the request replaces the whole set
    await expectRefused(mgmt.updateMessageOverrides({}), "messageOverrides");
  });

  it("is refused by the mock when an override is not text", async () => {
    await expectRefused(
      // @ts-expect-error each override is a string
      mgmt.updateMessageOverrides({ messageOverrides: { en: { "sms-code-entry.heading": 42 } } }),
      "messageOverrides",
    );
  });
});

describe("getMessageOverridesCatalog", () => {
  it("returns the screens and the texts that can be overridden", async () => {
    const catalog = await mgmt.getMessageOverridesCatalog();
    expect(catalog.catalogVersion).toBeTypeOf("number");
    expect(catalog.screens[0]?.id).toBe("sms-code-entry");
    const heading = catalog.points.find((point) => point.publicId === "sms-code-entry.heading");
    expect(heading?.screen).toBe("sms-code-entry");
    expect(heading?.maxLength).toBeGreaterThan(0);
    expect(heading?.defaultCopy.en).toBeTruthy();
  });

  surfacesDocumentedErrors((options) => mgmt.getMessageOverridesCatalog({}, options));
});
