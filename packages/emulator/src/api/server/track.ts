// Track: the user is created on first sight and its attributes and device recorded, the action's
// rules decide (the lowest priority number among the matches wins, else the action's default,
// else the emulator's default for unknown codes), and a CHALLENGE for a user with nothing to be
// challenged with becomes ALLOW with `isEnrolled: false`, as Authsignal documents.
import type { operations as Operations } from "@authsignal-ts/server";
import type { ApiContext } from "../../domain/context.ts";
import { evaluateRules, features } from "../../domain/rules.ts";
import type { Frozen } from "../../state/frozen.ts";
import { entry } from "../../state/records.ts";
import type { StoredAction } from "../../state/server.ts";
import { userAfterTrack } from "../../state/server-store.ts";
import type { Handler } from "../handler.ts";
import { actionsOf, actionToken, enrolledMethods, findAction, findUser, isoNow, ok } from "./common.ts";

const stateOf = { ALLOW: "ALLOW", BLOCK: "BLOCK", CHALLENGE: "CHALLENGE_REQUIRED", REVIEW: "REVIEW_REQUIRED" } as const;

/**
 * Methods the tenant has switched on, from its per-method authenticator configurations; the
 * emulator's default methods when it configured none.
 */
function tenantMethods(context: ApiContext): readonly string[] {
  const methods: string[] = [];
  for (const config of Object.values(context.state.management.authenticatorConfigurations ?? {})) {
    const { isActive, verificationMethod } = (config ?? {}) as { isActive?: boolean; verificationMethod?: string };
    if (isActive !== false && typeof verificationMethod === "string") methods.push(verificationMethod);
  }
  return methods.length > 0 ? methods : context.state.emulator.settings.defaultVerificationMethods;
}

function previouslyVerified(context: ApiContext, userId: string): boolean {
  return actionsOf(context, userId).some((action) => action.state === "CHALLENGE_SUCCEEDED");
}

export const track: Handler<Operations["track"]> = (request, context) => {
  const { userId, action: actionCode } = request.path;
  const attributes = request.body ?? {};
  const idempotencyKey = attributes.idempotencyKey ?? context.randomId();

  // A repeated idempotency key names the same action: it is answered again, not re-evaluated
  // (a documented guess; Authsignal does not say). A key made up here names no action yet.
  const repeated =
    attributes.idempotencyKey === undefined ? undefined : findAction(context, { userId, actionCode, idempotencyKey });
  if (repeated) return ok(trackResponse(context, repeated, request.origin, attributes.scope));

  const now = isoNow(context);
  const current = findUser(context, userId);
  // A device is new until it has been seen, or again after it was invalidated: a documented guess.
  const seenDevice = attributes.deviceId === undefined ? undefined : entry(current?.devices, attributes.deviceId);
  const deviceIsNew = attributes.deviceId !== undefined && (!seenDevice || seenDevice.invalidatedAt !== undefined);
  const usersRevision = context.store.revision("server.users");
  const user = userAfterTrack(current, userId, attributes, now);
  const evaluation = evaluateRules(
    context,
    actionCode,
    features(context, user, {
      ipAddress: attributes.ipAddress,
      userAgent: attributes.userAgent,
      deviceId: attributes.deviceId,
      custom: attributes.custom,
      crypto: attributes.crypto,
      deviceIsNew,
      hasPreviouslyVerified: previouslyVerified(context, userId),
    }),
  );
  const configuration = entry(context.state.management.actionConfigurations, actionCode);
  const winner = evaluation.matched[0];
  const outcome =
    winner?.type ?? configuration?.defaultUserActionResult ?? context.state.emulator.settings.unknownActionOutcome;
  const enrolled = enrolledMethods(user);
  const state = outcome === "CHALLENGE" && enrolled.length === 0 ? "ALLOW" : stateOf[outcome];
  const allowed = winner?.verificationMethods ?? configuration?.verificationMethods ?? tenantMethods(context);
  // The features' own fields are what the track saw; the value lists the rules read are inherited.
  const output: StoredAction["output"] = { outcome, features: evaluation.features };
  if (evaluation.errors.length > 0) output.ruleErrors = evaluation.errors;
  const action: StoredAction = {
    userId,
    actionCode,
    idempotencyKey,
    outcome,
    state,
    createdAt: now,
    updatedAt: now,
    stateUpdatedAt: now,
    ruleIds: evaluation.matched.map((rule) => rule.ruleId),
    rules: evaluation.matched.map((rule) => ({ ruleId: rule.ruleId, name: rule.name })),
    output,
    allowedVerificationMethods: [...allowed],
    enrolledVerificationMethods: enrolled,
  };
  if (winner) action.priorityRuleId = winner.ruleId;
  // Only what is set: the spec has no nulls for these.
  const defaultMethod =
    winner?.defaultVerificationMethod ??
    configuration?.defaultVerificationMethod ??
    user.defaultVerificationMethod ??
    enrolled[0];
  if (defaultMethod !== undefined) action.defaultVerificationMethod = defaultMethod;
  if (attributes.ipAddress !== undefined) action.ipAddress = attributes.ipAddress;
  if (attributes.userAgent !== undefined) action.userAgent = attributes.userAgent;
  if (attributes.deviceId !== undefined) action.deviceId = attributes.deviceId;
  const countryCode = (evaluation.features.ip as { countryCode?: string }).countryCode;
  if (countryCode !== undefined) action.countryCode = countryCode;
  if (attributes.redirectUrl !== undefined) action.redirectUrl = attributes.redirectUrl;
  // Kept only when true: the Go SDK sends null for false.
  if (attributes.redirectToSettings === true) action.redirectToSettings = true;
  // Stored only now, once the rules have decided, in one call.
  const stored = context.store.server.recordTrack(action, attributes, now, { copy: user, usersRevision });
  return ok(trackResponse(context, stored, request.origin, attributes.scope));
};

function trackResponse(context: ApiContext, action: Frozen<StoredAction>, origin: string, scope?: string) {
  const token = actionToken(context, action, scope ?? "read:authenticators");
  const isEnrolled = action.enrolledVerificationMethods.length > 0;
  // The emulated pre-built UI (api/prebuilt-ui/). The token is base64url and dots, which a query
  // needs no escaping for.
  const url = `${origin}/ui?token=${token}`;
  // Serialized as soon as it is returned, so the action's own lists are not copied.
  const answer: Operations["track"]["responses"][200]["content"]["application/json"] = {
    state: action.state,
    idempotencyKey: action.idempotencyKey,
    url,
    token,
    isEnrolled,
    allowedVerificationMethods: action.allowedVerificationMethods as string[],
    enrolledVerificationMethods: action.enrolledVerificationMethods as string[],
    ruleIds: action.ruleIds as string[],
  };
  if (action.defaultVerificationMethod !== undefined)
    answer.defaultVerificationMethod = action.defaultVerificationMethod;
  return answer;
}
