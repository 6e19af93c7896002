// A classic action's rules, under /action-configurations/{actionCode}/rules. The API gives each rule
// its ID. A flow action's rules are published with its flow (flows.ts) and only listed here.
import type { components } from "@authsignal-ts/management";
import { conditionsProblem } from "../../domain/rule-limits.ts";
import type { ManagementState } from "../../state/management.ts";
import { entry, entryOrNew, records } from "../../state/records.ts";
import type { OperationHandler } from "../handler.ts";
import { existingAction, isFlowAction } from "./action-configurations.ts";
import { applyPatch, defined, invalidRequest, keyedResource, management, ok, pathParam, tenantIdOf } from "./common.ts";

type Schemas = components["schemas"];
type Rule = Schemas["Rule"];

/**
 * The rules of a classic action, created on first use. An action with no configuration is a 404
 * (a documented guess: what the live API does is not known). A flow action is a 400: its rules
 * change only by publishing its flow.
 */
function classicRules(state: ManagementState, actionCode: string): Record<string, Rule> {
  if (isFlowAction(existingAction(state, actionCode))) {
    invalidRequest(`"${actionCode}" is a flow action: its rules are published with its flow (updateActionFlow).`);
  }
  return entryOrNew(state.rules, actionCode, records<Rule>);
}

/** A 400 naming `field` when a rule's conditions are over the emulator's limits (rule-limits.ts). */
export function checkConditions(conditions: unknown, field: string): void {
  const problem = conditionsProblem(conditions, field);
  if (problem) invalidRequest(problem);
}

/** Adds a rule to a classic action, under `ruleId` (the seed may pin one; the API makes one up). */
export function insertRule(
  state: ManagementState,
  actionCode: string,
  body: Schemas["CreateRuleBody"],
  ruleId: string,
): Rule {
  const rules = classicRules(state, actionCode);
  const rule: Rule = defined({ ruleId, tenantId: tenantIdOf(state), actionCode, ...structuredClone(body) });
  rules[ruleId] = rule;
  return rule;
}

const rules = keyedResource(
  (state, input) => classicRules(state, pathParam(input, "actionCode")),
  "ruleId",
  (ruleId) => `The rule "${ruleId}"`,
);

/**
 * A classic action's rules in the order track evaluates them: ascending priority, and in the order
 * they were created between equal priorities (the API documents no order). A flow action's rules
 * are the ones its published flow defines, as it defined them.
 */
const listRules: OperationHandler = (input, context) => {
  const state = management(context);
  const actionCode = pathParam(input, "actionCode");
  if (isFlowAction(existingAction(state, actionCode)))
    return ok(Object.values(entry(state.flowRules, actionCode) ?? {}));
  return ok(Object.values(entry(state.rules, actionCode) ?? {}).sort((a, b) => a.priority - b.priority));
};

const createRule: OperationHandler = (input, context) => {
  const body = input.body as Schemas["CreateRuleBody"];
  checkConditions(body.conditions, "body.conditions");
  return ok(insertRule(management(context), pathParam(input, "actionCode"), body, context.randomId()));
};

export const ruleHandlers = {
  listRules,
  createRule,
  getRule: rules.get,
  /** Changes only the fields sent; `null` clears an optional one, `conditions` included. */
  updateRule: rules.update((rule: Rule, patch: Schemas["UpdateRuleBody"]) => {
    checkConditions(patch.conditions, "body.conditions");
    return applyPatch(rule, patch);
  }),
  deleteRule: rules.delete,
};
