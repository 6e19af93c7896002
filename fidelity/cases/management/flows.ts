import type { operations } from "@authsignal-ts/management";
import { caseBuilder } from "../../src/case.ts";

const managementCase = caseBuilder<operations>();
const terraform = "authsignal/terraform-provider-authsignal" as const;
const managementGo = "authsignal/authsignal-management-go" as const;
const examples = "authsignal/terraform-examples" as const;
const flowLifecycle = {
  repo: terraform,
  path: "internal/provider/flow_resource_lifecycle_test.go",
  commit: "a0cc5cdf67238a5c4bfa9e011240a5bb9510bc8c",
} as const;
const stub = {
  repo: terraform,
  path: "internal/provider/stub_api_test.go",
  commit: "a0cc5cdf67238a5c4bfa9e011240a5bb9510bc8c",
} as const;
const flowDocumentTest = {
  repo: managementGo,
  path: "flow-document_test.go",
  commit: "8e9fc2ecadfb8f3f6f6c05711dc1c1fc77724744",
} as const;
const actionFlowTest = {
  repo: managementGo,
  path: "action-flow_test.go",
  commit: "d59631b37cba7aca42e48c6aa52fb46e07f20bc9",
} as const;

// The Go SDK's test of a flow document passed through untouched: a node type the SDK does not
// know, a null, and fields it does not know. (An integer above 2^53, as the test sends, cannot be
// held by a JavaScript number; 2^53 stands for it.)
const awkwardNode = {
  nodeId: "challenge-abc",
  nodeType: "CHALLENGE",
  attempts: 2 ** 53,
  score: 1.1,
  label: null,
  somethingNew: { nested: [1, 2, 3] },
};
const awkwardCondition = {
  and: [
    { "==": [{ var: "attempts" }, 2 ** 53] },
    { "==": [{ var: "score" }, 1.1] },
    { "==": [{ var: "label" }, null] },
    { somethingNew: true },
  ],
};

export default [
  managementCase("updateActionFlow", {
    name: "publish a new flow action's first flow, with no version to expect",
    source: { ...flowLifecycle, at: "TestFlowCreateCreatesTheActionThenPublishesTheFlow" },
    method: "PUT",
    path: "/action-configurations/sign-in/flow",
    body: { actionNodes: [{ nodeId: "c", nodeType: "COMPLETE" }], rules: [] },
    response: {
      status: 200,
      body: {
        tenantId: "tenant",
        actionCode: "sign-in",
        actionType: "FLOW",
        actionNodes: [{ nodeId: "c", nodeType: "COMPLETE" }],
        flowVersion: 1,
      },
      source: { ...flowLifecycle, at: "TestFlowCreateCreatesTheActionThenPublishesTheFlow, flowPublishRoute" },
    },
  }),
  managementCase("updateActionFlow", {
    name: "publish a changed flow based on the version last read, answered without the nodes",
    source: { ...flowLifecycle, at: "TestFlowUpdatePublishesTheChangeWithTheExpectedVersion" },
    method: "PUT",
    path: "/action-configurations/sign-in/flow",
    body: { actionNodes: [{ nodeId: "c", nodeType: "BLOCK" }], rules: [], expectedFlowVersion: 4 },
    response: {
      status: 200,
      body: { tenantId: "tenant", actionCode: "sign-in", actionType: "FLOW", flowVersion: 5 },
      source: { ...flowLifecycle, at: "TestFlowUpdatePublishesTheChangeWithTheExpectedVersion, flowPublishRoute" },
    },
  }),
  managementCase("updateActionFlow", {
    name: "a flow published elsewhere since it was read is refused with 409",
    source: { ...flowLifecycle, at: "TestFlowUpdateReportsAFlowPublishedElsewhere" },
    method: "PUT",
    path: "/action-configurations/sign-in/flow",
    body: { actionNodes: [{ nodeId: "c", nodeType: "BLOCK" }], rules: [], expectedFlowVersion: 4 },
    response: {
      status: 409,
      body: { error: "conflict" },
      source: { ...flowLifecycle, at: "TestFlowUpdateReportsAFlowPublishedElsewhere, StatusConflict" },
    },
  }),
  managementCase("updateActionFlow", {
    name: "publish rules with and without conditions, based on a version",
    source: { ...actionFlowTest, at: "TestActionFlowMarshalsExpectedVersionAndOmitsNilConditions" },
    method: "PUT",
    path: "/action-configurations/sign-in/flow",
    body: {
      actionNodes: [{ nodeId: "complete-ghi", nodeType: "COMPLETE" }],
      rules: [
        { ruleId: "rule-nz", name: "From New Zealand", conditions: { and: [] } },
        { ruleId: "rule-any", name: "Always" },
      ],
      expectedFlowVersion: 3,
    },
  }),
  managementCase("updateActionFlow", {
    name: "publish a flow document verbatim, and read it back verbatim",
    source: { ...flowDocumentTest, at: "TestUpdateActionFlowSendsTheDocumentVerbatim" },
    method: "PUT",
    path: "/action-configurations/sign-in/flow",
    body: {
      actionNodes: [awkwardNode],
      rules: [{ ruleId: "rule-abc", name: "Awkward", conditions: awkwardCondition }],
      expectedFlowVersion: 2,
    },
    response: {
      status: 200,
      body: {
        tenantId: "tenant-abc",
        actionCode: "sign-in",
        actionType: "FLOW",
        actionNodes: [awkwardNode],
        flowVersion: 2,
      },
      source: { ...flowDocumentTest, at: "TestUpdateActionFlowReturnsTheDocumentVerbatim" },
    },
  }),
  managementCase("updateActionFlow", {
    name: "publish a sign-in flow exported from the Portal: rules, a verification step, block and complete",
    source: {
      repo: examples,
      path: "starter/modules/authsignal-tenant/flows/sign-in.json",
      commit: "706793b6549d49893123367e67762bfc2e22de93",
      at: "the whole file, which authsignal_flow publishes as its flow",
    },
    method: "PUT",
    path: "/action-configurations/sign-in/flow",
    body: {
      actionNodes: [
        {
          nodeId: "evaluate-risk",
          nodeType: "RULE",
          parentNodeIds: [],
          ruleChildNodeIds: [
            ["anonymous-ip", "block-request"],
            ["new-device", "verify-identity"],
          ],
          elseChildNodeId: "complete-sign-in",
        },
        {
          nodeId: "verify-identity",
          nodeType: "VERIFICATION",
          parentNodeIds: ["evaluate-risk"],
          name: "Confirm it is you signing in",
          methodConfigurations: { PASSKEY: { isEnabled: true }, EMAIL_OTP: { isEnabled: true } },
          childNodeId: "complete-verified-sign-in",
        },
        { nodeId: "block-request", nodeType: "BLOCK", parentNodeIds: ["evaluate-risk"] },
        { nodeId: "complete-sign-in", nodeType: "COMPLETE", parentNodeIds: ["evaluate-risk"] },
        { nodeId: "complete-verified-sign-in", nodeType: "COMPLETE", parentNodeIds: ["verify-identity"] },
      ],
      rules: [
        {
          ruleId: "anonymous-ip",
          name: "Anonymous IP",
          conditions: { and: [{ "==": [{ var: "ip.isAnonymous" }, true] }] },
        },
        { ruleId: "new-device", name: "New device", conditions: { and: [{ "==": [{ var: "device.isNew" }, true] }] } },
      ],
    },
  }),
  managementCase("updateActionFlow", {
    name: "publish a sign-up flow with a mandatory enrollment step",
    source: {
      repo: examples,
      path: "starter-azure-devops/modules/authsignal-tenant/flows/sign-up.json",
      commit: "706793b6549d49893123367e67762bfc2e22de93",
      at: "the whole file, which authsignal_flow publishes as its flow",
    },
    method: "PUT",
    path: "/action-configurations/sign-up/flow",
    body: {
      actionNodes: [
        {
          nodeId: "enroll-authenticator",
          nodeType: "ENROLLMENT",
          parentNodeIds: [],
          name: "Enroll authentication method",
          methodConfigurations: { PASSKEY: { isEnabled: true }, EMAIL_OTP: { isEnabled: true } },
          isOptional: false,
          childNodeId: "complete-sign-up",
        },
        { nodeId: "complete-sign-up", nodeType: "COMPLETE", parentNodeIds: ["enroll-authenticator"] },
      ],
      rules: [],
    },
    response: {
      status: 200,
      body: {
        tenantId: "tenant",
        actionCode: "sign-up",
        actionType: "FLOW",
        actionNodes: [
          {
            nodeId: "enroll-authenticator",
            nodeType: "ENROLLMENT",
            parentNodeIds: [],
            name: "Enroll authentication method",
            methodConfigurations: { PASSKEY: { isEnabled: true }, EMAIL_OTP: { isEnabled: true } },
            isOptional: false,
            childNodeId: "complete-sign-up",
          },
          { nodeId: "complete-sign-up", nodeType: "COMPLETE", parentNodeIds: ["enroll-authenticator"] },
        ],
        flowVersion: 1,
      },
      source: { ...stub, at: "the publish answer's shape: tenantId, actionCode, actionType, actionNodes, flowVersion" },
    },
  }),
];
