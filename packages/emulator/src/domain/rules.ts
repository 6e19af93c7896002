// The rules engine: every active rule of the action, evaluated as JSON Logic (json-logic-js, the
// reference implementation of jsonlogic.com, with a budget of work: domain/json-logic.ts) over
// `ip.*`, `device.*`, `user.*`, `custom.*` and the tenant's value lists. All matches are recorded;
// the lowest priority number decides.

import type { components } from "@authsignal-ts/management";
import type { Frozen } from "../state/frozen.ts";
import { entry, recordsOf } from "../state/records.ts";
import type { CustomData, DeviceSignals, IpSignals, StoredUser } from "../state/server.ts";
import type { ApiContext } from "./context.ts";
import { EmulatorApiError } from "./errors.ts";
import { evaluationBudget, type Logic, newBudget, RuleBudgetExceeded, truthy } from "./json-logic.ts";

type Rule = components["schemas"]["Rule"];

export interface RuleInput {
  ipAddress?: string;
  userAgent?: string;
  deviceId?: string;
  custom?: Frozen<CustomData>;
  crypto?: Record<string, unknown>;
  deviceIsNew: boolean;
  hasPreviouslyVerified: boolean;
}

export interface RuleEvaluation {
  /** Matching rules, highest priority (lowest number) first. */
  matched: Frozen<Rule>[];
  /** Rules whose conditions could not be evaluated (an unknown operation, say); they never match. */
  errors: { ruleId: string; message: string }[];
  features: Record<string, unknown>;
}

// Bots by user agent when the risk table does not say: a documented guess.
const botUserAgent = /bot|crawler|spider|headless|curl\/|python-requests/i;

/**
 * `value` with every object in it prototype-free. JSON Logic's `var` walks the prototype chain, so
 * `custom.constructor` would otherwise be a function when no `constructor` was sent, where any other
 * missing name is null. Arrays (value lists' items) are kept as they are: they hold only scalars.
 */
function prototypeFree(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  return recordsOf(Object.entries(value).map(([key, item]) => [key, prototypeFree(item)] as const));
}

/** What the rules see: the risk table's signals for this IP, device and user agent, plus the request. */
export function features(context: ApiContext, user: Frozen<StoredUser>, input: RuleInput): Record<string, unknown> {
  const { riskSignals } = context.state.server;
  const lookup = <T>(table: Record<string, T> | undefined, key: string | undefined): T | undefined =>
    key === undefined ? undefined : entry(table, key);
  const ipSignals: IpSignals = lookup(riskSignals.ipAddresses, input.ipAddress) ?? {};
  const deviceSignals: DeviceSignals = {
    ...lookup(riskSignals.userAgents, input.userAgent),
    ...lookup(riskSignals.deviceIds, input.deviceId),
  };
  const device = input.deviceId === undefined ? undefined : entry(user.devices, input.deviceId);
  const rememberedUntil = device?.rememberedUntil ? Date.parse(device.rememberedUntil) : Number.NaN;
  const valueLists = recordsOf(
    Object.values(context.state.management.valueLists).map((list) => [list.alias, list.valueListItems ?? []] as const),
  );
  return prototypeFree({
    ip:
      input.ipAddress === undefined
        ? {}
        : {
            address: input.ipAddress,
            isAnonymous: false,
            impossibleTravel: false,
            atypicalTravel: false,
            countryCodeInOfacList: false,
            ...ipSignals,
          },
    device: {
      id: input.deviceId,
      userAgent: input.userAgent,
      isNew: input.deviceIsNew,
      isRemembered: rememberedUntil > context.now(),
      isBot: input.userAgent !== undefined && botUserAgent.test(input.userAgent),
      count: Object.keys(user.devices).length,
      ...deviceSignals,
    },
    user: {
      id: user.userId,
      userId: user.userId,
      email: user.email,
      phoneNumber: user.phoneNumber,
      username: user.username,
      hasPreviouslyVerified: input.hasPreviouslyVerified,
    },
    // Custom data points of the user model, then the action's own (the action's win a name clash).
    custom: { ...user.custom, ...input.custom },
    crypto: input.crypto ?? {},
    valueLists,
  }) as Record<string, unknown>;
}

/**
 * How "In List" is written in JSON Logic is not documented: `{"valueList": "<alias>"}` stands for
 * the list's items anywhere an array may go (`{"in": [{"var": "ip.address"}, {"valueList": "blocked-ips"}]}`),
 * beside plain `in` with a literal array.
 */
function withValueLists(logic: unknown): unknown {
  if (Array.isArray(logic)) return logic.map(withValueLists);
  if (typeof logic !== "object" || logic === null) return logic;
  const entries = Object.entries(logic);
  if (entries.length === 1 && entries[0]?.[0] === "valueList" && typeof entries[0][1] === "string") {
    return { var: `valueLists.${entries[0][1]}` };
  }
  return Object.fromEntries(entries.map(([key, value]) => [key, withValueLists(value)]));
}

const prepared = new WeakMap<object, unknown>();

function matches(
  conditions: Frozen<Rule["conditions"]>,
  data: Record<string, unknown>,
  budget: { steps: number },
): boolean {
  // No conditions at all: the rule always triggers.
  if (conditions === undefined || conditions === null || Object.keys(conditions).length === 0) return true;
  let logic = prepared.get(conditions);
  if (logic === undefined) {
    logic = withValueLists(conditions);
    prepared.set(conditions, logic);
  }
  return truthy(logic as Logic, data, budget);
}

/**
 * Evaluates the action's active rules; equal priorities keep the order the rules were created in. A
 * rule that cannot be evaluated (an unknown operation) never matches and is reported; rules that
 * together run out of the track's budget fail the track, with a 400 naming the rule: recorded as a
 * rule that did not match, a BLOCK rule too costly to finish would let the action through.
 */
export function evaluateRules(context: ApiContext, actionCode: string, data: Record<string, unknown>): RuleEvaluation {
  const rules = Object.values(entry(context.state.management.rules, actionCode) ?? {})
    .filter((rule) => rule.isActive)
    .sort((a, b) => a.priority - b.priority);
  const matched: Frozen<Rule>[] = [];
  const errors: RuleEvaluation["errors"] = [];
  const budget = newBudget();
  for (const rule of rules) {
    try {
      if (matches(rule.conditions, data, budget)) matched.push(rule);
    } catch (error) {
      if (error instanceof RuleBudgetExceeded) {
        throw new EmulatorApiError(
          400,
          "rule_budget_exceeded",
          `The rules of the action "${actionCode}" took more than the emulator's budget of ${evaluationBudget} steps for one track; rule "${rule.ruleId}" was being evaluated when it ran out. A rule that visits lists inside one another, or copies a list item by item, does too much work.`,
        );
      }
      errors.push({ ruleId: rule.ruleId, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { matched, errors, features: data };
}
