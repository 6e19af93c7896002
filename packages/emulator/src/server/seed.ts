// The Server API part of a seed: users with their authenticators and devices, app clients and
// the risk-signal table.
import type { EmulatorSeed } from "../seed.ts";
import { createServerState, type ServerState, type StoredUser } from "./state.ts";

export function seedServerState(seed: EmulatorSeed, nowIso: string): ServerState {
  const state = createServerState();
  state.riskSignals = structuredClone(seed.riskSignals ?? {});
  for (const client of seed.appClients ?? []) state.appClients[client.clientId] = { ...client };
  for (const { authenticators = [], devices = [], ...attributes } of seed.users ?? []) {
    const user: StoredUser = { ...structuredClone(attributes), createdAt: nowIso, authenticators: [], devices: {} };
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
  }
  return state;
}
