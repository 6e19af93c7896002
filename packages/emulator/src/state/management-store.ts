// The writers of the management part of the state: the only code that changes a tenant's
// configuration. They work over one ManagementState, so the store (bound to the emulator's current
// state) and a seed (building a fresh one) store by the same code. A writer refuses only what would
// break the state's shape (a second entry under a key that must be unique), answering false; the
// API's rules about what may be stored, and the errors that say why not, are the handlers'.
import type { components } from "@authsignal-ts/management";
import { type MarkChanged, noChanges } from "./changes.ts";
import type { AuthenticatorConfigurations, AuthenticatorMethodSegment, ManagementState } from "./management.ts";
import { entryOrNew, records, recordsOf } from "./records.ts";
import type { EmulatorState } from "./types.ts";

type Schemas = components["schemas"];

export function managementWriters(current: () => ManagementState, mark: MarkChanged = noChanges) {
  return {
    putTenant(tenant: Schemas["Tenant"]): Schemas["Tenant"] {
      current().tenant = tenant;
      mark("management.tenant");
      return tenant;
    },

    putTheme(theme: Schemas["Theme"]): Schemas["Theme"] {
      current().theme = theme;
      mark("management.theme");
      return theme;
    },

    /** Stores a new action configuration; false, storing nothing, when its code is taken. */
    addActionConfiguration(configuration: Schemas["ActionConfiguration"]): boolean {
      const { actionConfigurations } = current();
      if (Object.hasOwn(actionConfigurations, configuration.actionCode)) return false;
      actionConfigurations[configuration.actionCode] = configuration;
      mark("management.actionConfigurations", configuration.actionCode);
      return true;
    },

    putActionConfiguration(configuration: Schemas["ActionConfiguration"]): Schemas["ActionConfiguration"] {
      current().actionConfigurations[configuration.actionCode] = configuration;
      mark("management.actionConfigurations", configuration.actionCode);
      return configuration;
    },

    /** Removes an action configuration and its rules, classic or published with its flow. */
    deleteActionConfiguration(actionCode: string): void {
      const state = current();
      delete state.actionConfigurations[actionCode];
      delete state.rules[actionCode];
      delete state.flowRules[actionCode];
      for (const kind of ["management.actionConfigurations", "management.rules", "management.flowRules"] as const) {
        mark(kind, actionCode);
      }
    },

    /**
     * Publishes a flow on the action's configuration as the version after the stored one, its rules
     * replacing the flow's earlier ones; answers the version published. The caller has checked that
     * the action exists and is a flow action.
     */
    publishFlow(actionCode: string, actionNodes: Schemas["FlowNode"][], rules: Schemas["FlowRule"][]): number {
      const state = current();
      const configuration = state.actionConfigurations[actionCode] as Schemas["ActionConfiguration"];
      const flowVersion = (configuration.flowVersion ?? 0) + 1;
      state.actionConfigurations[actionCode] = { ...configuration, actionNodes, flowVersion };
      state.flowRules[actionCode] = recordsOf(rules.map((rule) => [rule.ruleId, rule] as const));
      mark("management.actionConfigurations", actionCode);
      mark("management.flowRules", actionCode);
      return flowVersion;
    },

    /** Stores a classic action's rule under its ruleId, making the action's record on first use. */
    putRule(actionCode: string, rule: Schemas["Rule"]): Schemas["Rule"] {
      entryOrNew(current().rules, actionCode, records<Schemas["Rule"]>)[rule.ruleId] = rule;
      mark("management.rules", actionCode);
      return rule;
    },

    deleteRule(actionCode: string, ruleId: string): void {
      const rules = current().rules;
      if (Object.hasOwn(rules, actionCode)) delete rules[actionCode]?.[ruleId];
      mark("management.rules", actionCode);
    },

    /** Stores a new value list; false, storing nothing, when its alias is taken. */
    addValueList(list: Schemas["ValueList"]): boolean {
      const { valueLists } = current();
      if (Object.hasOwn(valueLists, list.alias)) return false;
      valueLists[list.alias] = list;
      mark("management.valueLists", list.alias);
      return true;
    },

    putValueList(list: Schemas["ValueList"]): Schemas["ValueList"] {
      current().valueLists[list.alias] = list;
      mark("management.valueLists", list.alias);
      return list;
    },

    deleteValueList(alias: string): void {
      delete current().valueLists[alias];
      mark("management.valueLists", alias);
    },

    /** Stores a new data point; false, storing nothing, when another has its name (the key track reads it by). */
    addCustomDataPoint(point: Schemas["CustomDataPoint"]): boolean {
      const { customDataPoints } = current();
      if (Object.values(customDataPoints).some((other) => other.name === point.name)) return false;
      customDataPoints[point.id] = point;
      mark("management.customDataPoints", point.id);
      return true;
    },

    putCustomDataPoint(point: Schemas["CustomDataPoint"]): Schemas["CustomDataPoint"] {
      current().customDataPoints[point.id] = point;
      mark("management.customDataPoints", point.id);
      return point;
    },

    deleteCustomDataPoint(id: string): void {
      delete current().customDataPoints[id];
      mark("management.customDataPoints", id);
    },

    /** Replaces every message override, each locale's a record with no prototype. */
    replaceMessageOverrides(overrides: Schemas["MessageOverridesByLocale"]): Schemas["MessageOverrides"] {
      const messageOverrides = recordsOf(
        Object.entries(overrides).map(([locale, texts]) => [locale, recordsOf(texts)] as const),
      );
      current().messageOverrides = { messageOverrides };
      mark("management.messageOverrides");
      return current().messageOverrides;
    },

    /** Stores the tenant's configuration of a method; false, storing nothing, when it has one. */
    addAuthenticatorConfiguration<Segment extends AuthenticatorMethodSegment>(
      segment: Segment,
      configuration: NonNullable<AuthenticatorConfigurations[Segment]>,
    ): boolean {
      const configurations = current().authenticatorConfigurations;
      if (configurations[segment]) return false;
      configurations[segment] = configuration;
      mark("management.authenticatorConfigurations");
      return true;
    },

    putAuthenticatorConfiguration<Segment extends AuthenticatorMethodSegment>(
      segment: Segment,
      configuration: NonNullable<AuthenticatorConfigurations[Segment]>,
    ): NonNullable<AuthenticatorConfigurations[Segment]> {
      current().authenticatorConfigurations[segment] = configuration;
      mark("management.authenticatorConfigurations");
      return configuration;
    },

    deleteAuthenticatorConfiguration(segment: AuthenticatorMethodSegment): void {
      delete current().authenticatorConfigurations[segment];
      mark("management.authenticatorConfigurations");
    },
  };
}

/** Every writer of a ManagementState. */
export type ManagementWriters = ReturnType<typeof managementWriters>;

export function managementStore(current: () => EmulatorState, mark: MarkChanged): ManagementWriters {
  return managementWriters(() => current().management, mark);
}
