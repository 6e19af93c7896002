// Stand-in for the Management helper's createManagementState until their branch is merged: the
// management parts of a seed, loaded as they are given.
import type { components } from "@authsignal-ts/management";
import type { ManagementState } from "../management/state.ts";

type Schemas = components["schemas"];

export interface ManagementSeed {
  tenant?: Schemas["Tenant"];
  theme?: Schemas["Theme"];
  actionConfigurations?: Schemas["ActionConfiguration"][];
  rules?: (Omit<Schemas["Rule"], "tenantId" | "ruleId"> & { actionCode: string; ruleId?: string })[];
  valueLists?: Schemas["ValueList"][];
  customDataPoints?: Schemas["CustomDataPoint"][];
  messageOverrides?: Schemas["MessageOverrides"];
  authenticatorConfigurations?: Record<string, unknown>;
}

export const managementSeedKeys: readonly string[] = [
  "tenant",
  "theme",
  "actionConfigurations",
  "rules",
  "valueLists",
  "customDataPoints",
  "messageOverrides",
  "authenticatorConfigurations",
];

export const DEFAULT_TENANT_ID = "00000000-0000-4000-8000-000000000001";

export function createManagementState(seed: ManagementSeed = {}): ManagementState {
  const tenant = { tenantId: DEFAULT_TENANT_ID, name: "Emulator", tokenDurationInMinutes: 10, ...seed.tenant };
  const tenantId = tenant.tenantId;
  const rules: ManagementState["rules"] = {};
  for (const rule of seed.rules ?? []) {
    const ruleId = rule.ruleId ?? crypto.randomUUID();
    rules[rule.actionCode] = { ...rules[rule.actionCode], [ruleId]: { ...rule, ruleId, tenantId } };
  }
  return {
    tenant,
    theme: seed.theme ?? { name: "Emulator" },
    actionConfigurations: Object.fromEntries(
      (seed.actionConfigurations ?? []).map((config) => [config.actionCode, { tenantId, ...config }]),
    ),
    rules,
    valueLists: Object.fromEntries((seed.valueLists ?? []).map((list) => [list.alias, list])),
    customDataPoints: Object.fromEntries((seed.customDataPoints ?? []).map((point) => [point.id, point])),
    messageOverrides: seed.messageOverrides ?? { messageOverrides: {} },
    authenticatorConfigurations: seed.authenticatorConfigurations ?? {},
  } as ManagementState;
}
