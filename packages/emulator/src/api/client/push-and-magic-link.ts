// Push from the web side, and email magic links. Neither has a device or an inbox here: a test
// answers a push through the test-only API (approve or deny), and opens a link through it too,
// the link itself being in the outbox. The page polls (verify push, finalize magic link) until the
// answer is in; the first poll that sees it decides the action, once.
import type { operations as Operations } from "@authsignal-ts/client";
import type { ApiContext } from "../../domain/context.ts";
import type { MagicLinkChallenge, PushChallenge } from "../../state/client-api.ts";
import type { Frozen } from "../../state/frozen.ts";
import { entry } from "../../state/records.ts";
import type { StoredAction } from "../../state/server.ts";
import type { Handler } from "../handler.ts";
import { addAuthenticator } from "../server/authenticators.ts";
import { actionAt } from "../server/challenges.ts";
import { defined, findAction, isoNow, ok } from "../server/common.ts";
import {
  actionOf,
  authenticatorsOf,
  clientAuthenticator,
  clientChallengeLifetimeMs,
  invalid,
  newestOfAction,
  passed,
  requireEnrolmentScope,
  requireMethod,
  verifiedToken,
} from "./common.ts";

const lifetime = (context: ApiContext) => ({
  createdAt: isoNow(context),
  expiresAt: context.now() + clientChallengeLifetimeMs,
});

export const challengePush: Handler<Operations["challengePush"]> = (request, context) => {
  requireMethod(context, "PUSH");
  const token = actionOf(request);
  const { action: actionCode, userAuthenticatorId } = request.body;
  const devices = authenticatorsOf(context, token.userId, "PUSH").filter(
    (authenticator) => userAuthenticatorId === undefined || authenticator.userAuthenticatorId === userAuthenticatorId,
  );
  if (devices.length === 0) invalid("The user has no push authenticator to send the challenge to.");
  // The token's own action when it names the same code; another code is an action of its own.
  const idempotencyKey = actionCode === token.actionCode ? token.idempotencyKey : context.randomId();
  const created = context.store.server.putClientChallenge<PushChallenge>({
    kind: "push",
    challengeId: context.randomId(),
    userId: token.userId,
    actionCode,
    idempotencyKey,
    ...lifetime(context),
  });
  return ok({
    challengeId: created.challengeId,
    deliveryResults: devices.map((device) => ({ userAuthenticatorId: device.userAuthenticatorId })),
  });
};

/** A client challenge of `kind` the token's user opened, or a 400. */
function ownChallenge<Kind extends "push" | "magic-link">(
  context: ApiContext,
  challengeId: string,
  kind: Kind,
  userId: string,
): Frozen<Extract<PushChallenge | MagicLinkChallenge, { kind: Kind }>> {
  const found = entry(context.state.server.clientChallenges, challengeId);
  if (found?.kind !== kind || found.userId !== userId) invalid(`The user has no ${kind} challenge ${challengeId}.`);
  return found as Frozen<Extract<PushChallenge | MagicLinkChallenge, { kind: Kind }>>;
}

const addressOf = (challenge: Frozen<PushChallenge | MagicLinkChallenge>) => ({
  userId: challenge.userId,
  actionCode: challenge.actionCode as string,
  idempotencyKey: challenge.idempotencyKey as string,
});

export const verifyPush: Handler<Operations["verifyPush"]> = async (request, context) => {
  const token = actionOf(request);
  const push = ownChallenge(context, request.body.challengeId, "push", token.userId);
  if (push.answer === undefined) return ok({ isVerified: false, isConsumed: false });
  const address = addressOf(push);
  if (context.store.server.consumePush(push.challengeId, isoNow(context))) {
    const action = actionAt(context, address, "PUSH");
    if (push.answer === "DENIED") {
      context.store.server.failAction(action, "PUSH", isoNow(context));
      return ok({ isVerified: false, isConsumed: true });
    }
    const device = authenticatorsOf(context, token.userId, "PUSH")[0];
    return ok({
      isVerified: true,
      isConsumed: true,
      accessToken: await passed(context, action, "PUSH", device?.userAuthenticatorId),
    });
  }
  // Read again: the same answer, so a page that polls twice is not told something new.
  const action = findAction(context, address);
  return ok(
    push.answer === "APPROVED" && action
      ? { isVerified: true, isConsumed: true, accessToken: verifiedToken(context, action) }
      : { isVerified: false, isConsumed: true },
  );
};

async function sendMagicLink(
  context: ApiContext,
  action: Frozen<StoredAction>,
  email: string,
  origin: string,
  enrolAuthenticatorId?: string,
) {
  const created = context.store.server.putClientChallenge<MagicLinkChallenge>({
    kind: "magic-link",
    challengeId: context.randomId(),
    userId: action.userId,
    actionCode: action.actionCode,
    idempotencyKey: action.idempotencyKey,
    email,
    ...defined({ enrolAuthenticatorId }),
    ...lifetime(context),
  });
  context.store.emulator.recordMessage({
    messageId: context.randomId(),
    channel: "EMAIL",
    to: email,
    code: "",
    // The test-only API's route that opens it (as track's `url` leads to its /ui).
    link: `${origin}/_emulator/v1/magic-links/${created.challengeId}`,
    challengeId: created.challengeId,
    userId: action.userId,
    actionCode: action.actionCode,
    idempotencyKey: action.idempotencyKey,
    createdAt: created.createdAt,
  });
  return created;
}

export const enrollEmailMagicLink: Handler<Operations["enrollEmailMagicLink"]> = async (request, context) => {
  requireMethod(context, "EMAIL_MAGIC_LINK");
  const action = requireEnrolmentScope(context, request);
  const userAuthenticatorId = context.randomId();
  const sent = await sendMagicLink(context, action, request.body.email, request.origin, userAuthenticatorId);
  return ok({ userAuthenticatorId, userId: action.userId, challengeId: sent.challengeId });
};

export const challengeEmailMagicLink: Handler<Operations["challengeEmailMagicLink"]> = async (request, context) => {
  requireMethod(context, "EMAIL_MAGIC_LINK");
  const action = actionOf(request);
  const email = authenticatorsOf(context, action.userId, "EMAIL_MAGIC_LINK")[0]?.email;
  if (email === undefined) invalid("The user has no email magic link authenticator to send a link to.");
  return ok({ challengeId: (await sendMagicLink(context, action, email, request.origin)).challengeId });
};

/** The newest link the token's action sent, when the page names none (the SDK polls with `{}`). */
const latestLink = (context: ApiContext, action: Frozen<StoredAction>) =>
  newestOfAction(
    context.state.server.clientChallenges,
    action,
    (candidate): candidate is Frozen<MagicLinkChallenge> => candidate.kind === "magic-link",
  );

export const finalizeEmailMagicLink: Handler<Operations["finalizeEmailMagicLink"]> = async (request, context) => {
  const action = actionOf(request);
  const challengeId = request.body?.challengeId;
  const link =
    challengeId === undefined
      ? latestLink(context, action)
      : ownChallenge(context, challengeId, "magic-link", action.userId);
  if (link?.openedAt === undefined) return ok({ isVerified: false });
  const used = context.store.server.useClientChallenge(link.challengeId, isoNow(context), context.now());
  if (!used) {
    // Polled again after it verified: the same answer.
    const decided = findAction(context, addressOf(link));
    return ok(
      decided?.state === "CHALLENGE_SUCCEEDED"
        ? { isVerified: true, accessToken: verifiedToken(context, decided) }
        : { isVerified: false },
    );
  }
  const authenticator =
    link.enrolAuthenticatorId === undefined
      ? authenticatorsOf(context, action.userId, "EMAIL_MAGIC_LINK")[0]
      : await addAuthenticator(context, action.userId, {
          verificationMethod: "EMAIL_MAGIC_LINK",
          email: link.email,
          userAuthenticatorId: link.enrolAuthenticatorId,
        });
  const accessToken = await passed(context, action, "EMAIL_MAGIC_LINK", authenticator?.userAuthenticatorId);
  return ok({
    isVerified: true,
    accessToken,
    ...(authenticator && { userAuthenticator: clientAuthenticator(authenticator) }),
  });
};
