// The rules engine: every active rule of the action, evaluated as JSON Logic (json-logic-js, the
// reference implementation of jsonlogic.com, with a budget of work: domain/json-logic.ts) over
// `ip.*`, `device.*`, `user.*`, `custom.*` and the tenant's value lists. All matches are recorded;
// the lowest priority number decides.

import type { components } from "@authsignal-ts/management";
import type { Frozen } from "../state/frozen.ts";
import { entry } from "../state/records.ts";
import type { CustomData, StoredUser } from "../state/server.ts";
import type { ApiContext } from "./context.ts";
import { EmulatorApiError } from "./errors.ts";
import {
  type Condition,
  conditionOf,
  evaluationBudget,
  type Logic,
  newBudget,
  RuleBudgetExceeded,
} from "./json-logic.ts";

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
 * The prototype of every object the rules read: frozen, with no prototype and no properties of its
 * own, so a name an object lacks is missing all the way up, as on an object with no prototype. JSON
 * Logic's `var` walks the prototype chain, so with Object's prototype `custom.constructor` would be a
 * function when no `constructor` was sent, where any other missing name is null. An object made
 * with no prototype at all is a hash table to V8, several times slower to make and to read.
 */
const nothing: object = Object.freeze(Object.create(null));
const blank = (): Record<string, unknown> => Object.create(nothing);

/** `value` with every object in it on `nothing`. Arrays (value lists' items) are kept as they are: they hold only scalars. */
function prototypeFree(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  return copyInto(blank(), value);
}

/** Copies the own fields of `source` into `target`, each made prototype-free; later copies win. */
function copyInto(target: Record<string, unknown>, source: object | undefined): Record<string, unknown> {
  if (source !== undefined) {
    for (const key of Object.keys(source)) target[key] = prototypeFree((source as Record<string, unknown>)[key]);
  }
  return target;
}

/**
 * The prototype of the values the rules read: the tenant's value lists by alias under `valueLists`,
 * made again only when a list changes. Inherited, so rules read `valueLists.<alias>` as before while
 * the values themselves, stored as the action's `output.features`, hold (and JSON writes) only what
 * the track saw, with no copy made to leave the lists out.
 */
const valueListRoots = new WeakMap<object, { revision: number; root: object }>();

function valueListRoot(context: ApiContext): object {
  const lists = context.state.management.valueLists;
  const revision = context.store.revision("management.valueLists");
  const cached = valueListRoots.get(lists);
  if (cached?.revision === revision) return cached.root;
  const view = blank();
  for (const list of Object.values(lists)) view[list.alias] = list.valueListItems ?? [];
  const root = Object.freeze(Object.assign(Object.create(nothing), { valueLists: Object.freeze(view) }));
  valueListRoots.set(lists, { revision, root });
  return root;
}

/**
 * What the rules see: the risk table's signals for this IP, device and user agent, plus the request,
 * and through the prototype the tenant's value lists.
 * Every object in it is on `nothing`, made so as it is built (copying the whole object afterwards
 * cost a track more than the rules themselves).
 */
export function features(context: ApiContext, user: Frozen<StoredUser>, input: RuleInput): Record<string, unknown> {
  const { riskSignals } = context.state.server;
  const lookup = <T>(table: Record<string, T> | undefined, key: string | undefined): T | undefined =>
    key === undefined ? undefined : entry(table, key);
  const stored = input.deviceId === undefined ? undefined : entry(user.devices, input.deviceId);
  const rememberedUntil = stored?.rememberedUntil ? Date.parse(stored.rememberedUntil) : Number.NaN;

  const ip = blank();
  if (input.ipAddress !== undefined) {
    ip.address = input.ipAddress;
    ip.isAnonymous = false;
    ip.impossibleTravel = false;
    ip.atypicalTravel = false;
    ip.countryCodeInOfacList = false;
    copyInto(ip, lookup(riskSignals.ipAddresses, input.ipAddress));
  }
  const device = blank();
  device.id = input.deviceId;
  device.userAgent = input.userAgent;
  device.isNew = input.deviceIsNew;
  device.isRemembered = rememberedUntil > context.now();
  device.isBot = input.userAgent !== undefined && botUserAgent.test(input.userAgent);
  device.count = Object.keys(user.devices).length;
  copyInto(device, lookup(riskSignals.userAgents, input.userAgent));
  copyInto(device, lookup(riskSignals.deviceIds, input.deviceId));
  const person = blank();
  person.id = user.userId;
  person.userId = user.userId;
  person.email = user.email;
  person.phoneNumber = user.phoneNumber;
  person.username = user.username;
  person.hasPreviouslyVerified = input.hasPreviouslyVerified;
  const data = Object.create(valueListRoot(context)) as Record<string, unknown>;
  data.ip = ip;
  data.device = device;
  data.user = person;
  // Custom data points of the user model, then the action's own (the action's win a name clash).
  data.custom = copyInto(copyInto(blank(), user.custom), input.custom);
  data.crypto = copyInto(blank(), input.crypto);
  return data;
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

const always: Condition = () => true;

/** A rule's conditions, ready to evaluate; none at all always match. */
function conditionFor(conditions: Frozen<Rule["conditions"]>): Condition {
  if (conditions === undefined || conditions === null || Object.keys(conditions).length === 0) return always;
  return conditionOf(withValueLists(conditions) as Logic);
}

type PreparedRules = readonly { rule: Frozen<Rule>; condition: Condition }[];

/**
 * Each action's active rules by priority (equal ones in the order created), each with its condition
 * compiled: prepared once per change of the tenant's rules (the store's revision), not at every track.
 */
const preparedRules = new WeakMap<object, { revision: number; active: PreparedRules }>();

function activeRules(context: ApiContext, actionCode: string): PreparedRules {
  const record = entry(context.state.management.rules, actionCode);
  if (record === undefined) return [];
  const revision = context.store.revision("management.rules");
  const cached = preparedRules.get(record);
  if (cached?.revision === revision) return cached.active;
  const active = Object.values(record)
    .filter((rule) => rule.isActive)
    .sort((a, b) => a.priority - b.priority)
    .map((rule) => ({ rule, condition: conditionFor(rule.conditions) }));
  preparedRules.set(record, { revision, active });
  return active;
}

/**
 * Evaluates the action's active rules; equal priorities keep the order the rules were created in. A
 * rule that cannot be evaluated (an unknown operation) never matches and is reported; rules that
 * together run out of the track's budget fail the track, with a 400 naming the rule: recorded as a
 * rule that did not match, a BLOCK rule too costly to finish would let the action through.
 */
export function evaluateRules(context: ApiContext, actionCode: string, data: Record<string, unknown>): RuleEvaluation {
  const rules = activeRules(context, actionCode);
  const matched: Frozen<Rule>[] = [];
  const errors: RuleEvaluation["errors"] = [];
  const budget = newBudget();
  for (const { rule, condition } of rules) {
    try {
      if (condition(data, budget)) matched.push(rule);
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
