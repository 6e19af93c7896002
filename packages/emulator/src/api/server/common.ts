// What the Server API handlers share: lookups, errors, the clock as ISO text, and the facts about
// a user every answer repeats (enrolled methods, the token lifetime).

import type { EmulatorContext } from "../../domain/context.ts";
import { EmulatorApiError } from "../../domain/errors.ts";
import { signActionToken } from "../../domain/tokens.ts";
import { entry, entryOrNew, records } from "../../state/records.ts";
import type { StoredAction, StoredUser } from "../../state/server.ts";
import type { HandlerInput, HandlerResult } from "../handler.ts";

export const ok = (body?: unknown): HandlerResult => ({ status: 200, body });

/** Server API 404s are not documented; this body is a guess (README "Documented guesses"). */
export function notFound(description: string): never {
  throw new EmulatorApiError(404, "not_found", description);
}

export function invalidRequest(description: string): never {
  throw new EmulatorApiError(400, "invalid_request", description);
}

export const isoNow = (context: EmulatorContext): string => new Date(context.now()).toISOString();

export function param(input: HandlerInput, name: string): string {
  const value = input.pathParams[name];
  if (value === undefined) throw new Error(`The router passed no path parameter ${name}`);
  return value;
}

export const bodyOf = <T>(input: HandlerInput): T => (input.body ?? {}) as T;

export const findUser = (context: EmulatorContext, userId: string): StoredUser | undefined =>
  entry(context.state.server.users, userId);

/** The actions of a user, by actionKey (none for a user never tracked). */
export const actionsOf = (context: EmulatorContext, userId: string): StoredAction[] =>
  Object.values(entry(context.state.server.actions, userId) ?? {});

/** The user, created on first sight as Authsignal does (there is no create-user endpoint). */
export function upsertUser(context: EmulatorContext, userId: string): StoredUser {
  const existing = findUser(context, userId);
  if (existing) return existing;
  const user: StoredUser = { userId, createdAt: isoNow(context), authenticators: [], devices: records() };
  context.state.server.users[userId] = user;
  return user;
}

/** Verification methods the user can be challenged with; recovery codes alone do not enroll. */
export function enrolledMethods(user: StoredUser | undefined): string[] {
  const methods = new Set<string>();
  for (const authenticator of user?.authenticators ?? []) {
    if (authenticator.verificationMethod !== "RECOVERY_CODE") methods.add(authenticator.verificationMethod);
  }
  return [...methods];
}

/** The tenant's token duration, else the emulator's setting (10 minutes, Authsignal's default). */
export function tokenLifetimeMinutes(context: EmulatorContext): number {
  return context.state.management.tenant.tokenDurationInMinutes ?? context.state.emulator.settings.tokenLifetimeMinutes;
}

/**
 * Where a user's action is stored: its code and idempotency key together are its key, as Get and
 * Update Action address it, so one key may name an action of each code.
 */
export const actionKey = (actionCode: string, idempotencyKey: string) => JSON.stringify([actionCode, idempotencyKey]);

export function findAction(
  context: EmulatorContext,
  userId: string,
  actionCode: string,
  idempotencyKey: string,
): StoredAction | undefined {
  return entry(entry(context.state.server.actions, userId), actionKey(actionCode, idempotencyKey));
}

export function existingAction(
  context: EmulatorContext,
  userId: string,
  actionCode: string,
  idempotencyKey: string,
): StoredAction {
  return (
    findAction(context, userId, actionCode, idempotencyKey) ??
    notFound(`No ${actionCode} action with idempotency key ${idempotencyKey} was found for user ${userId}.`)
  );
}

export function storeAction(context: EmulatorContext, action: StoredAction): void {
  const actions = entryOrNew(context.state.server.actions, action.userId, records<StoredAction>);
  actions[actionKey(action.actionCode, action.idempotencyKey)] = action;
}

export function setActionState(context: EmulatorContext, action: StoredAction, state: StoredAction["state"]): void {
  action.state = state;
  action.stateUpdatedAt = isoNow(context);
  action.updatedAt = action.stateUpdatedAt;
}

/** A token naming the action, as track, claim and the pre-built UI hand out. */
export function actionToken(context: EmulatorContext, action: StoredAction, scope?: string): Promise<string> {
  return signActionToken(
    context,
    {
      sub: action.userId,
      actionCode: action.actionCode,
      idempotencyKey: action.idempotencyKey,
      ...(scope && { scope }),
    },
    context.now(),
    tokenLifetimeMinutes(context),
  );
}

/** Drops undefined fields, so answers carry only what is set (the spec has no nulls for these). */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
