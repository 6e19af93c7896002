// The Auth0 Actions helpers of @authsignal/node: a post-login Action that sends the user to an
// Authsignal challenge, and the handler that checks its result when Auth0 continues the login.
// Both take Auth0's `event` and `api` objects, untyped as in the official SDK.
import { Authsignal, DEFAULT_API_URL } from "./authsignal.ts";
import { UserActionState } from "./enums.ts";

const DEFAULT_ACTION = "auth0-login";

export interface ExecutePostLoginOptions {
  /** @default event.secrets.AUTHSIGNAL_SECRET */
  apiSecretKey?: string;
  /** Also the name the completed challenge is recorded under in the Auth0 session. */
  apiUrl?: string;
  /** @default event.user.user_id */
  userId?: string;
  /** @default "auth0-login" */
  action?: string;
  /** @default `https://${event.request.hostname}/continue` */
  redirectUrl?: string;
  custom?: { [key: string]: string };
  /** Appends `force_enrollment=true` to the challenge URL. */
  forceEnrollment?: boolean;
}

export interface ContinuePostLoginOptions {
  /** @default event.secrets.AUTHSIGNAL_SECRET */
  apiSecretKey?: string;
  apiUrl?: string;
  /** @default event.user.user_id */
  userId?: string;
  /** @default "auth0-login" */
  action?: string;
  /** @default "MFA challenge failed" */
  failureMessage?: string;
}

/**
 * For `exports.onExecutePostLogin`: tracks the login and redirects the user to the challenge when
 * one is required (or the user has no authenticator yet), or denies a blocked login. Skips
 * refresh-token exchanges, which cannot redirect, and sessions that already passed the challenge.
 */
// biome-ignore lint/suspicious/noExplicitAny: Auth0's event and api objects, typed by Auth0, not here.
export async function handleAuth0ExecutePostLogin(event: any, api: any, options: ExecutePostLoginOptions) {
  if (event.transaction?.protocol === "oauth2-refresh-token") return;
  const {
    apiSecretKey = event.secrets.AUTHSIGNAL_SECRET,
    apiUrl = DEFAULT_API_URL,
    userId = event.user.user_id,
    action = DEFAULT_ACTION,
    redirectUrl = `https://${event.request.hostname}/continue`,
    custom = {},
    forceEnrollment = false,
  } = options ?? {};
  const alreadyChallenged = event.authentication?.methods.some((method: { name: string }) => method.name === apiUrl);
  if (alreadyChallenged) return;

  const { isEnrolled, state, url } = await new Authsignal({ apiSecretKey, apiUrl }).track({
    userId,
    action,
    attributes: {
      redirectUrl,
      custom,
      email: event.user.email,
      ipAddress: event.request.ip,
      userAgent: event.request.user_agent,
      deviceId: event.request.query?.device_id,
    },
  });
  if (!isEnrolled || state === UserActionState.CHALLENGE_REQUIRED) {
    api.redirect.sendUserTo(forceEnrollment ? `${url}&force_enrollment=true` : url);
  } else if (state === UserActionState.BLOCK) {
    api.access.deny("Action blocked");
  }
}

/**
 * For `exports.onContinuePostLogin`: validates the challenge's token and records the method in
 * the Auth0 session, or denies the login when the challenge did not succeed for this action.
 */
// biome-ignore lint/suspicious/noExplicitAny: Auth0's event and api objects, typed by Auth0, not here.
export async function handleAuth0ContinuePostLogin(event: any, api: any, options: ContinuePostLoginOptions) {
  const {
    apiSecretKey = event.secrets.AUTHSIGNAL_SECRET,
    apiUrl = DEFAULT_API_URL,
    userId = event.user.user_id,
    action = DEFAULT_ACTION,
    failureMessage = "MFA challenge failed",
  } = options ?? {};
  const result = await new Authsignal({ apiSecretKey, apiUrl }).validateChallenge({
    token: event.request.query?.token,
    action,
    userId,
  });
  if (result.action === action && result.state === UserActionState.CHALLENGE_SUCCEEDED) {
    api.authentication.recordMethod(apiUrl);
  } else {
    api.access.deny(failureMessage);
  }
}
