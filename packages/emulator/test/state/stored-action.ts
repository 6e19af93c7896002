// A stored action as the state holds one, for tests of the state's writers: `at` for every time,
// nothing matched, nothing enrolled; each test says what else it needs.
import type { StoredAction } from "../../src/state/server.ts";

export const at = "2026-01-01T00:00:00.000Z";

export const storedAction = (fields: Pick<StoredAction, "userId"> & Partial<StoredAction>): StoredAction => ({
  actionCode: "signIn",
  idempotencyKey: "key_1",
  outcome: "ALLOW",
  state: "ALLOW",
  createdAt: at,
  updatedAt: at,
  stateUpdatedAt: at,
  ruleIds: [],
  rules: [],
  output: {},
  allowedVerificationMethods: [],
  enrolledVerificationMethods: [],
  ...fields,
});
