// The action state machine: get, update (any state to any state, as Authsignal allows), query,
// and the test-only completion that stands in for the pre-built UI.
import type { components } from "@authsignal-ts/server";
import type { EmulatorContext } from "../../domain/context.ts";
import { EmulatorApiError } from "../../domain/errors.ts";
import { entry } from "../../state/records.ts";
import type { StoredAction } from "../../state/server.ts";
import type { HandlerInput, HandlerResult } from "../handler.ts";
import {
  actionsOf,
  actionToken,
  bodyOf,
  defined,
  existingAction,
  findUser,
  isoNow,
  ok,
  param,
  setActionState,
} from "./common.ts";

type UserActionState = components["schemas"]["UserActionState"];

const thirtyDaysMs = 30 * 24 * 60 * 60 * 1000;

function getActionBody(action: StoredAction) {
  return defined({
    state: action.state,
    idempotencyKey: action.idempotencyKey,
    createdAt: action.createdAt,
    stateUpdatedAt: action.stateUpdatedAt,
    verificationMethod: action.verificationMethod,
    priorityRuleId: action.priorityRuleId,
    ruleIds: action.ruleIds,
    rules: action.rules,
    output: action.output,
  });
}

export function getAction(input: HandlerInput, context: EmulatorContext): HandlerResult {
  const action = existingAction(
    context,
    param(input, "userId"),
    param(input, "action"),
    param(input, "idempotencyKey"),
  );
  return ok(getActionBody(action));
}

export function updateAction(input: HandlerInput, context: EmulatorContext): HandlerResult {
  const action = existingAction(
    context,
    param(input, "userId"),
    param(input, "action"),
    param(input, "idempotencyKey"),
  );
  setActionState(context, action, bodyOf<{ state: UserActionState }>(input).state);
  return ok(
    defined({
      userId: action.userId,
      action: action.actionCode,
      idempotencyKey: action.idempotencyKey,
      state: action.state,
      createdAt: action.createdAt,
      stateUpdatedAt: action.stateUpdatedAt,
      verificationMethod: action.verificationMethod,
      ruleIds: action.ruleIds,
      output: action.output,
    }),
  );
}

/** Newest first (a guess); `fromDate` defaults to, and is held within, the last 30 days. */
export function queryUserActions(input: HandlerInput, context: EmulatorContext): HandlerResult {
  const { codes, state, fromDate } = input.query as { codes?: string[]; state?: string; fromDate?: string };
  const earliest = context.now() - thirtyDaysMs;
  const from = Math.max(earliest, fromDate === undefined ? earliest : Date.parse(fromDate));
  const actions = actionsOf(context, param(input, "userId"))
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
}

/**
 * An action's challenge succeeded: the `action.verify` webhook (if the action configures one) is
 * asked first, synchronously, and a receiver that does not answer 2xx keeps the action where it was.
 */
export async function succeedAction(
  context: EmulatorContext,
  action: StoredAction,
  verificationMethod: string,
  userAuthenticatorId?: string,
): Promise<void> {
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
  setActionState(context, action, "CHALLENGE_SUCCEEDED");
  action.verificationMethod = verificationMethod;
  if (userAuthenticatorId) action.verifiedByAuthenticatorId = userAuthenticatorId;
  const device = action.deviceId ? entry(findUser(context, action.userId)?.devices, action.deviceId) : undefined;
  if (device) {
    device.authenticatedAt = isoNow(context);
    device.lastVerificationMethod = verificationMethod;
  }
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

export async function completeAction(
  context: EmulatorContext,
  input: CompleteActionInput,
): Promise<CompleteActionResult> {
  if (input.outcome !== "SUCCEEDED" && input.outcome !== "FAILED") {
    throw new EmulatorApiError(400, "invalid_request", 'outcome must be "SUCCEEDED" or "FAILED"');
  }
  const action = existingAction(context, input.userId, input.action, input.idempotencyKey);
  const method =
    input.verificationMethod ?? action.defaultVerificationMethod ?? action.allowedVerificationMethods[0] ?? "SMS";
  if (input.outcome === "SUCCEEDED") await succeedAction(context, action, method);
  else {
    setActionState(context, action, "CHALLENGE_FAILED");
    action.verificationMethod = method;
  }
  const token = await actionToken(context, action);
  const redirectUrl = action.redirectUrl
    ? `${action.redirectUrl}${action.redirectUrl.includes("?") ? "&" : "?"}token=${encodeURIComponent(token)}`
    : undefined;
  return defined({ state: action.state, token, redirectUrl });
}
