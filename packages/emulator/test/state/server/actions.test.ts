// recordTrack stores the track's copy of the user in place of the stored one while no user changed
// since the copy was made, and only then: a user another request changed in between keeps that
// change, with the track's attributes written on.
import { describe, expect, it } from "vitest";
import { createEmulator } from "../../../src/emulator.ts";
import { withPrototypeFreeRecords } from "../../../src/state/records.ts";
import type { StoredAction, StoredUser } from "../../../src/state/server.ts";
import { userAfterTrack } from "../../../src/state/server-store.ts";
import { createStore } from "../../../src/state/store.ts";
import type { EmulatorState } from "../../../src/state/types.ts";
import { at, storedAction } from "../stored-action.ts";

const attributes = { email: "new@example.com", deviceId: "dev_2" };

const tracked = (userId: string): StoredAction => storedAction({ userId });

function withUser() {
  let state: EmulatorState = withPrototypeFreeRecords(
    createEmulator({ seed: { users: [{ userId: "usr_a", email: "old@example.com" }] } }).exportState(),
  );
  const store = createStore(
    () => state,
    (next) => {
      state = next;
    },
  );
  const user = () => state.server.users.usr_a as StoredUser;
  return {
    store,
    user,
    copy: () => ({
      copy: userAfterTrack(user(), "usr_a", attributes, at),
      usersRevision: store.revision("server.users"),
    }),
  };
}

describe("recordTrack", () => {
  it("stores the track's copy when the user is still the one the track read", () => {
    const { store, user, copy } = withUser();
    const made = copy();
    store.server.recordTrack(tracked("usr_a"), attributes, at, made);
    expect(user()).toBe(made.copy);
    expect(user()).toMatchObject({ email: "new@example.com", devices: { dev_2: { deviceId: "dev_2" } } });
  });

  it("writes the attributes onto a user another request changed since, keeping that change", () => {
    const { store, user, copy } = withUser();
    const made = copy();
    store.server.updateUser("usr_a", { username: "changed-meanwhile" }, at);
    store.server.recordTrack(tracked("usr_a"), attributes, at, made);
    expect(user()).not.toBe(made.copy);
    expect(user()).toMatchObject({
      email: "new@example.com",
      username: "changed-meanwhile",
      devices: { dev_2: { deviceId: "dev_2" } },
    });
  });

  it("never stores a copy of another user than the action's", () => {
    const { store, user } = withUser();
    const made = {
      copy: userAfterTrack(undefined, "usr_other", attributes, at),
      usersRevision: store.revision("server.users"),
    };
    store.server.recordTrack(tracked("usr_b"), attributes, at, made);
    expect(user().userId).toBe("usr_a");
    expect(store.server.ensureUser("usr_b", at)).toMatchObject({ userId: "usr_b", email: "new@example.com" });
  });
});
