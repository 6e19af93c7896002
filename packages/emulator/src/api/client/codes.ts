// One-time codes from the user's own app: email OTP, SMS and WhatsApp. An enrolment sends a code
// to the new address or number, and a right code adds the authenticator; a challenge sends one to
// the enrolled authenticator. Both go through the Server API's sending (the outbox, the tenant's
// webhooks) and its code checks (attempt cap, expiry, single use), for the action the token names.
import type { operations as Operations } from "@authsignal-ts/client";
import type { ApiContext } from "../../domain/context.ts";
import type { Frozen } from "../../state/frozen.ts";
import type { StoredAction, StoredChallenge } from "../../state/server.ts";
import type { Handler, HandlerRequest } from "../handler.ts";
import { addAuthenticator } from "../server/authenticators.ts";
import { checkCode, sendCode } from "../server/challenges.ts";
import { ok } from "../server/common.ts";
import {
  actionOf,
  authenticatorsOf,
  clientAuthenticator,
  invalid,
  newestOfAction,
  passed,
  requireEnrolmentScope,
  requireMethod,
} from "./common.ts";

type CodeMethod = "EMAIL_OTP" | "SMS" | "WHATSAPP";

const forAction = (action: Frozen<StoredAction>) => ({
  userId: action.userId,
  actionCode: action.actionCode,
  idempotencyKey: action.idempotencyKey,
});

async function enrol(context: ApiContext, request: HandlerRequest<unknown>, method: CodeMethod, to: string) {
  requireMethod(context, method);
  const action = requireEnrolmentScope(context, request);
  const userAuthenticatorId = context.randomId();
  await sendCode(context, {
    verificationMethod: method,
    to,
    ...forAction(action),
    enrolAuthenticatorId: userAuthenticatorId,
  });
  return ok({ userAuthenticatorId, userId: action.userId });
}

async function challenge(context: ApiContext, request: HandlerRequest<unknown>, method: CodeMethod) {
  requireMethod(context, method);
  const action = actionOf(request);
  // WhatsApp codes go to the number the user enrolled for SMS.
  const enrolledAs = method === "WHATSAPP" ? "SMS" : method;
  const authenticator =
    authenticatorsOf(context, action.userId, method)[0] ?? authenticatorsOf(context, action.userId, enrolledAs)[0];
  const to = method === "EMAIL_OTP" ? authenticator?.email : authenticator?.phoneNumber;
  if (!authenticator || to === undefined) invalid(`The user has no ${enrolledAs} authenticator to send a code to.`);
  const sent = await sendCode(context, {
    verificationMethod: method,
    to,
    ...forAction(action),
    ...(method === "WHATSAPP" && { smsChannel: "WHATSAPP" as const }),
  });
  return ok({ challengeId: sent.challengeId });
}

async function verify(context: ApiContext, request: HandlerRequest<unknown>, method: CodeMethod, code: string) {
  const action = actionOf(request);
  // The newest challenge of the token's action over `method`: the one the user was sent last.
  const found = newestOfAction(
    context.state.server.challenges,
    action,
    (candidate): candidate is Frozen<StoredChallenge> => candidate.verificationMethod === method,
  );
  if (!found) return ok({ isVerified: false, failureReason: "CODE_INVALID_OR_EXPIRED" });
  const checked = checkCode(context, found, code);
  if (!checked.ok) return ok({ isVerified: false, failureReason: checked.failureReason });
  const target = found.email === undefined ? { phoneNumber: found.phoneNumber } : { email: found.email };
  const enrolledAs = method === "WHATSAPP" ? "SMS" : method;
  const authenticator =
    found.enrolAuthenticatorId === undefined
      ? authenticatorsOf(context, action.userId, enrolledAs).find(
          (candidate) => (candidate.phoneNumber ?? candidate.email) === (found.phoneNumber ?? found.email),
        )
      : await addAuthenticator(context, action.userId, {
          verificationMethod: enrolledAs,
          ...target,
          userAuthenticatorId: found.enrolAuthenticatorId,
        });
  const accessToken = await passed(context, action, method, authenticator?.userAuthenticatorId);
  return ok({
    isVerified: true,
    accessToken,
    ...(authenticator && { userAuthenticator: clientAuthenticator(authenticator) }),
  });
}

export const enrollEmailOtp: Handler<Operations["enrollEmailOtp"]> = (request, context) =>
  enrol(context, request, "EMAIL_OTP", request.body.email);
export const challengeEmailOtp: Handler<Operations["challengeEmailOtp"]> = (request, context) =>
  challenge(context, request, "EMAIL_OTP");
export const verifyEmailOtp: Handler<Operations["verifyEmailOtp"]> = (request, context) =>
  verify(context, request, "EMAIL_OTP", request.body.verificationCode);

export const enrollSms: Handler<Operations["enrollSms"]> = (request, context) =>
  enrol(context, request, "SMS", request.body.phoneNumber);
export const challengeSms: Handler<Operations["challengeSms"]> = (request, context) =>
  challenge(context, request, request.body?.smsChannel === "WHATSAPP" ? "WHATSAPP" : "SMS");
export const verifySms: Handler<Operations["verifySms"]> = (request, context) =>
  verify(context, request, "SMS", request.body.verificationCode);

export const challengeWhatsapp: Handler<Operations["challengeWhatsapp"]> = (request, context) =>
  challenge(context, request, "WHATSAPP");
export const verifyWhatsapp: Handler<Operations["verifyWhatsapp"]> = (request, context) =>
  verify(context, request, "WHATSAPP", request.body.verificationCode);
