// The writers of users and what hangs off them: attributes, authenticators and devices; deleting a
// user takes its sessions with it, and its actions when asked.
import type { MarkChanged } from "../changes.ts";
import type { Frozen } from "../frozen.ts";
import { entry, records } from "../records.ts";
import type { ServerState, StoredUser, UserAuthenticator, UserDevice } from "../server.ts";
import type { EmulatorState } from "../types.ts";
import { forgetSecrets } from "./client-api.ts";

/** The attributes Update User sets, each one only when given. */
export type UserAttributes = Partial<
  Pick<
    StoredUser,
    | "email"
    | "emailVerified"
    | "phoneNumber"
    | "phoneNumberVerified"
    | "username"
    | "displayName"
    | "custom"
    | "locale"
    | "defaultVerificationMethod"
  >
>;

/** The stored user, created on first sight as Authsignal does (there is no create-user endpoint). */
export function userOrNew(server: ServerState, userId: string, at: string): StoredUser {
  const existing = entry(server.users, userId);
  if (existing) return existing;
  const user: StoredUser = { userId, createdAt: at, authenticators: [], devices: records() };
  server.users[userId] = user;
  return user;
}

export function userWriters(current: () => EmulatorState, mark: MarkChanged) {
  const server = () => current().server;
  const device = (userId: string, deviceId: string) => {
    mark("server.users", userId);
    return entry(entry(server().users, userId)?.devices, deviceId);
  };
  /** The user, marked changed: every writer below changes it or makes it. */
  const user = (userId: string, at: string) => {
    mark("server.users", userId);
    return userOrNew(server(), userId, at);
  };
  return {
    /** The user, created at `at` when it was never seen (or was deleted). */
    ensureUser(userId: string, at: string): Frozen<StoredUser> {
      const existing = entry(server().users, userId);
      return existing ?? user(userId, at);
    },

    /** Sets each attribute given (`custom` as a whole), creating the user on first sight. */
    updateUser(userId: string, attributes: UserAttributes, at: string): Frozen<StoredUser> {
      const updated = user(userId, at);
      for (const [name, value] of Object.entries(attributes)) {
        if (value !== undefined) (updated as unknown as Record<string, unknown>)[name] = value;
      }
      return updated;
    },

    /** Removes the user with its authenticators, devices and sessions, and its actions when asked. */
    deleteUser(userId: string, options: { withActions: boolean }): void {
      const state = server();
      delete state.users[userId];
      mark("server.users", userId);
      forgetSecrets(current(), mark, (secret) => secret.userId === userId);
      for (const [sessionId, session] of Object.entries(state.sessions)) {
        if (session.userId !== userId) continue;
        delete state.sessions[sessionId];
        mark("server.sessions", sessionId);
      }
      if (!options.withActions) return;
      for (const key of Object.keys(entry(state.actions, userId) ?? {})) mark("server.actions", userId, key);
      delete state.actions[userId];
    },

    /** Adds a verified authenticator to its user, created at `at` on first sight. */
    addAuthenticator(authenticator: UserAuthenticator & { userId: string }, at: string): Frozen<UserAuthenticator> {
      user(authenticator.userId, at).authenticators.push(authenticator);
      return authenticator;
    },

    /** Makes a method the user's default; a user never seen is left alone. */
    setDefaultVerificationMethod(userId: string, verificationMethod: string): void {
      const found = entry(server().users, userId);
      if (!found) return;
      found.defaultVerificationMethod = verificationMethod;
      mark("server.users", userId);
    },

    /** Removes one authenticator; answers it, or undefined when the user has none of that ID. */
    removeAuthenticator(userId: string, userAuthenticatorId: string): Frozen<UserAuthenticator> | undefined {
      mark("server.users", userId);
      const authenticators = entry(server().users, userId)?.authenticators;
      const index = authenticators?.findIndex((item) => item.userAuthenticatorId === userAuthenticatorId) ?? -1;
      if (index === -1) return undefined;
      // A removed passkey or app must not verify again.
      forgetSecrets(current(), mark, (secret) => secret.userAuthenticatorId === userAuthenticatorId);
      return authenticators?.splice(index, 1)[0];
    },

    /** Remembers a device until a time (rules read `device.isRemembered`); undefined for a device never seen. */
    rememberDevice(userId: string, deviceId: string, rememberedUntil: string | null): Frozen<UserDevice> | undefined {
      const found = device(userId, deviceId);
      if (found) found.rememberedUntil = rememberedUntil;
      return found;
    },

    /** Marks a device invalidated, so the next track sees it as new; undefined for a device never seen. */
    invalidateDevice(userId: string, deviceId: string, at: string): Frozen<UserDevice> | undefined {
      const found = device(userId, deviceId);
      if (found) found.invalidatedAt = at;
      return found;
    },
  };
}
