// The Server API part of a seed: users with their authenticators, devices and past actions, app
// clients and the risk-signal table.

import type { ManagementState } from "../state/management.ts";
import { entry, records } from "../state/records.ts";
import { createServerState, type ServerState, type StoredAction, type StoredUser } from "../state/server.ts";
import { actionKey } from "../state/server-store.ts";
import type { EmulatorSeed } from "./check.ts";

export function seedServerState(seed: EmulatorSeed, nowIso: string, otpLifetimeMinutes: number): ServerState {
  const state = createServerState();
  state.riskSignals = structuredClone(seed.riskSignals ?? {});
  for (const client of seed.appClients ?? []) state.appClients[client.clientId] = { ...client };
  for (const { authenticators = [], devices = [], actions = [], ...attributes } of seed.users ?? []) {
    const user: StoredUser = {
      ...structuredClone(attributes),
      createdAt: nowIso,
      authenticators: [],
      devices: records(),
    };
    for (const authenticator of authenticators) {
      user.authenticators.push({
        userAuthenticatorId: crypto.randomUUID(),
        createdAt: nowIso,
        verifiedAt: nowIso,
        ...structuredClone(authenticator),
        userId: user.userId,
      });
    }
    for (const device of devices) {
      user.devices[device.deviceId] = { createdAt: nowIso, ...structuredClone(device), userId: user.userId };
    }
    state.users[user.userId] = user;
    const userActions = records<StoredAction>();
    if (actions.length > 0) state.actions[user.userId] = userActions;
    for (const action of actions) {
      const createdAt = action.createdAt ?? nowIso;
      userActions[actionKey(action.actionCode, action.idempotencyKey)] = {
        outcome: action.state === "BLOCK" ? "BLOCK" : action.state === "ALLOW" ? "ALLOW" : "CHALLENGE",
        createdAt,
        updatedAt: action.stateUpdatedAt ?? createdAt,
        stateUpdatedAt: createdAt,
        ruleIds: [],
        rules: [],
        output: {},
        allowedVerificationMethods: [],
        enrolledVerificationMethods: [],
        ...structuredClone(action),
        userId: user.userId,
      };
    }
  }
  for (const challenge of seed.challenges ?? []) {
    state.challenges[challenge.challengeId] = {
      idempotencyKey: crypto.randomUUID(),
      createdAt: nowIso,
      expiresAt: Date.parse(nowIso) + otpLifetimeMinutes * 60_000,
      failedAttempts: 0,
      ...structuredClone(challenge),
    };
  }
  return state;
}

/**
 * A seeded past action counts as its configuration's last, as a tracked one does (track.ts), so
 * `lastActionCreatedAt` reads the latest seeded `createdAt` unless the configuration has a later one.
 */
export function noteSeededActions(server: ServerState, management: ManagementState): void {
  for (const actions of Object.values(server.actions)) {
    for (const { actionCode, createdAt } of Object.values(actions)) {
      const configuration = entry(management.actionConfigurations, actionCode);
      if (!configuration) continue;
      const last = configuration.lastActionCreatedAt;
      if (!last || Date.parse(last) < Date.parse(createdAt)) configuration.lastActionCreatedAt = createdAt;
    }
  }
}
