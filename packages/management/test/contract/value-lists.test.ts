// Contract tests for value lists (the Portal's "Custom Lists"), keyed by their alias.
import { describe, expect, it } from "vitest";
import type { CreateValueListBody } from "../../src/index.ts";
import { expectRefused, mgmt, surfacesDocumentedErrors } from "./support.ts";

const blockedDomains: CreateValueListBody = {
  name: "Blocked email domains",
  itemType: "string",
  isActive: true,
  valueListItems: ["mailinator.com", "guerrillamail.com"],
};

describe("createValueList", () => {
  it("sends the list as the body and returns it with the alias the API derived", async () => {
    const list = await mgmt.createValueList(blockedDomains);
    expect(list.alias).toBe("blocked-email-domains");
    expect(list.itemType).toBe("string");
    expect(list.valueListItems).toContain("mailinator.com");
  });

  it("accepts a list of numbers", async () => {
    const list = await mgmt.createValueList({
      name: "Flagged transfer amounts",
      itemType: "number",
      isActive: true,
      valueListItems: [9999, 14999.5],
    });
    expect(list.alias).toBeTruthy();
  });

  surfacesDocumentedErrors((options) => mgmt.createValueList(blockedDomains, options));

  it("is refused by the mock when itemType is neither string nor number", async () => {
    // @ts-expect-error itemType is string or number
    await expectRefused(mgmt.createValueList({ ...blockedDomains, itemType: "boolean" }), "itemType");
  });

  it("is refused by the mock when an item is neither a string nor a number", async () => {
    // @ts-expect-error items are strings or numbers
    await expectRefused(mgmt.createValueList({ ...blockedDomains, valueListItems: [true] }), "valueListItems");
  });

  it("is refused by the mock when it names the alias, which the API derives", async () => {
    // @ts-expect-error alias is not part of the request
    await expectRefused(mgmt.createValueList({ ...blockedDomains, alias: "blocked" }), "alias");
  });
});

describe("getValueList", () => {
  it("returns the documented list", async () => {
    const list = await mgmt.getValueList({ alias: "blocked-email-domains" });
    expect(list.alias).toBe("blocked-email-domains");
    expect(list.name).toBe("Blocked email domains");
    expect(list.isActive).toBe(true);
  });

  surfacesDocumentedErrors((options) => mgmt.getValueList({ alias: "blocked-email-domains" }, options));
});

describe("updateValueList", () => {
  it("replaces the items and returns the whole list", async () => {
    const list = await mgmt.updateValueList({
      alias: "blocked-email-domains",
      attributes: { valueListItems: ["mailinator.com", "yopmail.com"] },
    });
    expect(list.alias).toBe("blocked-email-domains");
    expect(list.valueListItems?.length).toBeGreaterThan(0);
  });

  it("accepts null to empty the list", async () => {
    const list = await mgmt.updateValueList({ alias: "blocked-email-domains", attributes: { valueListItems: null } });
    expect(list.alias).toBe("blocked-email-domains");
  });

  surfacesDocumentedErrors((options) =>
    mgmt.updateValueList({ alias: "blocked-email-domains", attributes: { isActive: true } }, options),
  );

  it("is refused by the mock when it tries to change the item type", async () => {
    await expectRefused(
      // @ts-expect-error the item type is fixed when the list is created
      mgmt.updateValueList({ alias: "blocked-email-domains", attributes: { itemType: "number" } }),
      "itemType",
    );
  });
});

describe("deleteValueList", () => {
  it("reports success", async () => {
    const result = await mgmt.deleteValueList({ alias: "blocked-email-domains" });
    expect(result.success).toBe(true);
  });

  surfacesDocumentedErrors((options) => mgmt.deleteValueList({ alias: "blocked-email-domains" }, options));
});
