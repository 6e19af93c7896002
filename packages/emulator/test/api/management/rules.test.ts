import { describe, expect, it } from "vitest";
import { DEFAULT_TENANT_ID } from "../../../src/state/management.ts";
import { managementFixture, succeeded } from "./support.ts";

const blockAnonymous = {
  name: "Block anonymous IPs",
  description: "VPN, Tor and proxies",
  isActive: true,
  priority: 10,
  type: "BLOCK",
  conditions: { and: [{ "==": [{ var: "ip.isAnonymous" }, true] }] },
  verificationMethods: ["SMS"],
  defaultVerificationMethod: "SMS",
} as const;

async function withAction() {
  const fixture = managementFixture();
  await fixture.call("createActionConfiguration", { body: { actionCode: "signIn", defaultUserActionResult: "ALLOW" } });
  return fixture;
}

const under = (ruleId?: string) => ({ actionCode: "signIn", ...(ruleId ? { ruleId } : {}) });

describe("createRule", () => {
  it("gives the rule an ID and stores it under its action, conditions unchanged", async () => {
    const { call, state } = await withAction();
    const body = await succeeded(call("createRule", { pathParams: under(), body: blockAnonymous }));
    expect(body).toEqual({ ...blockAnonymous, ruleId: "id-1", tenantId: DEFAULT_TENANT_ID, actionCode: "signIn" });
    expect(state.rules.signIn?.["id-1"]).toEqual(body);
  });

  it("answers 404 when the action has no configuration, storing nothing", async () => {
    const { call, state } = managementFixture();
    const answer = await call("createRule", { pathParams: under(), body: blockAnonymous });
    expect(answer).toMatchObject({ status: 404, body: { error: "not_found" } });
    expect(state.rules).toEqual({});
  });

  it("answers 400 for a flow action, whose rules come with its flow", async () => {
    const { call } = managementFixture();
    await call("createActionConfiguration", { body: { actionCode: "signIn", actionType: "FLOW" } });
    expect((await call("createRule", { pathParams: under(), body: blockAnonymous })).status).toBe(400);
  });
});

describe("getRule / listRules", () => {
  it("returns one rule, and all of them in ascending priority", async () => {
    const { call } = await withAction();
    await call("createRule", { pathParams: under(), body: blockAnonymous });
    await call("createRule", { pathParams: under(), body: { ...blockAnonymous, name: "first", priority: 1 } });
    await call("createRule", { pathParams: under(), body: { ...blockAnonymous, name: "last", priority: 99 } });
    expect((await succeeded(call("getRule", { pathParams: under("id-1") }))).name).toBe("Block anonymous IPs");
    const listed = await succeeded(call("listRules", { pathParams: under() }));
    expect(listed.map((rule: { name: string }) => rule.name)).toEqual(["first", "Block anonymous IPs", "last"]);
  });

  it("lists no rules for an action that has none, and 404s for an unknown action or rule", async () => {
    const { call } = await withAction();
    expect(await succeeded(call("listRules", { pathParams: under() }))).toEqual([]);
    expect((await call("listRules", { pathParams: { actionCode: "other" } })).status).toBe(404);
    expect((await call("getRule", { pathParams: under("missing") })).status).toBe(404);
  });

  it("stores nothing for an action whose rules were only looked up", async () => {
    const { call, state } = await withAction();
    expect((await call("getRule", { pathParams: under("missing") })).status).toBe(404);
    expect((await call("deleteRule", { pathParams: under("missing") })).status).toBe(404);
    expect(state.rules).toEqual({});
  });
});

describe("updateRule", () => {
  it("changes only the fields sent", async () => {
    const { call, state } = await withAction();
    await call("createRule", { pathParams: under(), body: blockAnonymous });
    const body = await succeeded(
      call("updateRule", { pathParams: under("id-1"), body: { priority: 5, isActive: false } }),
    );
    expect(body).toEqual({ ...state.rules.signIn?.["id-1"], priority: 5, isActive: false });
    expect(body.name).toBe("Block anonymous IPs");
    expect(body.conditions).toEqual(blockAnonymous.conditions);
  });

  it("clears conditions and other optional fields sent as null", async () => {
    const { call, state } = await withAction();
    await call("createRule", { pathParams: under(), body: blockAnonymous });
    const cleared = { conditions: null, description: null, verificationMethods: null, defaultVerificationMethod: null };
    const body = await succeeded(call("updateRule", { pathParams: under("id-1"), body: cleared }));
    for (const field of Object.keys(cleared)) {
      expect(body).not.toHaveProperty(field);
      expect(state.rules.signIn?.["id-1"]).not.toHaveProperty(field);
    }
  });

  it("replaces the conditions object rather than merging into it", async () => {
    const { call } = await withAction();
    await call("createRule", { pathParams: under(), body: blockAnonymous });
    const conditions = { "==": [{ var: "device.isNew" }, true] };
    const body = await succeeded(call("updateRule", { pathParams: under("id-1"), body: { conditions } }));
    expect(body.conditions).toEqual(conditions);
  });

  it("answers 404 for an unknown rule", async () => {
    const { call } = await withAction();
    expect((await call("updateRule", { pathParams: under("missing"), body: { priority: 1 } })).status).toBe(404);
  });
});

describe("deleteRule", () => {
  it("deletes one rule and leaves the others, then 404s", async () => {
    const { call, state } = await withAction();
    await call("createRule", { pathParams: under(), body: blockAnonymous });
    await call("createRule", { pathParams: under(), body: blockAnonymous });
    expect(await succeeded(call("deleteRule", { pathParams: under("id-1") }))).toEqual({ success: true });
    expect(Object.keys(state.rules.signIn ?? {})).toEqual(["id-2"]);
    expect((await call("deleteRule", { pathParams: under("id-1") })).status).toBe(404);
  });
});
