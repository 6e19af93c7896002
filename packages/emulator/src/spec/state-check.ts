// The check of an imported state (`PUT /_emulator/v1/state`, `importState`, `--import`), made whole
// before it replaces anything: the schema of the state, then what a schema cannot say (that every
// record is stored under its own ID, that rules are within their limits, that the clock shows a
// date, that the settings are settings). The first problem is the answer, naming the field.

import { clockAdvanceProblem } from "../domain/clock.ts";
import { conditionsProblem } from "../domain/rule-limits.ts";
import { actionKey } from "../state/server-store.ts";
import { checkSettings } from "../state/settings.ts";
import type { EmulatorState } from "../state/types.ts";
import { stateSchemaId } from "./own-schemas.ts";
import { describeErrors, ownValidator } from "./validation.ts";

/** `where`'s entries, with the problem of the first one whose `field` is not its key. */
function keyProblem(records: Record<string, object>, field: string, where: string): string | undefined {
  for (const [key, record] of Object.entries(records)) {
    const value = (record as Record<string, unknown>)[field];
    if (value !== key)
      return `${where}.${key}.${field} is ${JSON.stringify(value)}, not its key ${JSON.stringify(key)}`;
  }
  return undefined;
}

function recordsProblem({ management, server }: EmulatorState): string | undefined {
  const at = (part: string) => `state.${part}`;
  // Once, not per user: a state of n users would cost n² (a data dir's start, a large import).
  const usersProblem = keyProblem(server.users, "userId", at("server.users"));
  if (usersProblem) return usersProblem;
  for (const [userId, user] of Object.entries(server.users)) {
    const where = at(`server.users.${userId}`);
    const problem =
      keyProblem(user.devices, "deviceId", `${where}.devices`) ??
      Object.values(user.devices)
        .filter((device) => device.userId !== userId)
        .map((device) => `${where}.devices.${device.deviceId}.userId is not ${JSON.stringify(userId)}`)[0];
    if (problem) return problem;
  }
  for (const [userId, actions] of Object.entries(server.actions)) {
    for (const [key, action] of Object.entries(actions)) {
      if (action.userId !== userId || actionKey(action.actionCode, action.idempotencyKey) !== key) {
        return `${at(`server.actions.${userId}`)}.${key} is not stored under its user and its action code and idempotency key`;
      }
    }
  }
  for (const [actionCode, rules] of Object.entries(management.rules)) {
    for (const [ruleId, rule] of Object.entries(rules)) {
      const where = at(`management.rules.${actionCode}.${ruleId}`);
      if (rule.ruleId !== ruleId || (rule.actionCode !== undefined && rule.actionCode !== actionCode)) {
        return `${where} is not stored under its action code and rule ID`;
      }
      const problem = conditionsProblem(rule.conditions, `${where}.conditions`);
      if (problem) return problem;
    }
  }
  for (const [actionCode, rules] of Object.entries(management.flowRules)) {
    const where = at(`management.flowRules.${actionCode}`);
    const problem =
      keyProblem(rules, "ruleId", where) ??
      Object.values(rules)
        .map((rule) => conditionsProblem(rule.conditions, `${where}.${rule.ruleId}.conditions`))
        .find((found) => found !== undefined);
    if (problem) return problem;
  }
  return (
    keyProblem(server.challenges, "challengeId", at("server.challenges")) ??
    keyProblem(server.clientChallenges ?? {}, "challengeId", at("server.clientChallenges")) ??
    keyProblem(server.passkeys ?? {}, "credentialId", at("server.passkeys")) ??
    keyProblem(server.totpSecrets ?? {}, "userAuthenticatorId", at("server.totpSecrets")) ??
    keyProblem(server.sessions, "sessionId", at("server.sessions")) ??
    keyProblem(server.appClients, "clientId", at("server.appClients")) ??
    keyProblem(management.actionConfigurations, "actionCode", at("management.actionConfigurations")) ??
    keyProblem(management.valueLists, "alias", at("management.valueLists")) ??
    keyProblem(management.customDataPoints, "id", at("management.customDataPoints"))
  );
}

/**
 * The first problem of `value` as a state to import, naming the field, or undefined when it is a
 * whole, valid state. `wallClockMs` is the wall clock its clock offset is added to.
 */
export function importProblem(value: unknown, wallClockMs: number): string | undefined {
  const validateState = ownValidator(stateSchemaId);
  if (!validateState(value)) return describeErrors("state", validateState.errors);
  const state = value as EmulatorState;
  return (
    checkSettings(state.emulator.settings, "state.emulator.settings") ??
    clockAdvanceProblem(wallClockMs, state.emulator.clockOffsetMs, "state.emulator.clockOffsetMs") ??
    recordsProblem(state)
  );
}
