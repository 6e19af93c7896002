// Every Server API operation the emulator answers, by the spec's operationId. An operation of the
// spec that is missing here answers 501 not_implemented_in_emulator.
import type { operations as Operations } from "@authsignal-ts/server";
import type { ErasedHandler, Handler } from "../handler.ts";
import { getAction, queryUserActions, updateAction } from "./actions.ts";
import {
  deleteAuthenticator,
  enrollVerifiedAuthenticator,
  enrollVerifiedAuthenticators,
  getAuthenticatorConfigurations,
  getAuthenticators,
} from "./authenticators.ts";
import { challenge, claimChallenge, getChallenge, verify } from "./challenges.ts";
import { getDevices, invalidateDevice, updateDevice } from "./devices.ts";
import { createSession, refreshSession, revokeSession, revokeUserSessions, validateSession } from "./sessions.ts";
import { track } from "./track.ts";
import { deleteUser, getUser, queryUsers, updateUser } from "./users.ts";
import { validateChallenge } from "./validate.ts";

const handlers = {
  track,
  getAction,
  updateAction,
  queryUserActions,
  challenge,
  verify,
  claimChallenge,
  getChallenge,
  validateChallenge,
  getUser,
  updateUser,
  updateUserWithPost: updateUser,
  deleteUser,
  queryUsers,
  getAuthenticators,
  enrollVerifiedAuthenticator,
  enrollVerifiedAuthenticators,
  deleteAuthenticator,
  getAuthenticatorConfigurations,
  getDevices,
  updateDevice,
  invalidateDevice,
  createSession,
  validateSession,
  refreshSession,
  revokeSession,
  revokeUserSessions,
} satisfies { [Id in keyof Operations]?: Handler<Operations[Id]> };

export const serverHandlers: Record<string, ErasedHandler> = handlers;
