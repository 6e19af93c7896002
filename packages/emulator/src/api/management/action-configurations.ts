// Action configurations, by action code. A classic action has a default outcome its rules can
// override; a flow action is created empty and gets its nodes from `updateActionFlow` (flows.ts).
import type { components } from "@authsignal-ts/management";
import type { ManagementState } from "../../state/management.ts";
import type { OperationHandler } from "../handler.ts";
import {
  applyPatch,
  conflict,
  defined,
  deleted,
  existing,
  invalidRequest,
  management,
  ok,
  pathParam,
  tenantIdOf,
} from "./common.ts";

type Schemas = components["schemas"];
type ActionConfiguration = Schemas["ActionConfiguration"];

export const describeAction = (actionCode: string) => `The action configuration "${actionCode}"`;

/** The configuration of `actionCode`, or a 404 `not_found`. */
export function existingAction(state: ManagementState, actionCode: string): ActionConfiguration {
  return existing(state.actionConfigurations, actionCode, describeAction(actionCode));
}

export const isFlowAction = (configuration: ActionConfiguration) => configuration.actionType === "FLOW";

/** Stores a new configuration as a create body describes it; a code that exists is a 409 `conflict`. */
export function insertActionConfiguration(
  state: ManagementState,
  body: Schemas["CreateActionConfigurationBody"],
): ActionConfiguration {
  if (Object.hasOwn(state.actionConfigurations, body.actionCode)) {
    conflict(`An action configuration with the code "${body.actionCode}" already exists.`);
  }
  const tenantId = tenantIdOf(state);
  const configuration: ActionConfiguration =
    body.actionType === "FLOW"
      ? defined({ actionCode: body.actionCode, tenantId, actionType: "FLOW", actionNodes: null, flowVersion: null })
      : defined({ ...structuredClone(body), tenantId, actionType: "CLASSIC" });
  state.actionConfigurations[body.actionCode] = configuration;
  return configuration;
}

const createActionConfiguration: OperationHandler = (input, context) =>
  ok(insertActionConfiguration(management(context), input.body as Schemas["CreateActionConfigurationBody"]));

const getActionConfiguration: OperationHandler = (input, context) =>
  ok(existingAction(management(context), pathParam(input, "actionCode")));

/** Omitted fields stay and `null` clears one. A flow action's outcome comes from its flow, so it takes none. */
const updateActionConfiguration: OperationHandler = (input, context) => {
  const state = management(context);
  const actionCode = pathParam(input, "actionCode");
  const current = existingAction(state, actionCode);
  if (isFlowAction(current)) {
    invalidRequest(`"${actionCode}" is a flow action: change its flow with updateActionFlow.`);
  }
  const updated = applyPatch(current, input.body as Schemas["UpdateActionConfigurationBody"]);
  state.actionConfigurations[actionCode] = updated;
  return ok(updated);
};

/** The action's rules (classic or published with its flow) go with it. */
const deleteActionConfiguration: OperationHandler = (input, context) => {
  const state = management(context);
  const actionCode = pathParam(input, "actionCode");
  existingAction(state, actionCode);
  delete state.actionConfigurations[actionCode];
  delete state.rules[actionCode];
  delete state.flowRules[actionCode];
  return deleted();
};

export const actionConfigurationHandlers = {
  createActionConfiguration,
  getActionConfiguration,
  updateActionConfiguration,
  deleteActionConfiguration,
};
