// Contract tests for publishing a flow action's flow: PUT /action-configurations/{actionCode}/flow.
import { contractMode, preferStatus } from "@authsignal-ts/scripts/testing/contract";
import { beforeAll, describe, expect, it } from "vitest";
import type { FlowNode, UpdateActionFlowBody } from "../../src/index.ts";
import { apiError, expectRefused, mgmt, surfacesDocumentedErrors } from "./support.ts";

const screen: FlowNode = {
  nodeId: "screen-request",
  nodeType: "RULE",
  parentNodeIds: [],
  ruleChildNodeIds: [["anonymous-ip", "block-request"]],
  elseChildNodeId: "complete",
};

const flow: UpdateActionFlowBody = {
  actionNodes: [
    screen,
    { nodeId: "block-request", nodeType: "BLOCK", parentNodeIds: ["screen-request"] },
    { nodeId: "complete", nodeType: "COMPLETE", parentNodeIds: ["screen-request"] },
  ],
  rules: [
    {
      ruleId: "anonymous-ip",
      name: "Anonymous IP",
      conditions: { and: [{ "==": [{ var: "ip.isAnonymous" }, true] }] },
    },
  ],
};

describe("updateActionFlow", () => {
  // The examples' signIn is a flow action at version 3 here and a classic action in every other
  // file, which reads the seed's. Against the emulator it is made so through the API: replaced by a
  // flow action, whose flow is published three times.
  beforeAll(async () => {
    if (contractMode("management") !== "emulator") return;
    await mgmt.deleteActionConfiguration({ actionCode: "signIn" });
    await mgmt.createActionConfiguration({ actionCode: "signIn", actionType: "FLOW" });
    for (const _version of [1, 2, 3]) await mgmt.updateActionFlow({ actionCode: "signIn", attributes: flow });
  });

  it("publishes the flow and returns the new flow version", async () => {
    const result = await mgmt.updateActionFlow({ actionCode: "signIn", attributes: flow });
    expect(result.actionType).toBe("FLOW");
    expect(result.flowVersion).toBe(4);
    expect(result.actionNodes?.[0]?.nodeType).toBe("RULE");
  });

  it("accepts the version the change is based on, and node fields it does not list", async () => {
    const { flowVersion } = await mgmt.updateActionFlow({ actionCode: "signIn", attributes: flow });
    const result = await mgmt.updateActionFlow({
      actionCode: "signIn",
      attributes: {
        ...flow,
        actionNodes: [...flow.actionNodes, { nodeId: "enroll", nodeType: "ENROLLMENT", isOptional: false, extra: 1 }],
        expectedFlowVersion: flowVersion,
      },
    });
    expect(result.flowVersion).toBeTypeOf("number");
  });

  it("accepts a node type it does not list", async () => {
    const result = await mgmt.updateActionFlow({
      actionCode: "signIn",
      attributes: { actionNodes: [{ nodeId: "c", nodeType: "CHALLENGE" }], rules: [] },
    });
    expect(result.actionCode).toBe("signIn");
  });

  it("surfaces the documented 409 when the flow moved on since it was read", async () => {
    const error = await apiError(
      mgmt.updateActionFlow(
        { actionCode: "signIn", attributes: { ...flow, expectedFlowVersion: 4 } },
        preferStatus(409),
      ),
    );
    expect(error.statusCode).toBe(409);
    expect(error.errorCode).toBe("conflict");
  });

  surfacesDocumentedErrors((options) => mgmt.updateActionFlow({ actionCode: "signIn", attributes: flow }, options));

  it("is refused by the mock without the rules array", async () => {
    await expectRefused(
      // @ts-expect-error rules is required, even when empty
      mgmt.updateActionFlow({ actionCode: "signIn", attributes: { actionNodes: flow.actionNodes } }),
      "rules",
    );
  });

  it("is refused by the mock with no node", async () => {
    await expectRefused(
      mgmt.updateActionFlow({ actionCode: "signIn", attributes: { actionNodes: [], rules: [] } }),
      "actionNodes",
    );
  });

  it("is refused by the mock when a RULE node has no branches", async () => {
    const { ruleChildNodeIds: _dropped, ...withoutBranches } = screen;
    await expectRefused(
      mgmt.updateActionFlow({ actionCode: "signIn", attributes: { ...flow, actionNodes: [withoutBranches] } }),
      "actionNodes",
    );
  });

  it("is refused by the mock when a branch is not a pair", async () => {
    await expectRefused(
      mgmt.updateActionFlow({
        actionCode: "signIn",
        // @ts-expect-error a branch is a [key, childNodeId] pair
        attributes: { ...flow, actionNodes: [{ ...screen, ruleChildNodeIds: [["anonymous-ip"]] }] },
      }),
      "ruleChildNodeIds",
    );
  });

  it("is refused by the mock when a rule ID breaks the pattern", async () => {
    await expectRefused(
      mgmt.updateActionFlow({
        actionCode: "signIn",
        attributes: { ...flow, rules: [{ ruleId: "anonymous ip", name: "Anonymous IP" }] },
      }),
      "ruleId",
    );
  });

  it("is refused by the mock when a rule carries a field the API would drop", async () => {
    await expectRefused(
      mgmt.updateActionFlow({
        actionCode: "signIn",
        // @ts-expect-error a flow rule has ruleId, name and conditions only
        attributes: { ...flow, rules: [{ ruleId: "anonymous-ip", name: "Anonymous IP", priority: 1 }] },
      }),
      "priority",
    );
  });

  it("is refused by the mock with more than 98 rules", async () => {
    const rules = Array.from({ length: 99 }, (_, index) => ({ ruleId: `rule-${index}`, name: `Rule ${index}` }));
    await expectRefused(mgmt.updateActionFlow({ actionCode: "signIn", attributes: { ...flow, rules } }), "rules");
  });

  it("is refused by the mock when the expected version is not a positive integer", async () => {
    await expectRefused(
      mgmt.updateActionFlow({ actionCode: "signIn", attributes: { ...flow, expectedFlowVersion: 0 } }),
      "expectedFlowVersion",
    );
  });
});
