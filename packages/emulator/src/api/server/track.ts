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
import { actionsOf, actionToken, defined, enrolledMethods, findAction, findUser, isoNow, ok } from "./common.ts";

const stateOf = { ALLOW: "ALLOW", BLOCK: "BLOCK", CHALLENGE: "CHALLENGE_REQUIRED", REVIEW: "REVIEW_REQUIRED" } as const;

/** Methods the tenant has switched on, from its per-method authenticator configurations. */
function tenantMethods(context: ApiContext): string[] {
  const methods: string[] = [];
  for (const config of Object.values(context.state.management.authenticatorConfigurations ?? {})) {
    const { isActive, verificationMethod } = (config ?? {}) as { isActive?: boolean; verificationMethod?: string };
    if (isActive !== false && typeof verificationMethod === "string") methods.push(verificationMethod);
  }
  return methods;
}

function previouslyVerified(context: ApiContext, userId: string): boolean {
  return actionsOf(context, userId).some((action) => action.state === "CHALLENGE_SUCCEEDED");
}

export const track: Handler<Operations["track"]> = async (request, context) => {
  const { userId, action: actionCode } = request.path;
  const attributes = request.body ?? {};
  const idempotencyKey = attributes.idempotencyKey ?? context.randomId();

  // A repeated idempotency key names the same action: it is answered again, not re-evaluated
  // (a documented guess; Authsignal does not say).
  const repeated = findAction(context, { userId, actionCode, idempotencyKey });
  if (repeated) return ok(await trackResponse(context, repeated, request.origin, attributes.scope));

  const now = isoNow(context);
  const current = findUser(context, userId);
  // A device is new until it has been seen, or again after it was invalidated: a documented guess.
  const seenDevice = attributes.deviceId === undefined ? undefined : entry(current?.devices, attributes.deviceId);
  const deviceIsNew = attributes.deviceId !== undefined && (!seenDevice || seenDevice.invalidatedAt !== undefined);
  const user = userAfterTrack(current, userId, attributes, now);
  const evaluation = evaluateRules(
    context,
    actionCode,
    features(context, user, {
      ...attributes,
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
  const allowed =
    winner?.verificationMethods ??
    configuration?.verificationMethods ??
    (tenantMethods(context).length > 0
      ? tenantMethods(context)
      : context.state.emulator.settings.defaultVerificationMethods);
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
    ...(winner && { priorityRuleId: winner.ruleId }),
    rules: evaluation.matched.map((rule) => ({ ruleId: rule.ruleId, name: rule.name })),
    output: defined({
      outcome,
      features: evaluation.features,
      ruleErrors: evaluation.errors.length ? evaluation.errors : undefined,
    }),
    allowedVerificationMethods: [...allowed],
    enrolledVerificationMethods: enrolled,
    ...defined({
      defaultVerificationMethod:
        winner?.defaultVerificationMethod ??
        configuration?.defaultVerificationMethod ??
        user.defaultVerificationMethod ??
        enrolled[0],
      ipAddress: attributes.ipAddress,
      userAgent: attributes.userAgent,
      deviceId: attributes.deviceId,
      countryCode: (evaluation.features.ip as { countryCode?: string }).countryCode,
      redirectUrl: attributes.redirectUrl,
    }),
  };
  // Stored only now, once the rules have decided, in one call.
  const stored = context.store.server.recordTrack(action, attributes, now);
  return ok(await trackResponse(context, stored, request.origin, attributes.scope));
};

async function trackResponse(context: ApiContext, action: Frozen<StoredAction>, origin: string, scope?: string) {
  const token = await actionToken(context, action, scope ?? "read:authenticators");
  const isEnrolled = action.enrolledVerificationMethods.length > 0;
  // The pre-built UI's stand-in: the test-only API describes the action and can complete it.
  const url = `${origin}/_emulator/v1/ui?token=${encodeURIComponent(token)}${isEnrolled ? "" : "&mode=enroll"}`;
  return defined({
    state: action.state,
    idempotencyKey: action.idempotencyKey,
    url,
    token,
    isEnrolled,
    allowedVerificationMethods: [...action.allowedVerificationMethods],
    enrolledVerificationMethods: [...action.enrolledVerificationMethods],
    defaultVerificationMethod: action.defaultVerificationMethod,
    ruleIds: [...action.ruleIds],
  });
}
