// The writers of actions: a track (with what it records on the user and the action's
// configuration), an action a challenge opens, and the moves of the state machine.
import type { components } from "@authsignal-ts/server";
import type { MarkChanged, RecordKind } from "../changes.ts";
import type { Frozen } from "../frozen.ts";
import { entry, entryOrNew, records, recordsOf } from "../records.ts";
import type { ServerState, StoredAction, StoredUser } from "../server.ts";
import type { EmulatorState } from "../types.ts";
import { userOrNew } from "./users.ts";

/** What a track records on its user. */
export type TrackedAttributes = Pick<
  components["schemas"]["TrackAttributes"],
  "email" | "phoneNumber" | "username" | "locale" | "deviceId"
>;

/** Names one action of a user: its code and idempotency key together, as Get and Update Action address it. */
export interface ActionAddress {
  userId: string;
  actionCode: string;
  idempotencyKey: string;
}

/**
 * Where a user's action is stored: its code and idempotency key together are its key, so one key
 * may name an action of each code.
 */
export const actionKey = (actionCode: string, idempotencyKey: string) =>
  plainInJson.test(actionCode) && plainInJson.test(idempotencyKey)
    ? `["${actionCode}","${idempotencyKey}"]`
    : JSON.stringify([actionCode, idempotencyKey]);

// Text JSON.stringify writes as it is (no quote, backslash, control character or surrogate to
// escape): the usual code and key, whose key is then made without an array to stringify.
const plainInJson = /^[\x20\x21\x23-\x5b\x5d-\ud7ff\ue000-\uffff]*$/;

const find = (server: ServerState, { userId, actionCode, idempotencyKey }: ActionAddress) =>
  entry(entry(server.actions, userId), actionKey(actionCode, idempotencyKey));

/** Moves an action to a state, stamping when. */
export function moveAction(action: StoredAction, state: StoredAction["state"], at: string): void {
  action.state = state;
  action.stateUpdatedAt = at;
  action.updatedAt = at;
}

function recordAttributes(user: StoredUser, attributes: TrackedAttributes, at: string): void {
  if (attributes.email !== undefined) user.email = attributes.email;
  if (attributes.phoneNumber !== undefined) user.phoneNumber = attributes.phoneNumber;
  if (attributes.username !== undefined) user.username = attributes.username;
  if (attributes.locale !== undefined) user.locale = attributes.locale;
  const { deviceId } = attributes;
  if (deviceId !== undefined && !entry(user.devices, deviceId)) {
    user.devices[deviceId] = { userId: user.userId, deviceId, createdAt: at };
  }
}

/**
 * The user as a track will leave it, a copy, for the rules to read before anything is stored: a
 * track whose rules fail (over their budget) changes nothing.
 */
export function userAfterTrack(
  current: Frozen<StoredUser> | undefined,
  userId: string,
  attributes: TrackedAttributes,
  at: string,
): StoredUser {
  const user: StoredUser = {
    ...((current as StoredUser | undefined) ?? { userId, createdAt: at }),
    authenticators: [...(current?.authenticators ?? [])],
    devices: recordsOf(current?.devices as StoredUser["devices"] | undefined),
  };
  recordAttributes(user, attributes, at);
  return user;
}

export function actionWriters(current: () => EmulatorState, mark: MarkChanged, revision: (kind: RecordKind) => number) {
  const server = () => current().server;
  const store = (action: StoredAction) => {
    const actions = entryOrNew(server().actions, action.userId, records<StoredAction>);
    const key = actionKey(action.actionCode, action.idempotencyKey);
    actions[key] = action;
    mark("server.actions", action.userId, key);
  };
  /** The action at `address`, marked changed: each writer below that finds one moves it. */
  const found = (address: ActionAddress) => {
    const action = find(server(), address);
    if (action) mark("server.actions", address.userId, actionKey(address.actionCode, address.idempotencyKey));
    return action;
  };
  const user = (userId: string, at: string) => {
    mark("server.users", userId);
    return userOrNew(server(), userId, at);
  };
  return {
    /**
     * Records a track whose rules have decided: the user (created on first sight) with the track's
     * attributes and device, the configuration's last action, and the action. `copy` is the user as
     * the track will leave it (userAfterTrack), made when the users were at `usersRevision`: while no
     * user has changed since, the copy takes the stored user's place, saving a second copy per track;
     * otherwise the attributes are written onto the stored user, keeping what changed meanwhile.
     */
    recordTrack(
      action: StoredAction,
      attributes: TrackedAttributes,
      at: string,
      made?: { copy: StoredUser; usersRevision: number },
    ): Frozen<StoredAction> {
      if (made && made.usersRevision === revision("server.users") && made.copy.userId === action.userId) {
        server().users[action.userId] = made.copy;
        mark("server.users", action.userId);
      } else recordAttributes(user(action.userId, at), attributes, at);
      const configuration = entry(current().management.actionConfigurations, action.actionCode);
      if (configuration) {
        configuration.lastActionCreatedAt = at;
        mark("management.actionConfigurations", action.actionCode);
      }
      store(action);
      return action;
    },

    /** Stores an action and its user unless an action is kept under its address; answers the one kept. */
    keepAction(action: StoredAction, at: string): Frozen<StoredAction> {
      const kept = find(server(), action);
      if (kept) return kept;
      user(action.userId, at);
      store(action);
      return action;
    },

    /** Moves an action to any state (Update Action allows every move); undefined when there is none. */
    setActionState(address: ActionAddress, state: StoredAction["state"], at: string): Frozen<StoredAction> | undefined {
      const action = found(address);
      if (action) moveAction(action, state, at);
      return action;
    },

    /**
     * A challenge of the action succeeded: the action, the device it was tracked on, and the
     * authenticator it was verified with (its lastVerifiedAt) say how and when.
     */
    succeedAction(
      address: ActionAddress,
      verification: { verificationMethod: string; userAuthenticatorId?: string | undefined },
      at: string,
    ): Frozen<StoredAction> | undefined {
      const action = found(address);
      if (!action) return undefined;
      moveAction(action, "CHALLENGE_SUCCEEDED", at);
      action.verificationMethod = verification.verificationMethod;
      if (verification.userAuthenticatorId) {
        action.verifiedByAuthenticatorId = verification.userAuthenticatorId;
        const authenticator = entry(server().users, action.userId)?.authenticators.find(
          (candidate) => candidate.userAuthenticatorId === verification.userAuthenticatorId,
        );
        if (authenticator) {
          mark("server.users", action.userId);
          authenticator.lastVerifiedAt = at;
        }
      }
      const device = action.deviceId
        ? entry(entry(server().users, action.userId)?.devices, action.deviceId)
        : undefined;
      if (device) {
        mark("server.users", action.userId);
        device.authenticatedAt = at;
        device.lastVerificationMethod = verification.verificationMethod as typeof device.lastVerificationMethod;
      }
      return action;
    },

    /** A challenge of the action was denied (the pre-built UI's FAILED). */
    failAction(address: ActionAddress, verificationMethod: string, at: string): Frozen<StoredAction> | undefined {
      const action = found(address);
      if (!action) return undefined;
      moveAction(action, "CHALLENGE_FAILED", at);
      action.verificationMethod = verificationMethod;
      return action;
    },
  };
}
