// Sessions: a validated token and an app client ID become an RS256 access token (sub = userId,
// aud = clientId, a `kid` the JWKS lists) and an opaque refresh token. Validation checks the
// signature, the expiry on the emulator's clock and revocation; refreshing revokes what came before.
import type { operations as Operations } from "@authsignal-ts/server";
import type { ApiContext } from "../../domain/context.ts";
import { EmulatorApiError } from "../../domain/errors.ts";
import { issuerOf, readAccessToken, signAccessToken } from "../../domain/tokens.ts";
import type { Frozen } from "../../state/frozen.ts";
import { entry } from "../../state/records.ts";
import type { StoredSession } from "../../state/server.ts";
import type { Handler } from "../handler.ts";
import { defined, findUser, invalidRequest, isoNow, ok } from "./common.ts";
import { actionForToken, isPassed } from "./validate.ts";

const issuer = (origin: string, context: ApiContext) => issuerOf(origin, context.state.management.tenant.tenantId);

function lifetimes(context: ApiContext, clientId: string) {
  const { appClients } = context.state.server;
  const { settings } = context.state.emulator;
  const client = entry(appClients, clientId);
  if (!client && !settings.acceptUnknownClientIds) invalidRequest(`No app client has the ID ${clientId}.`);
  return {
    accessMs: (client?.accessTokenLifetimeMinutes ?? settings.accessTokenLifetimeMinutes) * 60_000,
    refreshMs: (client?.refreshTokenLifetimeMinutes ?? settings.refreshTokenLifetimeMinutes) * 60_000,
  };
}

async function issue(
  context: ApiContext,
  origin: string,
  userId: string,
  clientId: string,
  verificationMethod: string | undefined,
) {
  const { accessMs, refreshMs } = lifetimes(context, clientId);
  const nowMs = context.now();
  const user = findUser(context, userId);
  const session: StoredSession = {
    sessionId: context.randomId(),
    userId,
    clientId,
    accessTokenId: context.randomId(),
    refreshToken: Array.from(crypto.getRandomValues(new Uint8Array(32)), (byte) =>
      byte.toString(16).padStart(2, "0"),
    ).join(""),
    accessTokenExpiresAt: nowMs + accessMs,
    refreshTokenExpiresAt: nowMs + refreshMs,
    ...defined({ verificationMethod }),
  };
  const accessToken = await signAccessToken(
    context,
    defined({
      iss: issuer(origin, context),
      sub: userId,
      aud: clientId,
      iat: Math.floor(nowMs / 1000),
      exp: Math.floor(session.accessTokenExpiresAt / 1000),
      jti: session.accessTokenId,
      sid: session.sessionId,
      email: user?.email,
      phone_number: user?.phoneNumber,
      username: user?.username,
      verificationMethod,
    }),
  );
  context.store.server.putSession(session);
  return { accessToken, refreshToken: session.refreshToken };
}

function invalidToken(): never {
  throw new EmulatorApiError(400, "invalid_request", "The access token is invalid, expired or revoked.");
}

/** The live session an access token belongs to, or a 400 (the live API's status here is a guess). */
async function sessionOf(context: ApiContext, accessToken: string): Promise<Frozen<StoredSession>> {
  const check = await readAccessToken(context, accessToken, context.now());
  if (!check.ok) invalidToken();
  const session = entry(context.state.server.sessions, String(check.claims.sid));
  if (!session || session.revokedAt !== undefined || session.accessTokenId !== check.claims.jti) invalidToken();
  return session;
}

export const createSession: Handler<Operations["createSession"]> = async (request, context) => {
  const { token, clientId, action: actionCode } = request.body;
  const found = await actionForToken(context, token);
  if (!found.ok) invalidRequest(`The token is not valid (${found.error}).`);
  if (actionCode !== undefined && actionCode !== found.action.actionCode) {
    invalidRequest(`The token is for the ${found.action.actionCode} action, not ${actionCode}.`);
  }
  if (!isPassed(context, found.action)) {
    invalidRequest(`The token's challenge has not succeeded (the action is ${found.action.state}).`);
  }
  return ok(await issue(context, request.origin, found.action.userId, clientId, found.action.verificationMethod));
};

export const validateSession: Handler<Operations["validateSession"]> = async (request, context) => {
  const { accessToken, clientIds } = request.body;
  const session = await sessionOf(context, accessToken);
  if (clientIds !== undefined && !clientIds.includes(session.clientId)) invalidToken();
  const user = findUser(context, session.userId);
  return ok(
    defined({
      user: defined({
        userId: session.userId,
        email: user?.email,
        emailVerified: user?.emailVerified,
        phoneNumber: user?.phoneNumber,
        phoneNumberVerified: user?.phoneNumberVerified,
        username: user?.username,
        displayName: user?.displayName,
        custom: user?.custom,
        locale: user?.locale,
      }),
      expiresAt: Math.floor(session.accessTokenExpiresAt / 1000),
      verificationMethod: session.verificationMethod,
    }),
  );
};

export const refreshSession: Handler<Operations["refreshSession"]> = async (request, context) => {
  const { refreshToken } = request.body;
  const session = Object.values(context.state.server.sessions).find(
    (candidate) => candidate.refreshToken === refreshToken,
  );
  // Revoked in the same call that checks it is live, so a refresh token refreshes once.
  if (
    !session ||
    session.refreshTokenExpiresAt <= context.now() ||
    !context.store.server.revokeSession(session.sessionId, isoNow(context))
  ) {
    invalidRequest("The refresh token is invalid, expired or revoked.");
  }
  return ok(await issue(context, request.origin, session.userId, session.clientId, session.verificationMethod));
};

export const revokeSession: Handler<Operations["revokeSession"]> = async (request, context) => {
  const session = await sessionOf(context, request.body.accessToken);
  context.store.server.revokeSession(session.sessionId, isoNow(context));
  return { status: 200 };
};

export const revokeUserSessions: Handler<Operations["revokeUserSessions"]> = (request, context) => {
  context.store.server.revokeUserSessions(request.body.userId, isoNow(context));
  return { status: 200 };
};
