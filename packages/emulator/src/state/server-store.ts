// The writers of the server part of the state, by aggregate (state/server/): users with their
// authenticators and devices, actions, OTP challenges and sessions.

import type { MarkChanged, RecordKind } from "./changes.ts";
import { actionWriters } from "./server/actions.ts";
import { challengeWriters } from "./server/challenges.ts";
import { clientApiWriters } from "./server/client-api.ts";
import { sessionWriters } from "./server/sessions.ts";
import { userWriters } from "./server/users.ts";
import type { EmulatorState } from "./types.ts";

export { type ActionAddress, actionKey, type TrackedAttributes, userAfterTrack } from "./server/actions.ts";
export type { UserAttributes } from "./server/users.ts";

export function serverStore(current: () => EmulatorState, mark: MarkChanged, revision: (kind: RecordKind) => number) {
  return {
    ...userWriters(current, mark),
    ...actionWriters(current, mark, revision),
    ...challengeWriters(current, mark),
    ...clientApiWriters(current, mark),
    ...sessionWriters(current, mark),
  };
}
