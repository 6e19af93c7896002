// Validate Challenge: always 200. A token the emulator did not sign, or that has expired, is
// `isValid: false`; otherwise the action it names is read back, with both `action` and the
// deprecated `actionCode` as the live API sends them.
import type { operations as Operations } from "@authsignal-ts/server";
import type { ApiContext } from "../../domain/context.ts";
import { readActionToken } from "../../domain/tokens.ts";
import type { Frozen } from "../../state/frozen.ts";
import type { StoredAction } from "../../state/server.ts";
import type { Handler } from "../handler.ts";
import { defined, findAction, ok } from "./common.ts";

export type TokenAction =
  | { ok: true; action: Frozen<StoredAction>; scope: string | undefined }
  | { ok: false; error: "expired_token" | "invalid_token" };

/** The action a track, claim or pre-built UI token names. */
export async function actionForToken(context: ApiContext, token: string): Promise<TokenAction> {
  const check = await readActionToken(context, token, context.now());
  if (!check.ok) return { ok: false, error: check.reason === "expired" ? "expired_token" : "invalid_token" };
  const { sub: userId, actionCode, idempotencyKey } = check.claims;
  const action = findAction(context, { userId, actionCode, idempotencyKey });
  return action ? { ok: true, action, scope: check.claims.scope } : { ok: false, error: "invalid_token" };
}

/** Whether an action's challenge counts as passed: CHALLENGE_SUCCEEDED, and ALLOW when the setting says so. */
export function isPassed(context: ApiContext, action: Frozen<StoredAction>): boolean {
  return (
    action.state === "CHALLENGE_SUCCEEDED" ||
    (action.state === "ALLOW" && context.state.emulator.settings.allowStateIsValid)
  );
}

export const validateChallenge: Handler<Operations["validateChallenge"]> = async (request, context) => {
  const { token, userId, action: actionCode } = request.body;
  const found = await actionForToken(context, token);
  if (!found.ok) return ok({ isValid: false, error: found.error });
  const { action } = found;
  // A userId or action that does not match the token's is not an error, only not valid (a guess).
  const matches =
    (userId === undefined || userId === action.userId) &&
    (actionCode === undefined || actionCode === action.actionCode);
  return ok(
    defined({
      isValid: matches && isPassed(context, action),
      state: action.state,
      stateUpdatedAt: action.stateUpdatedAt,
      userId: action.userId,
      action: action.actionCode,
      actionCode: action.actionCode,
      idempotencyKey: action.idempotencyKey,
      verificationMethod: action.verificationMethod,
    }),
  );
};
