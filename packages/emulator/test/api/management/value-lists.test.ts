import { describe, expect, it } from "vitest";
import { managementFixture, succeeded } from "./support.ts";

const domains = {
  name: "Blocked email domains",
  itemType: "string",
  isActive: true,
  valueListItems: ["a.com", "b.com", "c.com"],
};
const alias = { alias: "blocked-email-domains" };

describe("createValueList", () => {
  it("derives the alias from the name and stores the list under it", async () => {
    const { call, state } = managementFixture();
    const body = await succeeded(call("createValueList", { body: domains }));
    expect(body).toEqual({ ...domains, ...alias });
    expect(state.valueLists["blocked-email-domains"]).toEqual(body);
  });

  it("slugs accents and punctuation, and stores a list sent without items as empty", async () => {
    const { call } = managementFixture();
    const body = await succeeded(
      call("createValueList", { body: { name: "  Café IPs (v2)!", itemType: "number", isActive: true } }),
    );
    expect(body).toMatchObject({ alias: "cafe-ips-v2", valueListItems: [] });
  });

  it("answers 400 for a name whose alias is taken, or items of the wrong type", async () => {
    const { call, state } = managementFixture();
    await call("createValueList", { body: domains });
    const taken = await call("createValueList", { body: { ...domains, name: "blocked EMAIL domains" } });
    expect(taken).toMatchObject({ status: 400, body: { error: "invalid_request" } });
    const wrongType = await call("createValueList", {
      body: { name: "Amounts", itemType: "number", isActive: true, valueListItems: [1, "2"] },
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errorDescription).toContain("valueListItems[1]");
    expect(Object.keys(state.valueLists)).toEqual(["blocked-email-domains"]);
  });
});

describe("getValueList / updateValueList / deleteValueList", () => {
  it("replaces the whole list of items, and keeps the alias when the name changes", async () => {
    const { call, state } = managementFixture();
    await call("createValueList", { body: domains });
    const items = ["a.com", "b.com", "c.com", "d.com"];
    const body = await succeeded(
      call("updateValueList", { pathParams: alias, body: { valueListItems: items, name: "Renamed" } }),
    );
    expect(body).toEqual({ ...domains, ...alias, name: "Renamed", valueListItems: items });
    const fewer = await succeeded(call("updateValueList", { pathParams: alias, body: { valueListItems: ["z.com"] } }));
    expect(fewer.valueListItems).toEqual(["z.com"]);
    expect(await succeeded(call("getValueList", { pathParams: alias }))).toEqual(
      state.valueLists["blocked-email-domains"],
    );
  });

  it("empties the list for valueListItems: null and keeps it when they are left out", async () => {
    const { call } = managementFixture();
    await call("createValueList", { body: domains });
    const kept = await succeeded(call("updateValueList", { pathParams: alias, body: { isActive: false } }));
    expect(kept).toMatchObject({ isActive: false, valueListItems: domains.valueListItems });
    const emptied = await succeeded(call("updateValueList", { pathParams: alias, body: { valueListItems: null } }));
    expect(emptied.valueListItems).toEqual([]);
  });

  it("refuses items of the wrong type on update, keeping the old ones", async () => {
    const { call, state } = managementFixture();
    await call("createValueList", { body: domains });
    expect((await call("updateValueList", { pathParams: alias, body: { valueListItems: [7] } })).status).toBe(400);
    expect(state.valueLists["blocked-email-domains"]?.valueListItems).toEqual(domains.valueListItems);
  });

  it("deletes the list, then 404s on every operation", async () => {
    const { call, state } = managementFixture();
    await call("createValueList", { body: domains });
    expect(await succeeded(call("deleteValueList", { pathParams: alias }))).toEqual({ success: true });
    expect(state.valueLists).toEqual({});
    for (const operationId of ["getValueList", "deleteValueList"]) {
      expect((await call(operationId, { pathParams: alias })).status).toBe(404);
    }
    expect((await call("updateValueList", { pathParams: alias, body: { isActive: true } })).status).toBe(404);
  });
});
