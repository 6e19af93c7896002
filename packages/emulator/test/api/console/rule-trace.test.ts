// The rule trace the console's Actions view shows: the names a rule's conditions read, and what a
// trace says of an action whose rules have changed since it was tracked.
import { describe, expect, it } from "vitest";
import { conditionVariables, ruleTrace } from "../../../src/api/console/rule-trace.ts";
import { setup } from "../../support.ts";

describe("conditionVariables", () => {
  it("finds every var, in either form, and value lists by alias, however deep", () => {
    const logic = {
      and: [
        { "==": [{ var: "ip.isAnonymous" }, true] },
        { or: [{ ">": [{ var: ["custom.amount", 0] }, 100] }, { in: [{ var: "user.id" }, { valueList: "vips" }] }] },
        { "!": { var: "device.isNew" } },
      ],
    };
    expect([...conditionVariables(logic)]).toEqual([
      "ip.isAnonymous",
      "custom.amount",
      "user.id",
      "valueLists.vips",
      "device.isNew",
    ]);
  });

  it("reads nothing from no conditions, a literal, or a var with no name", () => {
    for (const logic of [undefined, null, {}, true, "text", { var: "" }, { var: [] }]) {
      expect([...conditionVariables(logic)]).toEqual([]);
    }
  });
});

describe("ruleTrace", () => {
  it("keeps the matched rules the track recorded after the deciding rule is deleted, with no values to show", async () => {
    const { emulator, server, management } = setup({
      seed: { riskSignals: { ipAddresses: { "198.51.100.9": { isAnonymous: true } } } },
    });
    await management.createActionConfiguration({ actionCode: "signIn", defaultUserActionResult: "ALLOW" });
    const rule = await management.createRule({
      actionCode: "signIn",
      attributes: {
        name: "Anonymous",
        isActive: true,
        priority: 1,
        type: "BLOCK",
        conditions: { "==": [{ var: "ip.isAnonymous" }, true] },
      },
    });
    const tracked = await server.track({
      userId: "usr_1",
      action: "signIn",
      attributes: { ipAddress: "198.51.100.9" },
    });
    await management.deleteRule({ actionCode: "signIn", ruleId: rule.ruleId });
    const state = emulator.exportState();
    const action = Object.values(state.server.actions.usr_1 ?? {}).find(
      (stored) => stored.idempotencyKey === tracked.idempotencyKey,
    );
    const trace = ruleTrace({ state } as never, action as never);
    expect(trace).toEqual({ matched: [{ ruleId: rule.ruleId, name: "Anonymous" }], values: [], errors: [] });
  });
});
