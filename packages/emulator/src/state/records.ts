// Records keyed by IDs that come from requests, seeds and imports. An ID is an opaque string, so a
// record has no prototype: `users["__proto__"] = user` stores an entry rather than replacing the
// record's prototype, and `devices.constructor` is undefined until a device of that name is seen.
// Reads still go through `entry`, which takes only what the record holds itself.
import { defaultSettings } from "./settings.ts";
import type { EmulatorState } from "./types.ts";

/** An empty record with no prototype. */
export function records<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** The entries of `source` (its own enumerable properties, or key-value pairs) as a record with no prototype. */
export function recordsOf<T>(
  source: Record<string, T> | Iterable<readonly [string, T]> | undefined,
): Record<string, T> {
  const result = records<T>();
  if (source === undefined) return result;
  const entries = Symbol.iterator in source ? source : Object.entries(source);
  for (const [key, value] of entries as Iterable<readonly [string, T]>) result[key] = value;
  return result;
}

/** The entry under `key`, when the record holds one of its own. */
export function entry<T>(source: Record<string, T> | undefined, key: string): T | undefined {
  return source !== undefined && Object.hasOwn(source, key) ? source[key] : undefined;
}

/** The entry under `key`, made by `make` and stored when there is none. */
export function entryOrNew<T>(source: Record<string, T>, key: string, make: () => T): T {
  const found = entry(source, key);
  if (found !== undefined) return found;
  const made = make();
  source[key] = made;
  return made;
}

/** Each value of `source` (a record of records) as a record with no prototype, itself one too. */
const nested = <T>(source: Record<string, Record<string, T>>) =>
  recordsOf(Object.entries(source).map(([key, inner]) => [key, recordsOf(inner)] as const));

/**
 * The state with every record keyed by an ID made prototype-free, and every setting present: what a
 * fresh state, a seed and an import all pass through, as JSON.parse and structuredClone make plain
 * objects.
 */
export function withPrototypeFreeRecords(state: EmulatorState): EmulatorState {
  const { management, server, emulator } = state;
  management.actionConfigurations = recordsOf(management.actionConfigurations);
  management.rules = nested(management.rules);
  management.flowRules = nested(management.flowRules);
  management.valueLists = recordsOf(management.valueLists);
  management.customDataPoints = recordsOf(management.customDataPoints);
  management.messageOverrides = { messageOverrides: nested(management.messageOverrides.messageOverrides) };
  server.users = recordsOf(
    Object.entries(server.users).map(
      ([userId, user]) => [userId, { ...user, devices: recordsOf(user.devices) }] as const,
    ),
  );
  server.actions = nested(server.actions);
  server.challenges = recordsOf(server.challenges);
  // A state exported before the Client API was emulated has none of its records.
  server.clientChallenges = recordsOf(server.clientChallenges ?? {});
  server.passkeys = recordsOf(server.passkeys ?? {});
  server.totpSecrets = recordsOf(server.totpSecrets ?? {});
  server.sessions = recordsOf(server.sessions);
  server.appClients = recordsOf(server.appClients);
  const { ipAddresses, deviceIds, userAgents } = server.riskSignals;
  server.riskSignals = {
    ...(ipAddresses && { ipAddresses: recordsOf(ipAddresses) }),
    ...(deviceIds && { deviceIds: recordsOf(deviceIds) }),
    ...(userAgents && { userAgents: recordsOf(userAgents) }),
  };
  // Every setting present: a state exported before a setting existed takes the setting's default.
  emulator.settings = { ...defaultSettings, ...emulator.settings };
  emulator.settings.fixedCodes = recordsOf(emulator.settings.fixedCodes);
  return state;
}
