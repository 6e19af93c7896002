// A classic action's rules, under /action-configurations/{actionCode}/rules. The API gives each rule
// its ID. A flow action's rules are published with its flow (flows.ts) and only listed here.
import type { components, operations as Operations } from "@authsignal-ts/management";
import { conditionsProblem } from "../../domain/rule-limits.ts";
import type { Frozen } from "../../state/frozen.ts";
import type { ManagementState } from "../../state/management.ts";
import { entry } from "../../state/records.ts";
import type { Handler } from "../handler.ts";
import { existingAction, isFlowAction } from "./action-configurations.ts";
import {
  applyPatch,
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
type Rule = Schemas["Rule"];

/**
 * The rules of a classic action (none until its first is added). An action with no configuration
 * is a 404 (a documented guess: what the live API does is not known). A flow action is a 400: its
 * rules change only by publishing its flow.
 */
function classicRules(state: Frozen<ManagementState>, actionCode: string): Frozen<Record<string, Rule>> {
  if (isFlowAction(existingAction(state, actionCode))) {
    invalidRequest(`"${actionCode}" is a flow action: its rules are published with its flow (updateActionFlow).`);
  }
  return entry(state.rules, actionCode) ?? {};
}

/** The rule `ruleId` of a classic action, or a 404 `not_found`. */
const existingRule = (state: Frozen<ManagementState>, actionCode: string, ruleId: string) =>
  existing(classicRules(state, actionCode), ruleId, `The rule "${ruleId}"`);

/** A 400 naming `field` when a rule's conditions are over the emulator's limits (rule-limits.ts). */
export function checkConditions(conditions: unknown, field: string): void {
  const problem = conditionsProblem(conditions, field);
  if (problem) invalidRequest(problem);
}

/** Adds a rule to a classic action, under `ruleId` (the seed may pin one; the API makes one up). */
export function insertRule(
  { state, store }: Management,
  actionCode: string,
  body: Schemas["CreateRuleBody"],
  ruleId: string,
): Rule {
  classicRules(state, actionCode);
  return store.putRule(
    actionCode,
    defined({ ruleId, tenantId: tenantIdOf(state), actionCode, ...structuredClone(body) }),
  );
}

/**
 * A classic action's rules in the order track evaluates them: ascending priority, and in the order
 * they were created between equal priorities (the API documents no order). A flow action's rules
 * are the ones its published flow defines, as it defined them.
 */
export const listRules: Handler<Operations["listRules"]> = (request, context) => {
  const state = context.state.management;
  const { actionCode } = request.path;
  if (isFlowAction(existingAction(state, actionCode))) {
    return {
      status: 200,
      body: stored<Schemas["FlowRule"][]>(Object.values(entry(state.flowRules, actionCode) ?? {})),
    };
  }
  const rules = Object.values(entry(state.rules, actionCode) ?? {}).sort((a, b) => a.priority - b.priority);
  return { status: 200, body: stored<Rule[]>(rules) };
};

export const createRule: Handler<Operations["createRule"]> = (request, context) => {
  checkConditions(request.body.conditions, "body.conditions");
  return {
    status: 200,
    body: insertRule(management(context), request.path.actionCode, request.body, context.randomId()),
  };
};

export const getRule: Handler<Operations["getRule"]> = (request, context) => ({
  status: 200,
  body: stored<Rule>(existingRule(context.state.management, request.path.actionCode, request.path.ruleId)),
});

/** Changes only the fields sent; `null` clears an optional one, `conditions` included. */
export const updateRule: Handler<Operations["updateRule"]> = (request, context) => {
  const { state, store } = management(context);
  const { actionCode, ruleId } = request.path;
  const current = existingRule(state, actionCode, ruleId);
  checkConditions(request.body.conditions, "body.conditions");
  return { status: 200, body: store.putRule(actionCode, applyPatch<Rule>(current, request.body)) };
};

export const deleteRule: Handler<Operations["deleteRule"]> = (request, context) => {
  const { state, store } = management(context);
  const { actionCode, ruleId } = request.path;
  existingRule(state, actionCode, ruleId);
  store.deleteRule(actionCode, ruleId);
  return deleted();
};
