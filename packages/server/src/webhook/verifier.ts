import { AuthsignalValidationError, checkSecretKey } from "@authsignal-ts/core";
import type { WebhookLogEventBatch } from "../generated/schema.ts";
import { AuthsignalWebhookError } from "./errors.ts";
import {
  computeSignature,
  importSigningKey,
  parseSignatureHeader,
  signaturesEqual,
  toBytes,
  type WebhookRawBody,
} from "./signature.ts";
import type { WebhookEvent } from "./types.ts";

/** The official SDKs' default: wide enough for clock skew and retries, narrow enough to stop replays. */
const DEFAULT_TOLERANCE_MINUTES = 5;

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
 * A verifier for one Server API secret key. The key is held only in this closure and imported
 * into Web Crypto once, on first use, then reused for every request.
 */
export function createWebhookVerifier(apiSecretKey: string): WebhookVerifier {
  checkSecretKey(apiSecretKey);
  let signingKey: Promise<CryptoKey> | undefined;
  const getSigningKey = () => {
    signingKey ??= importSigningKey(apiSecretKey).catch((error: unknown) => {
      signingKey = undefined; // let a later call retry instead of failing forever
      throw error;
    });
    return signingKey;
  };

  /** The verified body as a JSON object; its shape is checked by the caller. */
  async function verifiedPayload(
    rawBody: unknown,
    header: unknown,
    toleranceMinutes: unknown,
  ): Promise<Record<string, unknown>> {
    checkTolerance(toleranceMinutes);
    const body = toBytes(rawBody);
    const { timestamp, signatures } = parseSignatureHeader(header);
    if (toleranceMinutes > 0) {
      // Rounded like the official SDK, so both accept the same timestamps at the boundary.
      const skewSeconds = Math.abs(Math.round(Date.now() / 1000) - timestamp);
      if (skewSeconds > toleranceMinutes * 60) {
        throw new AuthsignalWebhookError(
          "timestamp_outside_tolerance",
          `The signature's timestamp is ${skewSeconds} seconds from now, more than the ${toleranceMinutes}-minute tolerance.`,
        );
      }
    }
    const expected = await computeSignature(await getSigningKey(), timestamp, body);
    // Every candidate is compared in full, so the time taken does not reveal which one matched.
    let matched = false;
    for (const candidate of signatures) matched = signaturesEqual(expected, candidate) || matched;
    if (!matched) {
      throw new AuthsignalWebhookError("signature_mismatch", "No v2 signature matches the body and secret key.");
    }
    return parseObject(typeof rawBody === "string" ? rawBody : decodeUtf8(body));
  }

  // Frozen, so no other code can swap the checks out of a shared verifier.
  return Object.freeze({
    async constructEvent(rawBody, signatureHeader, toleranceMinutes = DEFAULT_TOLERANCE_MINUTES) {
      const payload = await verifiedPayload(rawBody, signatureHeader, toleranceMinutes);
      if ("records" in payload) {
        throw invalidPayload("The body is a log event batch: use constructLogEventBatch.");
      }
      checkEnvelope(payload, "data");
      return payload as WebhookEvent;
    },
    async constructLogEventBatch(rawBody, signatureHeader, toleranceMinutes = DEFAULT_TOLERANCE_MINUTES) {
      const payload = await verifiedPayload(rawBody, signatureHeader, toleranceMinutes);
      const { records } = payload;
      if (!Array.isArray(records)) {
        throw invalidPayload("The body is not a log event batch: use constructEvent.");
      }
      for (const record of records) checkEnvelope(isObject(record) ? record : {}, "record");
      return payload as WebhookLogEventBatch;
    },
  } satisfies WebhookVerifier);
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

function checkTolerance(toleranceMinutes: unknown): asserts toleranceMinutes is number {
  if (typeof toleranceMinutes !== "number" || !Number.isFinite(toleranceMinutes) || toleranceMinutes < 0) {
    throw new AuthsignalValidationError("toleranceMinutes", "expected a number of minutes of 0 or more");
  }
}

function decodeUtf8(body: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    throw invalidPayload("The body is not valid UTF-8.");
  }
}

function parseObject(text: string): Record<string, unknown> {
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    // No cause: the parser's message quotes the body, which can hold OTP codes.
    throw invalidPayload("The body is not a JSON object.");
  }
  if (!isObject(payload)) throw invalidPayload("The body is not a JSON object.");
  return payload;
}

/** Checks the envelope fields every event has, so a handler never meets a half-formed event. */
function checkEnvelope(event: Record<string, unknown>, contentField: "data" | "record"): void {
  if (typeof event.version !== "number") throw invalidPayload('The event has no numeric "version".');
  for (const field of ["type", "id", "source", "time", "tenantId"]) {
    const value = event[field];
    if (typeof value !== "string" || value === "") throw invalidPayload(`The event has no "${field}".`);
  }
  if (!isObject(event[contentField])) throw invalidPayload(`The event has no "${contentField}" object.`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function invalidPayload(description: string): AuthsignalWebhookError {
  return new AuthsignalWebhookError("invalid_payload", description);
}
