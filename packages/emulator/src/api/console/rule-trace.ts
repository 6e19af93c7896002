// Why an action came out as it did, for the console: the rules that matched (as track recorded them),
// the one that decided, and the values of the rule context that its conditions read. The conditions
// are the rule's as it stands now: a rule edited since the track may read other names, which the
// trace then shows with the values the track saw.

import type { ApiContext } from "../../domain/context.ts";
import type { Frozen } from "../../state/frozen.ts";
import { entry } from "../../state/records.ts";
import type { StoredAction } from "../../state/server.ts";

export interface RuleTrace {
  /** The matched rules, highest priority first: the first decided. */
  matched: { ruleId: string; name: string; outcome?: string; priority?: number }[];
  /** Where the outcome came from when no rule matched: the action configuration's default, or the emulator's setting. */
  defaultDecided?: string;
  /** The deciding rule's variables (`ip.countryCode`) with the values the track saw; a value list by its alias. */
  values: { name: string; value: unknown }[];
  /** Rules that could not be evaluated, so never matched. */
  errors: { ruleId: string; message: string }[];
}

/** The names a JSON Logic condition reads: each `var`, and each value list (`{"valueList": alias}`). */
export function conditionVariables(logic: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(logic)) {
    for (const item of logic) conditionVariables(item, into);
  } else if (typeof logic === "object" && logic !== null) {
    for (const [operator, argument] of Object.entries(logic)) {
      const named = operator === "var" ? (Array.isArray(argument) ? argument[0] : argument) : undefined;
      if (typeof named === "string" && named !== "") into.add(named);
      else if (operator === "valueList" && typeof argument === "string") into.add(`valueLists.${argument}`);
      else conditionVariables(argument, into);
    }
  }
  return into;
}

/** The value at a dotted path of the context, through its own fields only. */
function valueAt(features: unknown, path: string): unknown {
  let value = features;
  for (const key of path.split(".")) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

export function ruleTrace(context: ApiContext, action: Frozen<StoredAction>): RuleTrace {
  const rules = entry(context.state.management.rules, action.actionCode);
  const matched = action.rules.map(({ ruleId, name }) => {
    const rule = entry(rules, ruleId);
    return {
      ruleId,
      name,
      ...(rule?.type !== undefined && { outcome: rule.type }),
      ...(rule?.priority !== undefined && { priority: rule.priority }),
    };
  });
  const output = action.output as { features?: unknown; ruleErrors?: RuleTrace["errors"] };
  const decider = action.priorityRuleId === undefined ? undefined : entry(rules, action.priorityRuleId);
  const values = [...conditionVariables(decider?.conditions)].map((name) => ({
    name,
    value: name.startsWith("valueLists.")
      ? `the value list "${name.slice("valueLists.".length)}"`
      : valueAt(output.features, name),
  }));
  const trace: RuleTrace = { matched, values, errors: output.ruleErrors ?? [] };
  if (action.priorityRuleId === undefined) {
    const configured = entry(context.state.management.actionConfigurations, action.actionCode)?.defaultUserActionResult;
    trace.defaultDecided = configured
      ? "the action configuration's default outcome"
      : "the emulator's unknownActionOutcome setting (the action has no configuration)";
  }
  return trace;
}
