// What the Client API handlers share: the principal's action and user, whether the tenant has a
// method on, whether the token may enrol, and the answer of a verification that passed (the action
// succeeded, and a token that validateChallenge accepts for it).
import type { ApiContext } from "../../domain/context.ts";
import { EmulatorApiError } from "../../domain/errors.ts";
import type { Frozen } from "../../state/frozen.ts";
import type { StoredAction, UserAuthenticator } from "../../state/server.ts";
import type { HandlerRequest } from "../handler.ts";
import { succeedAction } from "../server/actions.ts";
import { actionToken, defined, findUser } from "../server/common.ts";
import type { ClientPrincipal } from "./auth.ts";

/** How long a Client API challenge (a passkey ceremony, a push, a link) can be answered: a guess. */
export const clientChallengeLifetimeMs = 5 * 60_000;

export function invalid(description: string, code = "invalid_request"): never {
  throw new EmulatorApiError(400, code, description);
}

/** The token's principal; the router has authenticated it by the operation's schemes. */
export function tokenOf(request: HandlerRequest<unknown>): Extract<ClientPrincipal, { kind: "token" }> {
  const { principal } = request;
  if (principal?.kind !== "token") throw new EmulatorApiError(401, "unauthorized", "This call needs the user's token.");
  return principal;
}

/** The action a token names, and its user. */
export const actionOf = (request: HandlerRequest<unknown>): Frozen<StoredAction> => tokenOf(request).action;

const methodsOfConfiguration: Record<string, readonly string[]> = {
  SMS: ["SMS", "WHATSAPP"],
  EMAIL_OTP: ["EMAIL_OTP", "EMAIL_MAGIC_LINK"],
  PASSKEY: ["PASSKEY"],
  PUSH: ["PUSH"],
};

/**
 * Whether the tenant has `method` on. A tenant that configured no method through the Management API
 * has every one; one that did has those configured and active (WhatsApp with SMS, magic links
 * with email OTP: documented guesses), and the authenticator app unless a setting turns it off, as
 * no Management route configures it.
 */
export function isMethodOn(context: ApiContext, method: string): boolean {
  const configurations = Object.values(context.state.management.authenticatorConfigurations ?? {});
  if (method === "AUTHENTICATOR_APP") return context.state.emulator.settings.authenticatorAppEnabled;
  if (configurations.length === 0) return true;
  return configurations.some(
    (configuration) =>
      configuration?.isActive !== false &&
      (methodsOfConfiguration[configuration?.verificationMethod ?? ""] ?? []).includes(method),
  );
}

export function requireMethod(context: ApiContext, method: string): void {
  if (!isMethodOn(context, method)) invalid(`${method} is not enabled for this tenant.`);
}

/**
 * A token may add an authenticator to a user who has none; to one already enrolled, only when
 * track gave it the `add:authenticators` (or `update:authenticators`) scope, as Authsignal documents.
 */
export function requireEnrolmentScope(context: ApiContext, request: HandlerRequest<unknown>): Frozen<StoredAction> {
  const { action, scope } = tokenOf(request);
  const enrolled = findUser(context, action.userId)?.authenticators.some(
    (authenticator) => authenticator.verificationMethod !== "RECOVERY_CODE",
  );
  if (enrolled && !/\b(add|update):authenticators\b/.test(scope ?? "")) {
    throw new EmulatorApiError(
      401,
      "unauthorized",
      "The user is already enrolled: adding an authenticator needs a token tracked with scope add:authenticators.",
    );
  }
  return action;
}

/** The user's authenticators of a method, newest first. */
export function authenticatorsOf(context: ApiContext, userId: string, method: string): Frozen<UserAuthenticator>[] {
  return (findUser(context, userId)?.authenticators ?? [])
    .filter((authenticator) => authenticator.verificationMethod === method)
    .toReversed();
}

/**
 * The newest of `records` that belongs to the action (its user, code and idempotency key) and
 * passes `matches`: the challenge the user was sent last, which a verification without an ID answers.
 */
export function newestOfAction<
  Challenge extends { userId?: string; actionCode?: string; idempotencyKey?: string; createdAt: string },
  Found extends Challenge,
>(
  records: Readonly<Record<string, Challenge>>,
  action: Frozen<StoredAction>,
  matches: (candidate: Challenge) => candidate is Found,
): Found | undefined {
  let newest: Found | undefined;
  for (const candidate of Object.values(records)) {
    if (
      candidate.userId === action.userId &&
      candidate.actionCode === action.actionCode &&
      candidate.idempotencyKey === action.idempotencyKey &&
      matches(candidate) &&
      (!newest || candidate.createdAt >= newest.createdAt)
    ) {
      newest = candidate;
    }
  }
  return newest;
}

/**
 * The token a passed verification answers with. For an action tracked with `redirectToSettings`, it
 * may also add authenticators, as the pre-built UI's settings screen does with it after the
 * challenge: the live API grants `add:authenticators` then (a documented guess at its exact scope
 * string; a token without redirectToSettings stays unscoped, as before).
 */
export function verifiedToken(context: ApiContext, action: Frozen<StoredAction>): string {
  return actionToken(context, action, action.redirectToSettings ? "read:authenticators add:authenticators" : undefined);
}

/**
 * A verification passed: the action succeeds, and its token is what the app's server validates. An
 * action that already succeeded stays as it was (a method added on the settings screen after the
 * challenge is an enrolment, not how the user verified): no second action.verify webhook either.
 */
export async function passed(
  context: ApiContext,
  action: Frozen<StoredAction>,
  verificationMethod: string,
  userAuthenticatorId?: string,
): Promise<string> {
  if (action.state === "CHALLENGE_SUCCEEDED") return verifiedToken(context, action);
  const succeeded = (await succeedAction(context, action, verificationMethod, userAuthenticatorId)) ?? action;
  return verifiedToken(context, succeeded);
}

/** An authenticator as the Client API lists it. */
export function clientAuthenticator(authenticator: Frozen<UserAuthenticator>) {
  return defined({
    userAuthenticatorId: authenticator.userAuthenticatorId,
    verificationMethod: authenticator.verificationMethod,
    createdAt: authenticator.createdAt,
    verifiedAt: authenticator.verifiedAt,
    lastVerifiedAt: authenticator.lastVerifiedAt,
    email: authenticator.email,
    phoneNumber: authenticator.phoneNumber,
    webauthnCredential: authenticator.webauthnCredential && { ...authenticator.webauthnCredential },
  });
}
