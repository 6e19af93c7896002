// What the Server API handlers share: lookups, errors, the clock as ISO text, and the facts about
// a user every answer repeats (enrolled methods, the token lifetime). Everything here reads; the
// writes are the store's (state/server-store.ts).

import type { ApiContext } from "../../domain/context.ts";
import { EmulatorApiError } from "../../domain/errors.ts";
import { signActionToken } from "../../domain/tokens.ts";
import type { Frozen } from "../../state/frozen.ts";
import { entry } from "../../state/records.ts";
import type { StoredAction, StoredUser } from "../../state/server.ts";
import { type ActionAddress, actionKey } from "../../state/server-store.ts";

/** A 200 answer with its body. */
export const ok = <Body>(body: Body) => ({ status: 200 as const, body });

/** Server API 404s are not documented; this body is a guess (README "Documented guesses"). */
export function notFound(description: string): never {
  throw new EmulatorApiError(404, "not_found", description);
}

export function invalidRequest(description: string): never {
  throw new EmulatorApiError(400, "invalid_request", description);
}

let lastNow = { ms: Number.NaN, iso: "" };

/** The emulator's clock as ISO text; the text of the last millisecond asked for is kept, as a burst asks for it often. */
export function isoNow(context: ApiContext): string {
  const ms = context.now();
  if (ms !== lastNow.ms) lastNow = { ms, iso: new Date(ms).toISOString() };
  return lastNow.iso;
}

export const findUser = (context: ApiContext, userId: string): Frozen<StoredUser> | undefined =>
  entry(context.state.server.users, userId);

/** The actions of a user, by actionKey (none for a user never tracked). */
export const actionsOf = (context: ApiContext, userId: string): Frozen<StoredAction>[] =>
  Object.values(entry(context.state.server.actions, userId) ?? {});

/** Verification methods the user can be challenged with; recovery codes alone do not enroll. */
export function enrolledMethods(user: Frozen<StoredUser> | undefined): string[] {
  const methods = new Set<string>();
  for (const authenticator of user?.authenticators ?? []) {
    if (authenticator.verificationMethod !== "RECOVERY_CODE") methods.add(authenticator.verificationMethod);
  }
  return [...methods];
}

/** The tenant's token duration, else the emulator's setting (10 minutes, Authsignal's default). */
export function tokenLifetimeMinutes(context: ApiContext): number {
  return context.state.management.tenant.tokenDurationInMinutes ?? context.state.emulator.settings.tokenLifetimeMinutes;
}

export function findAction(context: ApiContext, address: ActionAddress): Frozen<StoredAction> | undefined {
  return entry(
    entry(context.state.server.actions, address.userId),
    actionKey(address.actionCode, address.idempotencyKey),
  );
}

export function existingAction(context: ApiContext, address: ActionAddress): Frozen<StoredAction> {
  return (
    findAction(context, address) ??
    notFound(
      `No ${address.actionCode} action with idempotency key ${address.idempotencyKey} was found for user ${address.userId}.`,
    )
  );
}

/** A token naming the action, as track, claim and the pre-built UI hand out. */
export function actionToken(context: ApiContext, action: ActionAddress, scope?: string): string {
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
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const field = (value as Record<string, unknown>)[key];
    if (field === undefined) continue;
    // A field named __proto__ (a body may have one) is a field here, not the copy's prototype.
    if (key === "__proto__")
      Object.defineProperty(kept, key, { value: field, enumerable: true, writable: true, configurable: true });
    else kept[key] = field;
  }
  return kept as T;
}
