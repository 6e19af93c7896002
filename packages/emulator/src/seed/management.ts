// The Management part of a seed: tenant configuration written as the create bodies of the API, checked
// against the spec (an unknown field is an error that names it) and stored through the same code the
// API's create operations use, so a seeded rule and a created one cannot differ.
import type { components } from "@authsignal-ts/management";
import { insertActionConfiguration } from "../api/management/action-configurations.ts";
import {
  authenticatorCreateBodies,
  insertAuthenticatorConfiguration,
} from "../api/management/authenticator-configurations.ts";
import { insertCustomDataPoint } from "../api/management/custom-data-points.ts";
import { publishFlow } from "../api/management/flows.ts";
import { replaceOverrides } from "../api/management/message-overrides.ts";
import { insertRule } from "../api/management/rules.ts";
import { insertValueList } from "../api/management/value-lists.ts";
import { EmulatorApiError } from "../domain/errors.ts";
import { conditionsProblem } from "../domain/rule-limits.ts";
import { managementSeedSchemaId } from "../spec/own-schemas.ts";
import { describeEveryError, ownValidator } from "../spec/validation.ts";
import {
  type AuthenticatorMethodSegment,
  defaultTenant,
  defaultTheme,
  emptyManagementState,
  type ManagementState,
} from "../state/management.ts";
import { managementWriters } from "../state/management-store.ts";

type Schemas = components["schemas"];

/** A flow action, optionally with the flow to publish as its version 1. */
export type SeedFlowActionConfiguration = Schemas["CreateFlowActionConfigurationBody"] & {
  flow?: Omit<Schemas["UpdateActionFlowBody"], "expectedFlowVersion">;
};

/** A rule of a classic action: the create body, the action it belongs to, and an optional fixed ID. */
export type SeedRule = Schemas["CreateRuleBody"] & { actionCode: string; ruleId?: string };

export type SeedCustomDataPoint = Schemas["CreateCustomDataPointBody"] & { id?: string };

/**
 * Per-method authenticator configurations, as their create bodies with an optional fixed ID. A seed
 * may give a `webhookUrl` over plain `http:` (the API takes only `https:`) so tests can point
 * `sms.created` and `email.created` at a local server.
 */
export interface SeedAuthenticatorConfigurations {
  sms?: Schemas["CreateSmsAuthenticatorConfigurationBody"] & { authenticatorId?: string };
  "email-otp"?: Schemas["CreateEmailOtpAuthenticatorConfigurationBody"] & { authenticatorId?: string };
  passkey?: Schemas["CreatePasskeyAuthenticatorConfigurationBody"] & { authenticatorId?: string };
  push?: Schemas["CreatePushAuthenticatorConfigurationBody"] & { authenticatorId?: string };
}

export interface ManagementSeed {
  /** Merged over the default tenant. In the Tenant response shape, so webhook URLs may be `http:`. */
  tenant?: Schemas["Tenant"];
  /** Replaces the default theme. */
  theme?: Schemas["Theme"];
  actionConfigurations?: (Schemas["CreateClassicActionConfigurationBody"] | SeedFlowActionConfiguration)[];
  rules?: SeedRule[];
  valueLists?: Schemas["CreateValueListBody"][];
  customDataPoints?: SeedCustomDataPoint[];
  /** By locale, then message override ID. */
  messageOverrides?: Schemas["MessageOverridesByLocale"];
  authenticatorConfigurations?: SeedAuthenticatorConfigurations;
}

/** The top-level keys a ManagementSeed has, for a loader that splits a whole seed file between APIs. */
export const managementSeedKeys = [
  "tenant",
  "theme",
  "actionConfigurations",
  "rules",
  "valueLists",
  "customDataPoints",
  "messageOverrides",
  "authenticatorConfigurations",
] as const satisfies readonly (keyof ManagementSeed)[];

/** A seed that does not describe a valid tenant configuration; `problems` name each field. */
export class ManagementSeedError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`The seed is not valid:\n${problems.map((problem) => `  ${problem}`).join("\n")}`);
    this.name = "ManagementSeedError";
    this.problems = problems;
  }
}

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Collects the problems of a seed; nothing is stored until there are none. */
class SeedChecker {
  readonly problems: string[] = [];

  object(value: unknown, path: string): value is Fields {
    if (isObject(value)) return true;
    this.problems.push(`${path} must be an object`);
    return false;
  }

  list(value: unknown, path: string): unknown[] {
    if (Array.isArray(value)) return value;
    this.problems.push(`${path} must be an array`);
    return [];
  }

  /** Checks `value` against schema `name` after taking out the seed's own fields, which it returns. */
  schema(value: unknown, path: string, name: string, own: string[] = [], kind?: "closed"): Fields {
    if (!this.object(value, path)) return {};
    const rest = Object.fromEntries(Object.entries(value).filter(([key]) => !own.includes(key)));
    const validate = ownValidator(managementSeedSchemaId(name, kind));
    if (!validate(rest)) this.problems.push(...describeEveryError(path, validate.errors));
    return Object.fromEntries(own.filter((key) => value[key] !== undefined).map((key) => [key, value[key]]));
  }

  text(value: unknown, path: string, pattern = /^.+$/s): void {
    if (typeof value !== "string" || !pattern.test(value))
      this.problems.push(`${path} must be a string matching ${pattern}`);
  }
}

function check(seed: unknown, path: string): ManagementSeed {
  const checker = new SeedChecker();
  if (!checker.object(seed, path)) throw new ManagementSeedError(checker.problems);
  for (const key of Object.keys(seed)) {
    if (!(managementSeedKeys as readonly string[]).includes(key))
      checker.problems.push(`${path}.${key} is not a known field`);
  }
  if (seed.tenant !== undefined) checker.schema(seed.tenant, `${path}.tenant`, "Tenant", [], "closed");
  if (seed.theme !== undefined) checker.schema(seed.theme, `${path}.theme`, "Theme", [], "closed");
  for (const [i, action] of checker.list(seed.actionConfigurations ?? [], `${path}.actionConfigurations`).entries()) {
    const at = `${path}.actionConfigurations[${i}]`;
    const flow = isObject(action) && action.actionType === "FLOW";
    const own = checker.schema(
      action,
      at,
      flow ? "CreateFlowActionConfigurationBody" : "CreateClassicActionConfigurationBody",
      flow ? ["flow"] : [],
    );
    if (own.flow !== undefined) checker.schema(own.flow, `${at}.flow`, "UpdateActionFlowBody");
  }
  for (const [i, rule] of checker.list(seed.rules ?? [], `${path}.rules`).entries()) {
    const own = checker.schema(rule, `${path}.rules[${i}]`, "CreateRuleBody", ["actionCode", "ruleId"]);
    const problem = isObject(rule) ? conditionsProblem(rule.conditions, `${path}.rules[${i}].conditions`) : undefined;
    if (problem) checker.problems.push(problem);
    checker.text(own.actionCode, `${path}.rules[${i}].actionCode`, /^[a-zA-Z0-9_-]{1,64}$/);
    if (own.ruleId !== undefined) checker.text(own.ruleId, `${path}.rules[${i}].ruleId`);
  }
  for (const [i, list] of checker.list(seed.valueLists ?? [], `${path}.valueLists`).entries()) {
    checker.schema(list, `${path}.valueLists[${i}]`, "CreateValueListBody");
  }
  for (const [i, point] of checker.list(seed.customDataPoints ?? [], `${path}.customDataPoints`).entries()) {
    const own = checker.schema(point, `${path}.customDataPoints[${i}]`, "CreateCustomDataPointBody", ["id"]);
    if (own.id !== undefined) checker.text(own.id, `${path}.customDataPoints[${i}].id`);
  }
  if (seed.messageOverrides !== undefined) {
    checker.schema({ messageOverrides: seed.messageOverrides }, path, "UpdateMessageOverridesBody");
  }
  const configurations = seed.authenticatorConfigurations;
  if (configurations !== undefined && checker.object(configurations, `${path}.authenticatorConfigurations`)) {
    for (const [segment, body] of Object.entries(configurations)) {
      const at = `${path}.authenticatorConfigurations.${segment}`;
      const schema = Object.hasOwn(authenticatorCreateBodies, segment)
        ? authenticatorCreateBodies[segment as AuthenticatorMethodSegment]
        : undefined;
      if (!schema) {
        checker.problems.push(
          `${at} is not a known field (one of ${Object.keys(authenticatorCreateBodies).join(", ")})`,
        );
        continue;
      }
      const own = checker.schema(body, at, schema, ["authenticatorId", "webhookUrl"]);
      if (own.authenticatorId !== undefined) checker.text(own.authenticatorId, `${at}.authenticatorId`);
      if (own.webhookUrl !== undefined) checker.text(own.webhookUrl, `${at}.webhookUrl`, /^https?:\/\/\S+$/);
    }
  }
  if (checker.problems.length > 0) throw new ManagementSeedError(checker.problems);
  return seed as ManagementSeed;
}

/** Runs one store step, turning the API error it may raise into a seed problem at `path`. */
function at<T>(path: string, store: () => T): T {
  try {
    return store();
  } catch (error) {
    if (error instanceof EmulatorApiError) throw new ManagementSeedError([`${path}: ${error.description}`]);
    throw error;
  }
}

export interface ManagementStateOptions {
  /** Makes the IDs the seed does not fix; `crypto.randomUUID` unless given. */
  randomId?: () => string;
  /** How errors name the seed, `seed` unless given (`seed.rules[0]…`). */
  path?: string;
}

/**
 * A fresh tenant configuration: the default tenant and theme, then everything the seed describes.
 * Throws a ManagementSeedError naming every field that is wrong.
 */
export function createManagementState(seed?: ManagementSeed, options: ManagementStateOptions = {}): ManagementState {
  const path = options.path ?? "seed";
  const randomId = options.randomId ?? (() => crypto.randomUUID());
  const valid = seed === undefined ? {} : check(seed, path);
  const tenant = { ...defaultTenant(), ...structuredClone(valid.tenant) };
  const state = emptyManagementState(tenant, structuredClone(valid.theme) ?? defaultTheme(tenant.name));
  const management = { state, store: managementWriters(() => state) };
  for (const [i, seeded] of (valid.actionConfigurations ?? []).entries()) {
    const { flow, ...body } = seeded as SeedFlowActionConfiguration;
    at(`${path}.actionConfigurations[${i}]`, () => {
      insertActionConfiguration(management, body);
      if (flow) publishFlow(management, body.actionCode, flow);
    });
  }
  for (const [i, { actionCode, ruleId, ...body }] of (valid.rules ?? []).entries()) {
    at(`${path}.rules[${i}]`, () => insertRule(management, actionCode, body, ruleId ?? randomId()));
  }
  for (const [i, body] of (valid.valueLists ?? []).entries()) {
    at(`${path}.valueLists[${i}]`, () => insertValueList(management, body));
  }
  for (const [i, { id, ...body }] of (valid.customDataPoints ?? []).entries()) {
    at(`${path}.customDataPoints[${i}]`, () => insertCustomDataPoint(management, body, id ?? randomId()));
  }
  if (valid.messageOverrides) {
    const overrides = valid.messageOverrides;
    at(`${path}.messageOverrides`, () => replaceOverrides(management, overrides, ""));
  }
  for (const [segment, seeded] of Object.entries(valid.authenticatorConfigurations ?? {})) {
    const { authenticatorId, ...body } = seeded;
    at(`${path}.authenticatorConfigurations.${segment}`, () =>
      insertAuthenticatorConfiguration(
        management,
        segment as AuthenticatorMethodSegment,
        body,
        authenticatorId ?? randomId(),
      ),
    );
  }
  return state;
}
