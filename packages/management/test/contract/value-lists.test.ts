// Contract tests for value lists (the Portal's "Custom Lists"), keyed by their alias.
import { preferStatus } from "@authsignal-ts/scripts/contract-testing";
import { describe, expect, it } from "vitest";
import type { CreateValueListBody } from "../../src/index.ts";
import { apiError, documentedErrors, expectRefused, mgmt } from "./support.ts";

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

  it.each(documentedErrors)("surfaces the documented %i error", async (status, errorCode) => {
    const error = await apiError(mgmt.createValueList(blockedDomains, preferStatus(status)));
    expect(error.statusCode).toBe(status);
    expect(error.errorCode).toBe(errorCode);
  });

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

  it.each(documentedErrors)("surfaces the documented %i error", async (status, errorCode) => {
    const error = await apiError(mgmt.getValueList({ alias: "blocked-email-domains" }, preferStatus(status)));
    expect(error.statusCode).toBe(status);
    expect(error.errorCode).toBe(errorCode);
  });
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

  it.each(documentedErrors)("surfaces the documented %i error", async (status, errorCode) => {
    const error = await apiError(
      mgmt.updateValueList({ alias: "blocked-email-domains", attributes: { isActive: true } }, preferStatus(status)),
    );
    expect(error.statusCode).toBe(status);
    expect(error.errorCode).toBe(errorCode);
  });

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

  it.each(documentedErrors)("surfaces the documented %i error", async (status, errorCode) => {
    const error = await apiError(mgmt.deleteValueList({ alias: "blocked-email-domains" }, preferStatus(status)));
    expect(error.statusCode).toBe(status);
    expect(error.errorCode).toBe(errorCode);
  });
});
