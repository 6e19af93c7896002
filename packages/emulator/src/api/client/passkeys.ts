// Passkeys from the user's own app, verified for real (domain/passkeys.ts): registration options
// and their verification for the token's user; a sign-in's challenge, options and verification,
// with the token or, before the user is known, the tenant ID, the credential naming the user
// (discoverable credentials). Each ceremony's WebAuthn challenge is bound to the options that
// carried it and answers one verification. A refusal is a 400 with the SDK's `invalid_credential`
// or `unknown_credential`, and leaves the action as it was, for another try with new options.
import type { operations as Operations } from "@authsignal-ts/client";
import type { ApiContext } from "../../domain/context.ts";
import {
  authenticationOptions,
  credentialIdOf,
  registrationOptions,
  verifyAuthentication,
  verifyRegistration,
} from "../../domain/passkeys.ts";
import type { ClientChallenge, PasskeyCeremony, StoredPasskey } from "../../state/client-api.ts";
import type { Frozen } from "../../state/frozen.ts";
import { entry } from "../../state/records.ts";
import type { Handler } from "../handler.ts";
import { addAuthenticator } from "../server/authenticators.ts";
import { actionAt } from "../server/challenges.ts";
import { defined, findUser, isoNow, notFound, ok } from "../server/common.ts";
import {
  clientAuthenticator,
  clientChallengeLifetimeMs,
  invalid,
  passed,
  requireEnrolmentScope,
  requireMethod,
} from "./common.ts";
import { relyingParty } from "./relying-party.ts";

/** The action a passkey sign-in decides when it named none (no `challenge` first): a documented guess. */
export const passkeySignInAction = "signInWithPasskey";

function refuse(description: string, code = "invalid_credential"): never {
  invalid(description, code);
}

/**
 * Options as JSON: the library types their extensions as WebAuthn's interface, which has no index
 * signature, and the spec as an object of any extensions; both are the same JSON.
 */
const asJson = <Options extends { extensions?: object }>(options: Options) =>
  options as Options & { extensions?: Record<string, unknown> };

const passkeysOf = (context: ApiContext, userId: string): Frozen<StoredPasskey>[] =>
  Object.values(context.state.server.passkeys).filter((passkey) => passkey.userId === userId);

function newCeremony(
  context: ApiContext,
  kind: PasskeyCeremony["kind"],
  challenge: string,
  named: Pick<ClientChallenge, "userId" | "actionCode" | "idempotencyKey">,
  challengeId = context.randomId(),
): Frozen<PasskeyCeremony> {
  return context.store.server.startCeremony({
    kind,
    challengeId,
    challenge,
    ...defined(named),
    createdAt: isoNow(context),
    expiresAt: context.now() + clientChallengeLifetimeMs,
  });
}

/** The ceremony a verification answers, used up by it: by its ID, or the action's newest of `kind`. */
function useCeremony(
  context: ApiContext,
  kind: PasskeyCeremony["kind"],
  challengeId: string | undefined,
  action?: { userId: string; actionCode: string; idempotencyKey: string },
): Frozen<PasskeyCeremony> {
  let id = challengeId;
  if (id === undefined && action) {
    const candidates = Object.values(context.state.server.clientChallenges).filter(
      (candidate) =>
        candidate.kind === kind &&
        candidate.usedAt === undefined &&
        candidate.userId === action.userId &&
        candidate.actionCode === action.actionCode &&
        candidate.idempotencyKey === action.idempotencyKey,
    );
    id = candidates.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]?.challengeId;
  }
  if (id === undefined) refuse("challengeId is required: pass the one the options answered with.", "invalid_request");
  const found = entry(context.state.server.clientChallenges, id);
  if (found?.kind !== kind) refuse(`No passkey ${kind.slice("passkey-".length)} options have the challenge ID ${id}.`);
  if (found.userId !== undefined && action !== undefined && found.userId !== action.userId) {
    refuse("The challenge was handed out to another user.");
  }
  const used = context.store.server.useClientChallenge(id, isoNow(context), context.now());
  if (!used) refuse("The challenge was used or has expired: ask for new options.");
  return used as Frozen<PasskeyCeremony>;
}

export const challenge: Handler<Operations["challenge"]> = (request, context) => {
  const { action, idempotencyKey } = request.body;
  const created = context.store.server.putClientChallenge({
    kind: "sign-in",
    challengeId: context.randomId(),
    actionCode: action,
    idempotencyKey: idempotencyKey ?? context.randomId(),
    createdAt: isoNow(context),
    expiresAt: context.now() + clientChallengeLifetimeMs,
  });
  return ok({ challengeId: created.challengeId });
};

export const passkeyRegistrationOptions: Handler<Operations["passkeyRegistrationOptions"]> = async (
  request,
  context,
) => {
  requireMethod(context, "PASSKEY");
  const action = requireEnrolmentScope(context, request);
  const body = request.body ?? {};
  const user = findUser(context, action.userId);
  const username = body.username ?? user?.username ?? user?.email ?? action.userId;
  const options = await registrationOptions(
    relyingParty(context),
    { userId: action.userId, username, displayName: body.displayName ?? user?.displayName ?? username },
    passkeysOf(context, action.userId),
    body.authenticatorAttachment,
  );
  const ceremony = newCeremony(context, "passkey-registration", options.challenge, action);
  return ok({ challengeId: ceremony.challengeId, options: asJson(options) });
};

export const addPasskeyAuthenticator: Handler<Operations["addPasskeyAuthenticator"]> = async (request, context) => {
  requireMethod(context, "PASSKEY");
  const action = requireEnrolmentScope(context, request);
  const { registrationCredential, challengeId } = request.body;
  const ceremony = useCeremony(context, "passkey-registration", challengeId, action);
  const rp = relyingParty(context, registrationCredential);
  const verified = await verifyRegistration(rp, ceremony.challenge, registrationCredential);
  if (!verified.ok) refuse(verified.description);
  const { credential } = verified;
  if (entry(context.state.server.passkeys, credential.credentialId)) refuse("The passkey is already registered.");
  const authenticator = await addAuthenticator(context, action.userId, {
    verificationMethod: "PASSKEY",
    webauthnCredential: defined({
      credentialId: credential.credentialId,
      deviceId: "",
      name: "Passkey",
      aaguid: credential.aaguid,
      credentialBackedUp: credential.backedUp,
      credentialDeviceType: credential.deviceType,
      authenticatorAttachment: registrationCredential.authenticatorAttachment ?? undefined,
    }),
  });
  context.store.server.putPasskey(
    defined({
      credentialId: credential.credentialId,
      userId: action.userId,
      userAuthenticatorId: authenticator.userAuthenticatorId,
      publicKey: credential.publicKey,
      counter: credential.counter,
      userHandle: Buffer.from(action.userId).toString("base64url"),
      transports: credential.transports && [...credential.transports],
    }),
  );
  const accessToken = await passed(context, action, "PASSKEY", authenticator.userAuthenticatorId);
  return ok({
    isVerified: true,
    accessToken,
    userAuthenticatorId: authenticator.userAuthenticatorId,
    userId: action.userId,
    userAuthenticator: clientAuthenticator(authenticator),
  });
};

export const getPasskeyAuthenticator: Handler<Operations["getPasskeyAuthenticator"]> = (request, context) => {
  for (const credentialId of request.query.credentialIds) {
    const passkey = entry(context.state.server.passkeys, credentialId);
    if (!passkey) continue;
    const authenticator = findUser(context, passkey.userId)?.authenticators.find(
      (candidate) => candidate.userAuthenticatorId === passkey.userAuthenticatorId,
    );
    const verifiedAt = passkey.lastVerifiedAt ?? authenticator?.verifiedAt ?? authenticator?.createdAt;
    return ok({ credentialId, verifiedAt: verifiedAt ?? isoNow(context) });
  }
  return notFound("None of the credentials is a passkey of this tenant.");
};

export const passkeyAuthenticationOptions: Handler<Operations["passkeyAuthenticationOptions"]> = async (
  request,
  context,
) => {
  requireMethod(context, "PASSKEY");
  const { principal } = request;
  const rp = relyingParty(context);
  if (principal?.kind === "token") {
    const { action } = principal;
    const options = await authenticationOptions(rp, passkeysOf(context, action.userId));
    return ok({
      challengeId: newCeremony(context, "passkey-authentication", options.challenge, action).challengeId,
      options: asJson(options),
    });
  }
  // Before the user is known: any discoverable credential of the tenant's, for the action the
  // sign-in's challenge named, whose ID the ceremony keeps.
  const options = await authenticationOptions(rp, []);
  const signInId = request.body?.challengeId;
  if (signInId === undefined) {
    return ok({
      challengeId: newCeremony(context, "passkey-authentication", options.challenge, {}).challengeId,
      options: asJson(options),
    });
  }
  const signIn = entry(context.state.server.clientChallenges, signInId);
  if (signIn?.kind !== "sign-in" || signIn.usedAt !== undefined || context.now() >= signIn.expiresAt) {
    invalid(`No sign-in challenge ${signInId} is open: start one with POST /challenge.`);
  }
  const named = { actionCode: signIn.actionCode, idempotencyKey: signIn.idempotencyKey };
  return ok({
    challengeId: newCeremony(context, "passkey-authentication", options.challenge, named, signInId).challengeId,
    options: asJson(options),
  });
};

export const verifyPasskey: Handler<Operations["verifyPasskey"]> = async (request, context) => {
  requireMethod(context, "PASSKEY");
  const { authenticationCredential, challengeId } = request.body;
  const token = request.principal?.kind === "token" ? request.principal.action : undefined;
  const ceremony = useCeremony(context, "passkey-authentication", challengeId, token);
  const credentialId = credentialIdOf(authenticationCredential);
  const stored = credentialId === undefined ? undefined : entry(context.state.server.passkeys, credentialId);
  if (!stored) refuse("The passkey is not registered with this tenant.", "unknown_credential");
  if (token && stored.userId !== token.userId) refuse("The passkey is another user's.");
  const rp = relyingParty(context, authenticationCredential);
  const verified = await verifyAuthentication(rp, ceremony.challenge, authenticationCredential, stored);
  if (!verified.ok)
    refuse(
      verified.description,
      verified.reason === "unknown_credential" ? "unknown_credential" : "invalid_credential",
    );
  if (!context.store.server.advancePasskey(stored.credentialId, verified.newCounter, isoNow(context))) {
    refuse("The passkey's signature counter did not advance: the response may be a copy.");
  }
  const action =
    token ??
    actionAt(
      context,
      {
        userId: stored.userId,
        actionCode: ceremony.actionCode ?? passkeySignInAction,
        idempotencyKey: ceremony.idempotencyKey ?? context.randomId(),
      },
      "PASSKEY",
    );
  const accessToken = await passed(context, action, "PASSKEY", stored.userAuthenticatorId);
  const user = findUser(context, stored.userId);
  return ok(
    defined({
      isVerified: true,
      accessToken,
      userId: stored.userId,
      userAuthenticatorId: stored.userAuthenticatorId,
      username: user?.username ?? user?.email,
      userDisplayName: user?.displayName,
    }),
  );
};
