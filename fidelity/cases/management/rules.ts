import type { operations } from "@authsignal-ts/management";
import { caseBuilder } from "../../src/case.ts";

const managementCase = caseBuilder<operations>();
const terraform = "authsignal/terraform-provider-authsignal" as const;
const managementGo = "authsignal/authsignal-management-go" as const;
const resource = {
  repo: terraform,
  path: "internal/provider/rule_resource.go",
  commit: "c7a7aab5b466445f3cc349b8887bf8ef27e7f8e2",
} as const;
const acceptance = {
  repo: terraform,
  path: "internal/provider/rule_resource_test.go",
  commit: "0e59cbb98ef0e370e165230c5f6afc9d848c1ac8",
} as const;
const guard = {
  repo: terraform,
  path: "internal/provider/rule_resource_guard_test.go",
  commit: "00991ea14caf9e3ead12cfbea866c0e534986e4e",
} as const;
const flowLifecycle = {
  repo: terraform,
  path: "internal/provider/flow_resource_lifecycle_test.go",
  commit: "a0cc5cdf67238a5c4bfa9e011240a5bb9510bc8c",
} as const;
const flowDocumentTest = {
  repo: managementGo,
  path: "flow-document_test.go",
  commit: "8e9fc2ecadfb8f3f6f6c05711dc1c1fc77724744",
} as const;
const goRules = { repo: managementGo, path: "rules.go", commit: "8b00d7dc7de8406ebcb8dd593d777276c63718b7" } as const;

const anonymousIp = { and: [{ "==": [{ var: "ip.isAnonymous" }, false] }] };

export default [
  managementCase("createRule", {
    name: "create a rule with its description, verification methods and conditions",
    source: { ...acceptance, at: "TestAccRuleResource, create step" },
    method: "POST",
    path: "/action-configurations/terraform-acc-tests/rules",
    body: {
      name: "create-rule-test",
      description: "hello world",
      isActive: false,
      priority: 2,
      type: "ALLOW",
      verificationMethods: ["AUTHENTICATOR_APP", "EMAIL_MAGIC_LINK", "EMAIL_OTP"],
      defaultVerificationMethod: "EMAIL_OTP",
      conditions: anonymousIp,
    },
  }),
  managementCase("getRule", {
    name: "read a rule of a classic action",
    source: { ...guard, at: "TestRuleReadReachesTheRuleOfAClassicAction, ruleGetRoute" },
    method: "GET",
    path: "/action-configurations/sign-in/rules/rule-1",
    response: {
      status: 200,
      body: {
        ruleId: "rule-1",
        tenantId: "tenant",
        actionCode: "sign-in",
        name: "Anonymous IP",
        isActive: true,
        priority: 0,
        type: "CHALLENGE",
        conditions: { and: [] },
      },
      source: { ...guard, at: "ruleJson" },
    },
  }),
  managementCase("updateRule", {
    name: "update a rule, sending null for every optional field the configuration leaves out",
    source: { ...resource, at: "Update: ruleToUpdate, with the values of TestAccRuleResource's update step" },
    method: "PATCH",
    path: "/action-configurations/terraform-acc-tests/rules/9d2c7a1e-3f4b-4c5d-8e6f-0a1b2c3d4e5f",
    body: {
      name: "update-rule-test",
      description: "hello world",
      isActive: false,
      priority: 3,
      type: "CHALLENGE",
      verificationMethods: ["AUTHENTICATOR_APP", "EMAIL_MAGIC_LINK", "EMAIL_OTP"],
      promptToEnrollVerificationMethods: null,
      defaultVerificationMethod: "EMAIL_OTP",
      conditions: anonymousIp,
    },
  }),
  managementCase("updateRule", {
    name: "clear a rule's description, methods and default method",
    source: { ...resource, at: "Update: SetNull for an empty description, method lists and default method" },
    method: "PATCH",
    path: "/action-configurations/terraform-acc-tests/rules/9d2c7a1e-3f4b-4c5d-8e6f-0a1b2c3d4e5f",
    body: {
      name: "update-rule-test",
      description: null,
      isActive: true,
      priority: 3,
      type: "BLOCK",
      verificationMethods: null,
      promptToEnrollVerificationMethods: null,
      defaultVerificationMethod: null,
      conditions: anonymousIp,
    },
  }),
  managementCase("deleteRule", {
    name: "delete a rule",
    source: { ...goRules, at: "DeleteRule" },
    method: "DELETE",
    path: "/action-configurations/terraform-acc-tests/rules/9d2c7a1e-3f4b-4c5d-8e6f-0a1b2c3d4e5f",
    response: {
      status: 200,
      body: { success: true },
      source: { ...goRules, at: "DeleteRule reads HttpStatusResponse" },
    },
  }),
  managementCase("listRules", {
    name: "list the rules of a flow action with none",
    source: { ...flowLifecycle, at: "TestFlowCreateCreatesTheActionThenPublishesTheFlow, rulesListRoute" },
    method: "GET",
    path: "/action-configurations/sign-in/rules",
    response: { status: 200, body: [], source: { ...flowLifecycle, at: "rulesListRoute: okResponse(`[]`)" } },
  }),
  managementCase("listRules", {
    name: "list a flow action's rules, which carry only their ID, name and conditions",
    source: { ...flowLifecycle, at: "TestFlowReadComposesTheFlowFromTheNodesAndTheRules" },
    method: "GET",
    path: "/action-configurations/sign-in/rules",
    response: {
      status: 200,
      body: [{ ruleId: "only", name: "Only", conditions: { and: [] } }],
      source: { ...flowLifecycle, at: "TestFlowReadComposesTheFlowFromTheNodesAndTheRules, rulesListRoute" },
    },
  }),
  managementCase("listRules", {
    name: "list rules whose conditions come back verbatim",
    source: { ...flowDocumentTest, at: "TestListRulesReturnsConditionsVerbatim" },
    method: "GET",
    path: "/action-configurations/sign-in/rules",
    response: {
      status: 200,
      body: [
        {
          ruleId: "rule-abc",
          name: "Awkward",
          conditions: {
            and: [
              { "==": [{ var: "attempts" }, 2 ** 53] },
              { "==": [{ var: "score" }, 1.1] },
              { "==": [{ var: "label" }, null] },
              { somethingNew: true },
            ],
          },
        },
      ],
      source: { ...flowDocumentTest, at: "awkwardCondition" },
    },
  }),
];
