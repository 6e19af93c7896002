// Validate Challenge: always 200. A token the emulator did not sign, or that has expired, is
// `isValid: false`; otherwise the action it names is read back, with both `action` and the
// deprecated `actionCode` as the live API sends them.
import type { components } from "@authsignal-ts/server";
import type { EmulatorContext } from "../../domain/context.ts";
import { readActionToken } from "../../domain/tokens.ts";
import type { StoredAction } from "../../state/server.ts";
import type { HandlerInput, HandlerResult } from "../handler.ts";
import { bodyOf, defined, findAction, ok } from "./common.ts";

export type TokenAction = { ok: true; action: StoredAction } | { ok: false; error: "expired_token" | "invalid_token" };

/** The action a track, claim or pre-built UI token names. */
export async function actionForToken(context: EmulatorContext, token: string): Promise<TokenAction> {
  const check = await readActionToken(context, token, context.now());
  if (!check.ok) return { ok: false, error: check.reason === "expired" ? "expired_token" : "invalid_token" };
  const { sub, actionCode, idempotencyKey } = check.claims;
  const action = findAction(context, sub, actionCode, idempotencyKey);
  return action ? { ok: true, action } : { ok: false, error: "invalid_token" };
}

/** Whether an action's challenge counts as passed: CHALLENGE_SUCCEEDED, and ALLOW when the setting says so. */
export function isPassed(context: EmulatorContext, action: StoredAction): boolean {
  return (
    action.state === "CHALLENGE_SUCCEEDED" ||
    (action.state === "ALLOW" && context.state.emulator.settings.allowStateIsValid)
  );
}

export async function validateChallenge(input: HandlerInput, context: EmulatorContext): Promise<HandlerResult> {
  const { token, userId, action: actionCode } = bodyOf<components["schemas"]["ValidateChallengeRequest"]>(input);
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
}
