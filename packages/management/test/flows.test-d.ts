// Type tests for flow actions: creating one, publishing its flow, and reading it back.
import { describe, expectTypeOf, it } from "vitest";
import {
  type ActionConfiguration,
  type ActionFlow,
  createManagementClient,
  type FlowNode,
  type ListedRule,
} from "../src/index.ts";

const mgmt = createManagementClient({ apiSecretKey: "sk", region: "us" });
const complete: FlowNode = { nodeId: "c", nodeType: "COMPLETE" };

describe("flow action types", () => {
  it("creates a flow action from its code and type, or a classic one with its outcome", () => {
    expectTypeOf(
      mgmt.createActionConfiguration({ actionCode: "signIn", actionType: "FLOW" }),
    ).resolves.toEqualTypeOf<ActionConfiguration>();
    void mgmt.createActionConfiguration({
      actionCode: "signIn",
      actionType: "CLASSIC",
      defaultUserActionResult: "ALLOW",
    });
    // @ts-expect-error a flow action takes no default outcome
    void mgmt.createActionConfiguration({ actionCode: "signIn", actionType: "FLOW", defaultUserActionResult: "ALLOW" });
    // @ts-expect-error a classic action needs its default outcome
    void mgmt.createActionConfiguration({ actionCode: "signIn", actionType: "CLASSIC" });
    // @ts-expect-error the action type is CLASSIC or FLOW
    void mgmt.createActionConfiguration({ actionCode: "signIn", actionType: "MULTI_STEP_AUTHENTICATION" });
  });

  it("publishes a flow and returns its version", () => {
    expectTypeOf(
      mgmt.updateActionFlow({ actionCode: "signIn", attributes: { actionNodes: [complete], rules: [] } }),
    ).resolves.toEqualTypeOf<ActionFlow>();
    expectTypeOf<ActionFlow["flowVersion"]>().toEqualTypeOf<number>();
    void mgmt.updateActionFlow({
      actionCode: "signIn",
      attributes: {
        actionNodes: [
          { nodeId: "r", nodeType: "RULE", ruleChildNodeIds: [["new-device", "c"]], elseChildNodeId: "c" },
          complete,
        ],
        rules: [{ ruleId: "new-device", name: "New device", conditions: { "==": [{ var: "device.isNew" }, true] } }],
        expectedFlowVersion: 3,
      },
    });
  });

  it("rejects a flow that breaks its shape at compile time", () => {
    // @ts-expect-error rules is required, even when empty
    void mgmt.updateActionFlow({ actionCode: "signIn", attributes: { actionNodes: [complete] } });
    void mgmt.updateActionFlow({
      actionCode: "signIn",
      // @ts-expect-error a node needs its nodeId
      attributes: { actionNodes: [{ nodeType: "BLOCK" }], rules: [] },
    });
    void mgmt.updateActionFlow({
      actionCode: "signIn",
      // @ts-expect-error a branch is a [key, childNodeId] pair
      attributes: { actionNodes: [{ nodeId: "r", nodeType: "RULE", ruleChildNodeIds: [["a", "b", "c"]] }], rules: [] },
    });
    void mgmt.updateActionFlow({
      actionCode: "signIn",
      // @ts-expect-error a flow rule has ruleId, name and conditions only
      attributes: { actionNodes: [complete], rules: [{ ruleId: "a", name: "A", isActive: true }] },
    });
    void mgmt.updateActionFlow({
      actionCode: "signIn",
      // @ts-expect-error the expected version is a number
      attributes: { actionNodes: [complete], rules: [], expectedFlowVersion: "3" },
    });
  });

  it("reads a flow action's nodes, version and rules back", () => {
    expectTypeOf<ActionConfiguration["actionNodes"]>().toEqualTypeOf<FlowNode[] | null | undefined>();
    expectTypeOf<ActionConfiguration["flowVersion"]>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf(mgmt.listRules({ actionCode: "signIn" })).resolves.toEqualTypeOf<ListedRule[]>();
    expectTypeOf<ListedRule["ruleId"]>().toEqualTypeOf<string>();
    expectTypeOf<ListedRule["priority"]>().toEqualTypeOf<number | undefined>();
  });

  it("leaves the action type and node type open in responses", () => {
    expectTypeOf<"LEGACY">().toExtend<NonNullable<ActionConfiguration["actionType"]>>();
    expectTypeOf<"CHALLENGE">().toExtend<FlowNode["nodeType"]>();
  });
});
