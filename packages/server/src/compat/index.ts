// `@authsignal-ts/server/compat`: the surface of `@authsignal/node` 2.x, so code written against it
// moves over by a change of import. Every name the official package exports is here: the
// `Authsignal` and `CallConnect` classes, `AuthsignalError`, the webhook verifier, the enums as
// values, the request and response types, and the Auth0 helpers.

export {
  type ContinuePostLoginOptions,
  type ExecutePostLoginOptions,
  handleAuth0ContinuePostLogin,
  handleAuth0ExecutePostLogin,
} from "./auth0.ts";
export { Authsignal } from "./authsignal.ts";
export {
  CallConnect,
  type FinishCallRequest,
  type FinishCallResponse,
  type StartCallRequest,
  type StartCallResponse,
} from "./call-connect.ts";
export {
  AuthScope,
  CallConnectMessageChannel,
  CallState,
  SmsChannel,
  UserActionState,
  VerificationFailureReason,
  VerificationMethod,
} from "./enums.ts";
export { AuthsignalError, mapToAuthsignalError } from "./errors.ts";
export type * from "./types.ts";
export { Webhook, type WebhookEvent, type WebhookEventData, type WebhookPayload } from "./webhook.ts";
