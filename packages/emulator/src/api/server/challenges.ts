// Server-side OTP challenges: /challenge sends a code (to the outbox, and to the tenant's SMS or
// email webhook when it has one, synchronously), /verify checks it against the attempt cap and
// the expiry, /claim binds a verified challenge to a user and hands out a token.
import type { components, operations as Operations } from "@authsignal-ts/server";
import type { ApiContext } from "../../domain/context.ts";
import { newOtpCode } from "../../domain/otp.ts";
import type { Frozen } from "../../state/frozen.ts";
import { entry } from "../../state/records.ts";
import type { StoredAction, StoredChallenge } from "../../state/server.ts";
import type { ActionAddress } from "../../state/server-store.ts";
import type { Handler } from "../handler.ts";
import { succeedAction } from "./actions.ts";
import { addAuthenticator } from "./authenticators.ts";
import {
  actionToken,
  defined,
  enrolledMethods,
  findAction,
  findUser,
  invalidRequest,
  isoNow,
  notFound,
  ok,
} from "./common.ts";

type Schemas = components["schemas"];

const existingChallenge = (context: ApiContext, challengeId: string): Frozen<StoredChallenge> =>
  entry(context.state.server.challenges, challengeId) ?? notFound(`No challenge with ID ${challengeId} was found.`);

/**
 * How, to whom and for which action the code goes: as the request says or, for another code (a
 * request with the earlier challenge's ID and no method), as that challenge's went.
 */
function recipientOf(context: ApiContext, body: Schemas["ChallengeRequest"]) {
  if ("verificationMethod" in body) {
    const to = body.verificationMethod === "EMAIL_OTP" ? body.email : body.phoneNumber;
    return { verificationMethod: body.verificationMethod, to, actionCode: body.action, earlier: undefined };
  }
  const earlier = existingChallenge(context, body.challengeId);
  const { verificationMethod } = earlier;
  const to = (verificationMethod === "EMAIL_OTP" ? earlier.email : earlier.phoneNumber) ?? "";
  return { verificationMethod, to, actionCode: body.action ?? earlier.actionCode, earlier };
}

export const challenge: Handler<Operations["challenge"]> = async (request, context) => {
  const { body } = request;
  const { verificationMethod, to, actionCode, earlier } = recipientOf(context, body);
  const created = await sendCode(
    context,
    defined({
      verificationMethod,
      to,
      actionCode,
      smsChannel: ("smsChannel" in body ? body.smsChannel : undefined) ?? earlier?.smsChannel,
      userId: body.userId ?? earlier?.userId,
      scope: body.scope ?? earlier?.scope,
      deviceId: body.deviceId ?? earlier?.deviceId,
      idempotencyKey: body.idempotencyKey ?? earlier?.idempotencyKey ?? context.randomId(),
    }),
    { locale: body.locale, ipAddress: body.ipAddress, userAgent: body.userAgent },
  );
  return ok({
    challengeId: created.challengeId,
    idempotencyKey: created.idempotencyKey,
    expiresAt: Math.floor(created.expiresAt / 1000),
  });
};

/** Who a code goes to and what it is for: a challenge before its code and times are set. */
export type CodeRequest = Pick<StoredChallenge, "verificationMethod" | "actionCode" | "idempotencyKey"> &
  Partial<Pick<StoredChallenge, "smsChannel" | "userId" | "scope" | "deviceId" | "enrolAuthenticatorId">> & {
    to: string;
  };

/**
 * Sends a one-time code, for the Server API's challenge and the Client API's alike: the channel's
 * webhook first (synchronous, as Authsignal's: a receiver that does not answer 2xx fails the
 * challenge), then the challenge is stored and the message put in the outbox.
 */
export async function sendCode(
  context: ApiContext,
  { to, ...fields }: CodeRequest,
  sender: { locale?: string; ipAddress?: string; userAgent?: string } = {},
): Promise<Frozen<StoredChallenge>> {
  const { verificationMethod, actionCode } = fields;
  const created: StoredChallenge = {
    challengeId: context.randomId(),
    ...fields,
    ...(verificationMethod === "EMAIL_OTP" ? { email: to } : { phoneNumber: to }),
    code: newOtpCode(context.state.emulator.settings, to),
    createdAt: isoNow(context),
    expiresAt: context.now() + context.state.emulator.settings.otpLifetimeMinutes * 60_000,
    failedAttempts: 0,
  };
  const channel = verificationMethod === "EMAIL_OTP" ? "EMAIL" : verificationMethod;
  await context.emit({
    type: channel === "EMAIL" ? "email.created" : "sms.created",
    data: defined({
      to,
      code: created.code,
      userId: created.userId ?? "",
      idempotencyKey: created.idempotencyKey,
      actionCode,
      locale: sender.locale,
      ...(channel === "EMAIL" && {
        verificationMethod: "EMAIL_OTP",
        ipAddress: sender.ipAddress,
        userAgent: sender.userAgent,
      }),
    }),
  });
  context.store.server.putChallenge(created);
  context.store.emulator.recordMessage(
    defined({
      messageId: context.randomId(),
      channel,
      to,
      code: created.code,
      challengeId: created.challengeId,
      userId: created.userId,
      actionCode,
      idempotencyKey: created.idempotencyKey,
      createdAt: created.createdAt,
    }),
  );
  return created;
}

const targetOf = (challenge: Frozen<StoredChallenge>) =>
  challenge.email === undefined ? { phoneNumber: challenge.phoneNumber } : { email: challenge.email };

/** The action a challenge belongs to, for its user (created, with the user, when only the challenge named it). */
function actionOf(context: ApiContext, challenge: Frozen<StoredChallenge>, userId: string): Frozen<StoredAction> {
  const address = { userId, actionCode: challenge.actionCode, idempotencyKey: challenge.idempotencyKey };
  return actionAt(context, address, challenge.verificationMethod, challenge.deviceId);
}

/**
 * The action at `address`; when only a challenge named it (no track came first), created
 * CHALLENGE_REQUIRED for `verificationMethod`, as the challenge it is for will decide it.
 */
export function actionAt(
  context: ApiContext,
  address: ActionAddress,
  verificationMethod: string,
  deviceId?: string,
): Frozen<StoredAction> {
  const existing = findAction(context, address);
  if (existing) return existing;
  const now = isoNow(context);
  return context.store.server.keepAction(
    {
      ...address,
      outcome: "CHALLENGE",
      state: "CHALLENGE_REQUIRED",
      createdAt: now,
      updatedAt: now,
      stateUpdatedAt: now,
      ruleIds: [],
      rules: [],
      output: {},
      allowedVerificationMethods: [verificationMethod],
      enrolledVerificationMethods: enrolledMethods(findUser(context, address.userId)),
      ...defined({ deviceId }),
    },
    now,
  );
}

export type CodeCheck =
  | { ok: true }
  | { ok: false; failureReason: "MAX_ATTEMPTS_EXCEEDED" | "CODE_INVALID_OR_EXPIRED" };

/**
 * Checks a code against its challenge, and spends it when it is right: the attempt cap, the expiry
 * and single use, for the Server API's verify and the Client API's alike. Spent before anything is
 * awaited (the action's verification webhook), so a verify of the same code that arrives meanwhile
 * finds it used: a code verifies once, even when the receiver refuses.
 */
export function checkCode(context: ApiContext, found: Frozen<StoredChallenge>, code: string): CodeCheck {
  const { maxVerifyAttempts } = context.state.emulator.settings;
  if (found.failedAttempts >= maxVerifyAttempts) return { ok: false, failureReason: "MAX_ATTEMPTS_EXCEEDED" };
  // A code works once: a verified challenge answers as an expired one.
  if (found.verifiedAt !== undefined || context.now() >= found.expiresAt) {
    return { ok: false, failureReason: "CODE_INVALID_OR_EXPIRED" };
  }
  if (code !== found.code) {
    context.store.server.recordFailedAttempt(found.challengeId, maxVerifyAttempts, isoNow(context));
    return { ok: false, failureReason: "CODE_INVALID_OR_EXPIRED" };
  }
  if (!context.store.server.spendChallenge(found.challengeId, isoNow(context))) {
    return { ok: false, failureReason: "CODE_INVALID_OR_EXPIRED" };
  }
  return { ok: true };
}

export const verify: Handler<Operations["verify"]> = async (request, context) => {
  const { challengeId, verificationCode } = request.body;
  const found = existingChallenge(context, challengeId);
  const checked = checkCode(context, found, verificationCode);
  if (!checked.ok) return ok({ isVerified: false, failureReason: checked.failureReason });
  if (found.userId) {
    const user = context.store.server.ensureUser(found.userId, isoNow(context));
    let authenticatorId = user.authenticators.find(
      (authenticator) =>
        authenticator.verificationMethod === found.verificationMethod &&
        (authenticator.phoneNumber ?? authenticator.email) === (found.phoneNumber ?? found.email),
    )?.userAuthenticatorId;
    if (!authenticatorId && /\b(add|update):authenticators\b/.test(found.scope ?? "")) {
      authenticatorId = (
        await addAuthenticator(context, found.userId, {
          verificationMethod: found.verificationMethod,
          ...targetOf(found),
        })
      ).userAuthenticatorId;
    }
    await succeedAction(context, actionOf(context, found, found.userId), found.verificationMethod, authenticatorId);
  }
  return ok({ isVerified: true, verificationMethod: found.verificationMethod, ...targetOf(found) });
};

export const claimChallenge: Handler<Operations["claimChallenge"]> = async (request, context) => {
  const { challengeId, userId, skipVerificationCheck } = request.body;
  const found = existingChallenge(context, challengeId);
  if (found.verifiedAt === undefined && !skipVerificationCheck) {
    invalidRequest("The challenge has not been verified; verify it first or set skipVerificationCheck.");
  }
  // Bound before anything is awaited, so a claim by another user that arrives meanwhile is refused.
  if (!context.store.server.claimChallenge(challengeId, userId)) {
    invalidRequest(`The challenge belongs to another user than ${userId}.`);
  }
  const action = actionOf(context, found, userId);
  if (action.state !== "CHALLENGE_SUCCEEDED") await succeedAction(context, action, found.verificationMethod);
  return ok({ token: actionToken(context, action), verificationMethod: found.verificationMethod });
};

/** The challenge asked for, while it can still be verified. */
export const getChallenge: Handler<Operations["getChallenge"]> = (request, context) => {
  const query = request.query;
  const nowMs = context.now();
  const found = Object.values(context.state.server.challenges)
    .filter(
      (candidate) =>
        candidate.expiresAt > nowMs &&
        (query.challengeId === undefined || candidate.challengeId === query.challengeId) &&
        (query.userId === undefined || candidate.userId === query.userId) &&
        (query.action === undefined || candidate.actionCode === query.action) &&
        (query.verificationMethod === undefined || candidate.verificationMethod === query.verificationMethod),
    )
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  if (!found) notFound("No active challenge matches.");
  return ok(
    defined({
      challengeId: found.challengeId,
      expiresAt: Math.floor(found.expiresAt / 1000),
      verificationMethod: found.verificationMethod,
      smsChannel: found.smsChannel,
      ...targetOf(found),
      action: found.actionCode,
    }),
  );
};
