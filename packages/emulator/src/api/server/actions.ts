// The action state machine: get, update (any state to any state, as Authsignal allows), query,
// and the test-only completion that stands in for the pre-built UI.
import type { components, operations as Operations } from "@authsignal-ts/server";
import type { ApiContext } from "../../domain/context.ts";
import { EmulatorApiError } from "../../domain/errors.ts";
import type { Frozen } from "../../state/frozen.ts";
import type { StoredAction } from "../../state/server.ts";
import type { ActionAddress } from "../../state/server-store.ts";
import type { Handler } from "../handler.ts";
import { actionsOf, actionToken, defined, existingAction, isoNow, ok } from "./common.ts";

type UserActionState = components["schemas"]["UserActionState"];

const thirtyDaysMs = 30 * 24 * 60 * 60 * 1000;

const addressIn = (path: { userId: string; action: string; idempotencyKey: string }): ActionAddress => ({
  userId: path.userId,
  actionCode: path.action,
  idempotencyKey: path.idempotencyKey,
});

export const getAction: Handler<Operations["getAction"]> = (request, context) => {
  const action = existingAction(context, addressIn(request.path));
  return ok(
    defined({
      state: action.state,
      idempotencyKey: action.idempotencyKey,
      createdAt: action.createdAt,
      stateUpdatedAt: action.stateUpdatedAt,
      verificationMethod: action.verificationMethod,
      priorityRuleId: action.priorityRuleId,
      ruleIds: [...action.ruleIds],
      rules: action.rules.map((rule) => ({ ...rule })),
      output: action.output,
    }),
  );
};

export const updateAction: Handler<Operations["updateAction"]> = (request, context) => {
  const found = existingAction(context, addressIn(request.path));
  const action = context.store.server.setActionState(found, request.body.state, isoNow(context)) ?? found;
  return ok(
    defined({
      userId: action.userId,
      action: action.actionCode,
      idempotencyKey: action.idempotencyKey,
      state: action.state,
      createdAt: action.createdAt,
      stateUpdatedAt: action.stateUpdatedAt,
      verificationMethod: action.verificationMethod,
      ruleIds: [...action.ruleIds],
      output: action.output,
    }),
  );
};

/** Newest first (a guess); `fromDate` defaults to, and is held within, the last 30 days. */
export const queryUserActions: Handler<Operations["queryUserActions"]> = (request, context) => {
  const { codes, state, fromDate } = request.query;
  const earliest = context.now() - thirtyDaysMs;
  const from = Math.max(earliest, fromDate === undefined ? earliest : Date.parse(fromDate));
  const actions = actionsOf(context, request.path.userId)
    .filter(
      (action) =>
        Date.parse(action.createdAt) >= from &&
        (codes === undefined || codes.includes(action.actionCode)) &&
        (state === undefined || action.state === state),
    )
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return ok(
    actions.map((action) =>
      defined({
        actionCode: action.actionCode,
        idempotencyKey: action.idempotencyKey,
        createdAt: action.createdAt,
        updatedAt: action.updatedAt,
        state: action.state,
        stateUpdatedAt: action.stateUpdatedAt,
        verificationMethod: action.verificationMethod,
        verifiedByAuthenticatorId: action.verifiedByAuthenticatorId,
        userAgent: action.userAgent,
        ipAddress: action.ipAddress,
        countryCode: action.countryCode,
      }),
    ),
  );
};

/**
 * An action's challenge succeeded: the `action.verify` webhook (if the action configures one) is
 * asked first, synchronously, and a receiver that does not answer 2xx keeps the action where it was.
 * Answers the action as stored after, or undefined when it is gone meanwhile.
 */
export async function succeedAction(
  context: ApiContext,
  action: ActionAddress,
  verificationMethod: string,
  userAuthenticatorId?: string,
): Promise<Frozen<StoredAction> | undefined> {
  await context.emit({
    type: "action.verify",
    data: defined({
      userId: action.userId,
      action: action.actionCode,
      idempotencyKey: action.idempotencyKey,
      verifiedAt: isoNow(context),
      state: "CHALLENGE_SUCCEEDED",
      verificationMethod,
      userAuthenticatorId,
    }),
  });
  return context.store.server.succeedAction(action, { verificationMethod, userAuthenticatorId }, isoNow(context));
}

export interface CompleteActionInput {
  userId: string;
  action: string;
  idempotencyKey: string;
  /** SUCCEEDED approves the challenge (CHALLENGE_SUCCEEDED), FAILED denies it (CHALLENGE_FAILED). */
  outcome: "SUCCEEDED" | "FAILED";
  /** The method the user "used"; defaults to the action's default or first allowed method. */
  verificationMethod?: string;
}

export interface CompleteActionResult {
  state: UserActionState;
  /** Pass it to `validateChallenge` or `createSession`, as the pre-built UI's redirect would. */
  token: string;
  /** Where the pre-built UI would send the user: the track's `redirectUrl` with `?token=`. */
  redirectUrl?: string;
}

export async function completeAction(context: ApiContext, input: CompleteActionInput): Promise<CompleteActionResult> {
  if (input.outcome !== "SUCCEEDED" && input.outcome !== "FAILED") {
    throw new EmulatorApiError(400, "invalid_request", 'outcome must be "SUCCEEDED" or "FAILED"');
  }
  const found = existingAction(context, addressIn(input));
  const method =
    input.verificationMethod ?? found.defaultVerificationMethod ?? found.allowedVerificationMethods[0] ?? "SMS";
  const action =
    (input.outcome === "SUCCEEDED"
      ? await succeedAction(context, found, method)
      : context.store.server.failAction(found, method, isoNow(context))) ?? found;
  const token = actionToken(context, action);
  const redirectUrl = action.redirectUrl
    ? `${action.redirectUrl}${action.redirectUrl.includes("?") ? "&" : "?"}token=${encodeURIComponent(token)}`
    : undefined;
  return defined({ state: action.state, token, redirectUrl });
}
