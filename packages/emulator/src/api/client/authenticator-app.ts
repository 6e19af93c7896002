// Authenticator apps (TOTP, RFC 6238) from the user's own app: an enrolment hands out a secret and
// its otpauth URI, and the first right code from the app enrols it; after that, a right code of an
// enrolled app verifies the action. One step of drift either side is accepted, and each step's code
// once (domain/totp.ts); a step is spent in one synchronous call, so a code raced twice wins once.
import type { operations as Operations } from "@authsignal-ts/client";
import type { ApiContext } from "../../domain/context.ts";
import { matchTotpStep, newTotpSecret, totpUri } from "../../domain/totp.ts";
import type { TotpEnrolment } from "../../state/client-api.ts";
import type { Frozen } from "../../state/frozen.ts";
import type { StoredAction } from "../../state/server.ts";
import type { Handler } from "../handler.ts";
import { addAuthenticator } from "../server/authenticators.ts";
import { findUser, isoNow, ok } from "../server/common.ts";
import {
  actionOf,
  authenticatorsOf,
  clientAuthenticator,
  newestOfAction,
  passed,
  requireEnrolmentScope,
  requireMethod,
} from "./common.ts";

export const enrollTotp: Handler<Operations["enrollTotp"]> = (request, context) => {
  requireMethod(context, "AUTHENTICATOR_APP");
  const action = requireEnrolmentScope(context, request);
  const user = findUser(context, action.userId);
  const secret = newTotpSecret();
  const enrolment = context.store.server.putClientChallenge<TotpEnrolment>({
    kind: "totp-enrolment",
    challengeId: context.randomId(),
    userId: action.userId,
    actionCode: action.actionCode,
    idempotencyKey: action.idempotencyKey,
    secret,
    userAuthenticatorId: context.randomId(),
    createdAt: isoNow(context),
    expiresAt: context.now() + context.state.emulator.settings.otpLifetimeMinutes * 60_000,
  });
  const issuer = context.state.management.tenant.name ?? "Authsignal";
  const account = user?.email ?? user?.username ?? action.userId;
  return ok({
    userAuthenticatorId: enrolment.userAuthenticatorId,
    userId: action.userId,
    uri: totpUri(secret, issuer, account),
    secret,
  });
};

/** The newest enrolment the token's action started and no code has finished yet. */
const pendingEnrolment = (context: ApiContext, action: Frozen<StoredAction>) =>
  newestOfAction(
    context.state.server.clientChallenges,
    action,
    (candidate): candidate is Frozen<TotpEnrolment> =>
      candidate.kind === "totp-enrolment" && candidate.usedAt === undefined && candidate.expiresAt > context.now(),
  );

const refused = { isVerified: false, failureReason: "CODE_INVALID_OR_EXPIRED" } as const;

export const verifyTotp: Handler<Operations["verifyTotp"]> = async (request, context) => {
  requireMethod(context, "AUTHENTICATOR_APP");
  const action = actionOf(request);
  const code = request.body.verificationCode;
  const nowMs = context.now();
  const enrolment = pendingEnrolment(context, action);
  if (enrolment) {
    const step = matchTotpStep(enrolment.secret, code, nowMs, undefined);
    if (step === undefined || !context.store.server.useClientChallenge(enrolment.challengeId, isoNow(context), nowMs)) {
      return ok(refused);
    }
    const { userAuthenticatorId, secret } = enrolment;
    context.store.server.putTotp({ userAuthenticatorId, userId: action.userId, secret, lastUsedStep: step });
    const authenticator = await addAuthenticator(context, action.userId, {
      verificationMethod: "AUTHENTICATOR_APP",
      userAuthenticatorId,
    });
    const accessToken = await passed(context, action, "AUTHENTICATOR_APP", userAuthenticatorId);
    return ok({ isVerified: true, accessToken, userAuthenticator: clientAuthenticator(authenticator) });
  }
  for (const authenticator of authenticatorsOf(context, action.userId, "AUTHENTICATOR_APP")) {
    const stored = context.state.server.totpSecrets[authenticator.userAuthenticatorId];
    if (!stored) continue;
    const step = matchTotpStep(stored.secret, code, nowMs, stored.lastUsedStep);
    if (step === undefined) continue;
    if (!context.store.server.spendTotpStep(stored.userAuthenticatorId, step)) return ok(refused);
    const accessToken = await passed(context, action, "AUTHENTICATOR_APP", authenticator.userAuthenticatorId);
    return ok({ isVerified: true, accessToken, userAuthenticator: clientAuthenticator(authenticator) });
  }
  return ok(refused);
};
