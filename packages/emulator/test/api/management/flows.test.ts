import { describe, expect, it } from "vitest";
import { managementFixture, succeeded } from "./support.ts";

const nodes = [
  {
    nodeId: "screen",
    nodeType: "RULE",
    parentNodeIds: [],
    ruleChildNodeIds: [["anonymous-ip", "block"]],
    elseChildNodeId: "done",
  },
  { nodeId: "block", nodeType: "BLOCK", parentNodeIds: ["screen"] },
  { nodeId: "done", nodeType: "COMPLETE", parentNodeIds: ["screen"] },
];
const rules = [
  { ruleId: "anonymous-ip", name: "Anonymous IP", conditions: { "==": [{ var: "ip.isAnonymous" }, true] } },
];

async function flowAction() {
  const fixture = managementFixture();
  await fixture.call("createActionConfiguration", { body: { actionCode: "pay", actionType: "FLOW" } });
  return fixture;
}

const publish = (body: object) => ({ pathParams: { actionCode: "pay" }, body });

describe("updateActionFlow", () => {
  it("publishes version 1, then 2, storing the nodes on the configuration and the rules for listRules", async () => {
    const { call, state } = await flowAction();
    const first = await succeeded(call("updateActionFlow", publish({ actionNodes: nodes, rules })));
    expect(first).toMatchObject({ actionCode: "pay", actionType: "FLOW", flowVersion: 1, actionNodes: nodes });
    const second = await succeeded(
      call("updateActionFlow", publish({ actionNodes: nodes, rules, expectedFlowVersion: 1 })),
    );
    expect(second.flowVersion).toBe(2);
    const configuration = await succeeded(call("getActionConfiguration", { pathParams: { actionCode: "pay" } }));
    expect(configuration).toMatchObject({ flowVersion: 2, actionNodes: nodes });
    expect(await succeeded(call("listRules", { pathParams: { actionCode: "pay" } }))).toEqual(rules);
    expect(state.flowRules.pay).toEqual({ "anonymous-ip": rules[0] });
  });

  it("replaces the rules with those of the new flow", async () => {
    const { call } = await flowAction();
    await call("updateActionFlow", publish({ actionNodes: nodes, rules }));
    await call("updateActionFlow", publish({ actionNodes: [{ nodeId: "done", nodeType: "COMPLETE" }], rules: [] }));
    expect(await succeeded(call("listRules", { pathParams: { actionCode: "pay" } }))).toEqual([]);
  });

  it("answers 409 conflict when the flow is not at expectedFlowVersion, and publishes nothing", async () => {
    const { call, state } = await flowAction();
    await call("updateActionFlow", publish({ actionNodes: nodes, rules }));
    const answer = await call("updateActionFlow", publish({ actionNodes: nodes, rules, expectedFlowVersion: 3 }));
    expect(answer).toMatchObject({ status: 409, body: { error: "conflict" } });
    expect(state.actionConfigurations.pay?.flowVersion).toBe(1);
  });

  it.each([
    [
      "a node pointing at a missing node",
      [{ ...nodes[0], elseChildNodeId: "nowhere" }, nodes[1], nodes[2]],
      rules,
      "elseChildNodeId",
    ],
    ["two nodes with one ID", [...nodes, { nodeId: "block", nodeType: "COMPLETE" }], rules, "actionNodes[3].nodeId"],
    ["a branch to an undefined rule", nodes, [], "ruleChildNodeIds[0][0]"],
    ["a rule no node references", nodes, [...rules, { ruleId: "spare", name: "Spare" }], "rules[1]"],
  ])("answers 400 for %s", async (_, actionNodes, flowRules, field) => {
    const { call, state } = await flowAction();
    const answer = await call("updateActionFlow", publish({ actionNodes, rules: flowRules }));
    expect(answer).toMatchObject({ status: 400, body: { error: "invalid_request" } });
    expect(answer.body.errorDescription).toContain(field);
    expect(state.actionConfigurations.pay?.flowVersion).toBeNull();
  });

  it("answers 404 for an unknown action and 400 for a classic one", async () => {
    const { call } = managementFixture();
    await call("createActionConfiguration", { body: { actionCode: "pay", defaultUserActionResult: "ALLOW" } });
    expect((await call("updateActionFlow", publish({ actionNodes: nodes, rules }))).status).toBe(400);
    const missing = { pathParams: { actionCode: "other" }, body: { actionNodes: nodes, rules } };
    expect((await call("updateActionFlow", missing)).status).toBe(404);
  });
});
