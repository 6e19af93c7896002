// What a writer changed, as the records a data dir keeps (state/persistence/): each writer names the
// records it touched, and a commit writes just those. A record is the unit that is written whole:
// one user with its authenticators and devices, one action, one challenge, one rule set, one outbox
// message, or a small part kept whole (the tenant, the settings, the clock). In memory nothing
// listens and a mark costs a call.

import type { ManagementState } from "./management.ts";
import type { ServerState } from "./server.ts";
import type { EmulatorMeta } from "./types.ts";

/**
 * How a part of the state is cut into records: `whole` is one record; `keyed` one per key of a
 * record; `nested` one per inner key of a record of records (an action, by user and action key);
 * `list` one per item of an array that only grows (until a reset or an import replaces it).
 */
export type RecordLayout = "whole" | "keyed" | "nested" | "list";

/** Every field of the state, each with its layout: tsc fails here when a field is added without one. */
export const recordLayouts = {
  "server.users": "keyed",
  "server.actions": "nested",
  "server.challenges": "keyed",
  "server.clientChallenges": "keyed",
  "server.passkeys": "keyed",
  "server.totpSecrets": "keyed",
  "server.sessions": "keyed",
  "server.appClients": "whole",
  "server.riskSignals": "whole",
  "management.tenant": "whole",
  "management.theme": "whole",
  "management.actionConfigurations": "keyed",
  "management.rules": "keyed",
  "management.flowRules": "keyed",
  "management.valueLists": "keyed",
  "management.customDataPoints": "keyed",
  "management.messageOverrides": "whole",
  "management.authenticatorConfigurations": "whole",
  "emulator.settings": "whole",
  "emulator.clockOffsetMs": "whole",
  "emulator.keys": "whole",
  "emulator.outbox": "list",
  "emulator.webhookDeliveries": "list",
} as const satisfies Record<
  `server.${keyof ServerState}` | `management.${keyof ManagementState}` | `emulator.${keyof EmulatorMeta}`,
  RecordLayout
>;

export type RecordKind = keyof typeof recordLayouts;

/**
 * Notes that a record changed (or went): `id` is the key of a keyed record, the index of a list's
 * item, and `inner` the inner key of a nested one. A whole record takes neither.
 */
export type MarkChanged = (kind: RecordKind, id?: string, inner?: string) => void;

/** The mark of a store nobody persists. */
export const noChanges: MarkChanged = () => {};
