// Track: the user is created on first sight and its attributes and device recorded, the action's
// rules decide (the lowest priority number among the matches wins, else the action's default,
// else the emulator's default for unknown codes), and a CHALLENGE for a user with nothing to be
// challenged with becomes ALLOW with `isEnrolled: false`, as Authsignal documents.
import type { components } from "@authsignal-ts/server";
import type { EmulatorContext } from "../../domain/context.ts";
import { evaluateRules, features } from "../../domain/rules.ts";
import { entry, recordsOf } from "../../state/records.ts";
import type { StoredAction, StoredUser } from "../../state/server.ts";
import type { HandlerInput, HandlerResult } from "../handler.ts";
import {
  actionsOf,
  actionToken,
  bodyOf,
  defined,
  enrolledMethods,
  findAction,
  findUser,
  isoNow,
  ok,
  param,
  storeAction,
  upsertUser,
} from "./common.ts";

type TrackAttributes = components["schemas"]["TrackAttributes"];

const stateOf = { ALLOW: "ALLOW", BLOCK: "BLOCK", CHALLENGE: "CHALLENGE_REQUIRED", REVIEW: "REVIEW_REQUIRED" } as const;

/** Methods the tenant has switched on, from its per-method authenticator configurations. */
function tenantMethods(context: EmulatorContext): string[] {
  const methods: string[] = [];
  for (const config of Object.values(context.state.management.authenticatorConfigurations ?? {})) {
    const { isActive, verificationMethod } = (config ?? {}) as { isActive?: boolean; verificationMethod?: string };
    if (isActive !== false && typeof verificationMethod === "string") methods.push(verificationMethod);
  }
  return methods;
}

/** Records the track's attributes and device on the user. */
function recordAttributes(context: EmulatorContext, user: StoredUser, attributes: TrackAttributes): void {
  if (attributes.email !== undefined) user.email = attributes.email;
  if (attributes.phoneNumber !== undefined) user.phoneNumber = attributes.phoneNumber;
  if (attributes.username !== undefined) user.username = attributes.username;
  if (attributes.locale !== undefined) user.locale = attributes.locale;
  const { deviceId } = attributes;
  if (deviceId !== undefined && !entry(user.devices, deviceId)) {
    user.devices[deviceId] = { userId: user.userId, deviceId, createdAt: isoNow(context) };
  }
}

/**
 * The user as the track will leave it, a copy, for the rules to read before anything is stored: a
 * track whose rules fail (over their budget) changes nothing. A device is new until it has been
 * seen, or again after it was invalidated: a documented guess.
 */
function userAfterTrack(context: EmulatorContext, userId: string, attributes: TrackAttributes) {
  const current = findUser(context, userId);
  const user: StoredUser = {
    ...(current ?? { userId, createdAt: isoNow(context), authenticators: [] }),
    devices: recordsOf(current?.devices),
  };
  const device = attributes.deviceId === undefined ? undefined : entry(user.devices, attributes.deviceId);
  const deviceIsNew = attributes.deviceId !== undefined && (!device || device.invalidatedAt !== undefined);
  recordAttributes(context, user, attributes);
  return { user, deviceIsNew };
}

function previouslyVerified(context: EmulatorContext, userId: string): boolean {
  return actionsOf(context, userId).some((action) => action.state === "CHALLENGE_SUCCEEDED");
}

export async function track(input: HandlerInput, context: EmulatorContext): Promise<HandlerResult> {
  const userId = param(input, "userId");
  const actionCode = param(input, "action");
  const attributes = bodyOf<TrackAttributes>(input);
  const idempotencyKey = attributes.idempotencyKey ?? context.randomId();

  // A repeated idempotency key names the same action: it is answered again, not re-evaluated
  // (a documented guess; Authsignal does not say).
  const repeated = findAction(context, userId, actionCode, idempotencyKey);
  if (repeated) return ok(await trackResponse(context, repeated, input.origin, attributes.scope));

  const after = userAfterTrack(context, userId, attributes);
  const evaluation = evaluateRules(
    context,
    actionCode,
    features(context, after.user, {
      ...attributes,
      deviceIsNew: after.deviceIsNew,
      hasPreviouslyVerified: previouslyVerified(context, userId),
      crypto: attributes.crypto as Record<string, unknown> | undefined,
    }),
  );
  // Stored only now, once the rules have decided; on the stored user, which other requests hold.
  const user = upsertUser(context, userId);
  recordAttributes(context, user, attributes);
  const configuration = entry(context.state.management.actionConfigurations, actionCode);
  if (configuration) configuration.lastActionCreatedAt = isoNow(context);
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
  const now = isoNow(context);
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
  storeAction(context, action);
  return ok(await trackResponse(context, action, input.origin, attributes.scope));
}

async function trackResponse(context: EmulatorContext, action: StoredAction, origin: string, scope?: string) {
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
    allowedVerificationMethods: action.allowedVerificationMethods,
    enrolledVerificationMethods: action.enrolledVerificationMethods,
    defaultVerificationMethod: action.defaultVerificationMethod,
    ruleIds: action.ruleIds,
  });
}
