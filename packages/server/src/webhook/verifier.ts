// What the package exports for webhooks, kept small: the checks themselves are in
// verification.ts, loaded on first use (it builds to a file of its own), so importing the package
// or creating a server client never loads them.
import { checkSecretKey } from "@authsignal-ts/core";
import type { WebhookLogEventBatch } from "../generated/schema.ts";
import type { SignWebhookPayloadOptions, WebhookRawBody } from "./signature.ts";
import type { WebhookEvent } from "./types.ts";
import type { VerifierState } from "./verification.ts";

/** The header Authsignal signs webhook requests with, lower-cased as `Headers.get` accepts it. */
export const WEBHOOK_SIGNATURE_HEADER = "x-signature-v2";

let verification: Promise<typeof import("./verification.ts")> | undefined;
const loadVerification = () => {
  verification ??= import("./verification.ts").catch((error: unknown) => {
    verification = undefined; // let a later call try again
    throw error;
  });
  return verification;
};

/**
 * Verifies webhook requests signed with one Server API secret key.
 *
 * `toleranceMinutes` (default 5) is how far the signature's timestamp may be from now, in the past
 * or the future, before the request is rejected as a possible replay. `0` turns the timestamp
 * check off, as in the official SDKs: use it only to re-process stored events. A negative or
 * non-finite tolerance is a programming error and rejects with `AuthsignalValidationError`.
 *
 * Every verification failure rejects with `AuthsignalWebhookError`; answer those with a 4xx.
 */
export interface WebhookVerifier {
  /**
   * Verifies the request and resolves to its event.
   * @param rawBody the request body exactly as received (`await request.text()`, or the raw `Buffer`).
   * @param signatureHeader the `X-Signature-V2` header (`request.headers.get("x-signature-v2")`).
   */
  constructEvent(
    rawBody: WebhookRawBody,
    signatureHeader: string | null | undefined,
    toleranceMinutes?: number,
  ): Promise<WebhookEvent>;
  /** Verifies a log events delivery (`action.log_created`, `challenge.log_created`) and resolves to its batch. */
  constructLogEventBatch(
    rawBody: WebhookRawBody,
    signatureHeader: string | null | undefined,
    toleranceMinutes?: number,
  ): Promise<WebhookLogEventBatch>;
}

/**
 * A verifier for one Server API secret key. The key is held only in this closure (and the state
 * verification.ts caches its Web Crypto import in, on first use).
 */
export function createWebhookVerifier(apiSecretKey: string): WebhookVerifier {
  checkSecretKey(apiSecretKey);
  const state: VerifierState = { apiSecretKey };
  // A tolerance of 5 minutes, the official SDKs' default, is wide enough for clock skew and
  // retries and narrow enough to stop replays.
  const verify =
    <Name extends keyof WebhookVerifier>(name: Name) =>
    async (rawBody: WebhookRawBody, signatureHeader: string | null | undefined, toleranceMinutes = 5) =>
      (await loadVerification())[name](state, rawBody, signatureHeader, toleranceMinutes);
  // Frozen, so no other code can swap the checks out of a shared verifier.
  return Object.freeze({
    constructEvent: verify("constructEvent"),
    constructLogEventBatch: verify("constructLogEventBatch"),
  }) as WebhookVerifier;
}

/** Verifies one request without keeping a verifier; prefer `createWebhookVerifier` on hot paths. */
export async function constructWebhookEvent(
  apiSecretKey: string,
  rawBody: WebhookRawBody,
  signatureHeader: string | null | undefined,
  toleranceMinutes?: number,
): Promise<WebhookEvent> {
  return createWebhookVerifier(apiSecretKey).constructEvent(rawBody, signatureHeader, toleranceMinutes);
}

/** Verifies one log events delivery without keeping a verifier. */
export async function constructWebhookLogEventBatch(
  apiSecretKey: string,
  rawBody: WebhookRawBody,
  signatureHeader: string | null | undefined,
  toleranceMinutes?: number,
): Promise<WebhookLogEventBatch> {
  return createWebhookVerifier(apiSecretKey).constructLogEventBatch(rawBody, signatureHeader, toleranceMinutes);
}

/**
 * Signs a payload as Authsignal does and returns the full `X-Signature-V2` header value, for
 * testing your own webhook handlers.
 */
export async function signWebhookPayload(options: SignWebhookPayloadOptions): Promise<string> {
  return (await loadVerification()).signWebhookPayload(options);
}
