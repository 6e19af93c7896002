// Action configurations, by action code. A classic action has a default outcome its rules can
// override; a flow action is created empty and gets its nodes from `updateActionFlow` (flows.ts).
import type { components, operations as Operations } from "@authsignal-ts/management";
import type { Frozen } from "../../state/frozen.ts";
import type { ManagementState } from "../../state/management.ts";
import type { Handler } from "../handler.ts";
import {
  applyPatch,
  conflict,
  defined,
  deleted,
  existing,
  invalidRequest,
  type Management,
  management,
  stored,
  tenantIdOf,
} from "./common.ts";

type Schemas = components["schemas"];
type ActionConfiguration = Schemas["ActionConfiguration"];

export const describeAction = (actionCode: string) => `The action configuration "${actionCode}"`;

/** The configuration of `actionCode`, or a 404 `not_found`. */
export function existingAction(state: Frozen<ManagementState>, actionCode: string): Frozen<ActionConfiguration> {
  return existing(state.actionConfigurations, actionCode, describeAction(actionCode));
}

export const isFlowAction = (configuration: Frozen<ActionConfiguration>) => configuration.actionType === "FLOW";

/** Stores a new configuration as a create body describes it; a code that exists is a 409 `conflict`. */
export function insertActionConfiguration(
  { state, store }: Management,
  body: Schemas["CreateActionConfigurationBody"],
): ActionConfiguration {
  const tenantId = tenantIdOf(state);
  const configuration: ActionConfiguration =
    body.actionType === "FLOW"
      ? defined({ actionCode: body.actionCode, tenantId, actionType: "FLOW", actionNodes: null, flowVersion: null })
      : defined({ ...structuredClone(body), tenantId, actionType: "CLASSIC" });
  if (!store.addActionConfiguration(configuration)) {
    conflict(`An action configuration with the code "${body.actionCode}" already exists.`);
  }
  return configuration;
}

export const createActionConfiguration: Handler<Operations["createActionConfiguration"]> = (request, context) => ({
  status: 200,
  body: insertActionConfiguration(management(context), request.body),
});

export const getActionConfiguration: Handler<Operations["getActionConfiguration"]> = (request, context) => ({
  status: 200,
  body: stored<ActionConfiguration>(existingAction(context.state.management, request.path.actionCode)),
});

/** Omitted fields stay and `null` clears one. A flow action's outcome comes from its flow, so it takes none. */
export const updateActionConfiguration: Handler<Operations["updateActionConfiguration"]> = (request, context) => {
  const { state, store } = management(context);
  const { actionCode } = request.path;
  const current = existingAction(state, actionCode);
  if (isFlowAction(current)) {
    invalidRequest(`"${actionCode}" is a flow action: change its flow with updateActionFlow.`);
  }
  return { status: 200, body: store.putActionConfiguration(applyPatch<ActionConfiguration>(current, request.body)) };
};

/** The action's rules (classic or published with its flow) go with it. */
export const deleteActionConfiguration: Handler<Operations["deleteActionConfiguration"]> = (request, context) => {
  const { state, store } = management(context);
  existingAction(state, request.path.actionCode);
  store.deleteActionConfiguration(request.path.actionCode);
  return deleted();
};
