// Publishing a flow action's flow: its nodes go on the action configuration with a version that goes
// up by one each time, and the rules it defines replace the action's rules.
import type { components, operations as Operations } from "@authsignal-ts/management";
import type { Handler } from "../handler.ts";
import { existingAction, isFlowAction } from "./action-configurations.ts";
import { conflict, invalidRequest, type Management, management, tenantIdOf } from "./common.ts";
import { checkConditions } from "./rules.ts";

type Schemas = components["schemas"];
type FlowNode = Schemas["FlowNode"];

/** Every node ID a node points at, with the field that names it. */
function pointers(node: FlowNode): [field: string, nodeId: string][] {
  const found: [string, string][] = [];
  if (node.childNodeId) found.push(["childNodeId", node.childNodeId]);
  if (node.elseChildNodeId) found.push(["elseChildNodeId", node.elseChildNodeId]);
  for (const [i, parent] of (node.parentNodeIds ?? []).entries()) found.push([`parentNodeIds[${i}]`, parent]);
  for (const field of ["ruleChildNodeIds", "verificationMethodChildNodeIds", "buttonChildNodeIds"] as const) {
    for (const [i, branch] of (node[field] ?? []).entries()) found.push([`${field}[${i}][1]`, branch[1]]);
  }
  return found;
}

/**
 * The checks the spec says the API makes: node IDs are unique, every node pointed at is in the
 * flow, and each rule is defined once and referenced by exactly one `RULE` node. The first
 * failure is a 400 naming the field.
 */
function checkFlow(body: Schemas["UpdateActionFlowBody"]): void {
  const nodeIds = new Set<string>();
  for (const [i, node] of body.actionNodes.entries()) {
    if (nodeIds.has(node.nodeId)) invalidRequest(`actionNodes[${i}].nodeId "${node.nodeId}" is used by another node.`);
    nodeIds.add(node.nodeId);
  }
  const references = new Map<string, number>();
  for (const [i, node] of body.actionNodes.entries()) {
    for (const [field, target] of pointers(node)) {
      if (!nodeIds.has(target))
        invalidRequest(`actionNodes[${i}].${field} names "${target}", which is not a node of the flow.`);
    }
    for (const [j, [ruleId]] of (node.ruleChildNodeIds ?? []).entries()) {
      if (node.nodeType !== "RULE") invalidRequest(`actionNodes[${i}].ruleChildNodeIds is only for RULE nodes.`);
      if (!body.rules.some((rule) => rule.ruleId === ruleId)) {
        invalidRequest(`actionNodes[${i}].ruleChildNodeIds[${j}][0] names "${ruleId}", which is not in rules.`);
      }
      references.set(ruleId, (references.get(ruleId) ?? 0) + 1);
    }
  }
  const ruleIds = new Set<string>();
  for (const [i, rule] of body.rules.entries()) {
    checkConditions(rule.conditions, `rules[${i}].conditions`);
    if (ruleIds.has(rule.ruleId)) invalidRequest(`rules[${i}].ruleId "${rule.ruleId}" is defined twice.`);
    ruleIds.add(rule.ruleId);
    const count = references.get(rule.ruleId) ?? 0;
    if (count !== 1) {
      invalidRequest(`rules[${i}] ("${rule.ruleId}") must be referenced by exactly one RULE node, not ${count}.`);
    }
  }
}

/** Publishes `body` as the next version of a flow action's flow; what the seed and the API both use. */
export function publishFlow(
  { state, store }: Management,
  actionCode: string,
  body: Schemas["UpdateActionFlowBody"],
): Schemas["ActionFlow"] {
  const configuration = existingAction(state, actionCode);
  if (!isFlowAction(configuration)) {
    invalidRequest(`"${actionCode}" is a classic action: only a flow action (actionType FLOW) has a flow.`);
  }
  const current = configuration.flowVersion ?? undefined;
  if (body.expectedFlowVersion !== undefined && body.expectedFlowVersion !== current) {
    conflict(
      `The flow of "${actionCode}" is at version ${current ?? "none (never published)"}, not ${body.expectedFlowVersion}.`,
    );
  }
  checkFlow(body);
  const actionNodes = structuredClone(body.actionNodes);
  const flowVersion = store.publishFlow(actionCode, actionNodes, structuredClone(body.rules));
  return { tenantId: tenantIdOf(state), actionCode, actionType: "FLOW", actionNodes, flowVersion };
}

export const updateActionFlow: Handler<Operations["updateActionFlow"]> = (request, context) => ({
  status: 200,
  body: publishFlow(management(context), request.path.actionCode, request.body),
});
