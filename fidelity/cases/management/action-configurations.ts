import type { operations } from "@authsignal-ts/management";
import { caseBuilder } from "../../src/case.ts";

const managementCase = caseBuilder<operations>();
const terraform = "authsignal/terraform-provider-authsignal" as const;
const managementGo = "authsignal/authsignal-management-go" as const;
const resource = {
  repo: terraform,
  path: "internal/provider/action_configuration_resource.go",
  commit: "c7a7aab5b466445f3cc349b8887bf8ef27e7f8e2",
} as const;
const acceptance = {
  repo: terraform,
  path: "internal/provider/action_configuration_resource_test.go",
  commit: "306f8041d18d21793a6df12a0cac587c29392c61",
} as const;
const stub = {
  repo: terraform,
  path: "internal/provider/stub_api_test.go",
  commit: "a0cc5cdf67238a5c4bfa9e011240a5bb9510bc8c",
} as const;
const flowResource = {
  repo: terraform,
  path: "internal/provider/flow_resource.go",
  commit: "4f41d962bc8cc22787caa2be90b4256d9c1e6da5",
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
const actionFlowTest = {
  repo: managementGo,
  path: "action-flow_test.go",
  commit: "d59631b37cba7aca42e48c6aa52fb46e07f20bc9",
} as const;

/** What the stub API answers for the action configuration `sign-in` (actionConfigurationJson). */
function stubbedAction(
  actionType: string,
  actionNodes: { nodeId: string; nodeType: string }[] | null,
  flowVersion: number | null,
) {
  return {
    actionCode: "sign-in",
    actionType,
    tenantId: "tenant",
    lastActionCreatedAt: "2026-09-07T00:00:00.000Z",
    defaultUserActionResult: "ALLOW" as const,
    actionNodes,
    flowVersion,
  };
}

export default [
  managementCase("createActionConfiguration", {
    name: "create a classic action with only its default outcome",
    source: { ...acceptance, at: "TestAccActionConfigurationResource, action terraform-acceptance-test" },
    method: "POST",
    path: "/action-configurations",
    body: { actionCode: "terraform-acceptance-test", defaultUserActionResult: "ALLOW" },
  }),
  managementCase("createActionConfiguration", {
    name: "create a classic action with messaging templates",
    source: { ...acceptance, at: "TestAccActionConfigurationResource, action terraform-acceptance-test-templates" },
    method: "POST",
    path: "/action-configurations",
    body: {
      actionCode: "terraform-acceptance-test-templates",
      defaultUserActionResult: "ALLOW",
      messagingTemplates: { en: { defaultTemplate: "hello world" } },
    },
  }),
  managementCase("createActionConfiguration", {
    name: "create a classic action with verification methods and a default one",
    source: {
      ...acceptance,
      at: "TestAccActionConfigurationResource, action terraform-acceptance-test-verification-methods",
    },
    method: "POST",
    path: "/action-configurations",
    body: {
      actionCode: "terraform-acceptance-test-verification-methods",
      defaultUserActionResult: "ALLOW",
      defaultVerificationMethod: "EMAIL_MAGIC_LINK",
      verificationMethods: ["EMAIL_OTP", "EMAIL_MAGIC_LINK"],
    },
  }),
  managementCase("createActionConfiguration", {
    name: "create a flow action from its code and type alone; its flow is published next",
    source: { ...flowResource, at: "Create: actionConfigurationToCreate" },
    method: "POST",
    path: "/action-configurations",
    body: { actionCode: "sign-in", actionType: "FLOW" },
    response: {
      status: 200,
      body: stubbedAction("FLOW", null, null),
      source: { ...flowLifecycle, at: "TestFlowCreateCreatesTheActionThenPublishesTheFlow, actionCreateRoute" },
    },
  }),
  managementCase("getActionConfiguration", {
    name: "read a classic action",
    source: { ...stub, at: 'actionConfigurationJson(actionTypeClassic, "null", "null")' },
    method: "GET",
    path: "/action-configurations/sign-in",
    response: {
      status: 200,
      body: stubbedAction("CLASSIC", null, null),
      source: { ...stub, at: "actionConfigurationJson" },
    },
  }),
  managementCase("getActionConfiguration", {
    name: "read a flow action whose flow is published",
    source: { ...flowLifecycle, at: "TestFlowCreateCreatesTheActionThenPublishesTheFlow, second actionGetRoute" },
    method: "GET",
    path: "/action-configurations/sign-in",
    response: {
      status: 200,
      body: stubbedAction("FLOW", [{ nodeId: "c", nodeType: "COMPLETE" }], 1),
      source: { ...stub, at: 'actionConfigurationJson(actionTypeFlow, testNodes, "1")' },
    },
  }),
  managementCase("getActionConfiguration", {
    name: "read a flow action's nodes exactly as published, fields the SDK does not know included",
    source: { ...flowDocumentTest, at: "TestGetActionConfigurationReturnsActionNodesVerbatim" },
    method: "GET",
    path: "/action-configurations/sign-in",
    response: {
      status: 200,
      body: {
        actionCode: "sign-in",
        actionType: "FLOW",
        actionNodes: [
          {
            nodeId: "challenge-abc",
            nodeType: "CHALLENGE",
            attempts: 2 ** 53,
            score: 1.1,
            label: null,
            somethingNew: { nested: [1, 2, 3] },
          },
        ],
        flowVersion: 2,
      },
      source: { ...flowDocumentTest, at: "awkwardNode" },
    },
  }),
  managementCase("getActionConfiguration", {
    name: "read a flow action that was never published, with no flowVersion",
    source: { ...actionFlowTest, at: "TestActionConfigurationResponseDistinguishesUnpublishedFlow" },
    method: "GET",
    path: "/action-configurations/sign-in",
    response: {
      status: 200,
      body: { actionCode: "sign-in", actionType: "FLOW" },
      source: { ...actionFlowTest, at: "TestActionConfigurationResponseDistinguishesUnpublishedFlow, unpublished" },
    },
  }),
  managementCase("updateActionConfiguration", {
    name: "change the default outcome, clearing every optional field the configuration leaves out",
    source: { ...resource, at: "Update: actionConfigurationToUpdate, with SetNull for each unset field" },
    method: "PATCH",
    path: "/action-configurations/terraform-acceptance-test",
    body: {
      defaultUserActionResult: "BLOCK",
      messagingTemplates: null,
      verificationMethods: null,
      promptToEnrollVerificationMethods: null,
      defaultVerificationMethod: null,
    },
  }),
  managementCase("updateActionConfiguration", {
    name: "replace the messaging templates",
    source: { ...acceptance, at: "TestAccActionConfigurationResource, update of terraform-acceptance-test-templates" },
    method: "PATCH",
    path: "/action-configurations/terraform-acceptance-test-templates",
    body: {
      defaultUserActionResult: "ALLOW",
      messagingTemplates: { fr: { defaultTemplate: "bonjour" } },
      verificationMethods: null,
      promptToEnrollVerificationMethods: null,
      defaultVerificationMethod: null,
    },
  }),
  managementCase("updateActionConfiguration", {
    name: "change the verification methods and the default one",
    source: {
      ...acceptance,
      at: "TestAccActionConfigurationResource, update of terraform-acceptance-test-verification-methods",
    },
    method: "PATCH",
    path: "/action-configurations/terraform-acceptance-test-verification-methods",
    body: {
      defaultUserActionResult: "ALLOW",
      messagingTemplates: null,
      verificationMethods: ["AUTHENTICATOR_APP", "EMAIL_MAGIC_LINK"],
      promptToEnrollVerificationMethods: null,
      defaultVerificationMethod: "AUTHENTICATOR_APP",
    },
  }),
  managementCase("deleteActionConfiguration", {
    name: "delete a flow action, which takes its flow with it",
    source: { ...flowLifecycle, at: "TestFlowDeleteDeletesTheWholeActionConfiguration" },
    method: "DELETE",
    path: "/action-configurations/sign-in",
    response: { status: 200, body: { success: true }, source: { ...flowLifecycle, at: "actionDeleteRoute" } },
  }),
];
