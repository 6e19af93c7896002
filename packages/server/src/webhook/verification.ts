// The webhook checks themselves. verifier.ts loads this file on the first verification, so the
// many clients that never verify a webhook (the login path: track, challenge, validate) do not
// load or bundle it into their first chunk.
import { AuthsignalValidationError } from "@authsignal-ts/core";
import type { WebhookLogEventBatch } from "../generated/schema.ts";
import { AuthsignalWebhookError } from "./errors.ts";
import { computeSignature, importSigningKey, parseSignatureHeader, signaturesEqual, toBytes } from "./signature.ts";
import type { WebhookEvent } from "./types.ts";

export { signWebhookPayload } from "./signature.ts";

/** One verifier's secret, and its import into Web Crypto once the first request needs it. */
export interface VerifierState {
  readonly apiSecretKey: string;
  signingKey?: Promise<CryptoKey>;
}

function signingKeyOf(state: VerifierState): Promise<CryptoKey> {
  state.signingKey ??= importSigningKey(state.apiSecretKey).catch((error: unknown) => {
    state.signingKey = undefined; // let a later call retry instead of failing forever
    throw error;
  });
  return state.signingKey;
}

/** Verifies a request and checks it is one event (not a log batch). */
export async function constructEvent(
  state: VerifierState,
  rawBody: unknown,
  signatureHeader: unknown,
  toleranceMinutes: unknown,
): Promise<WebhookEvent> {
  const payload = await verifiedPayload(state, rawBody, signatureHeader, toleranceMinutes);
  if ("records" in payload) {
    throw invalidPayload("The body is a log event batch: use constructLogEventBatch.");
  }
  checkEnvelope(payload, "data");
  return payload as WebhookEvent;
}

export async function constructLogEventBatch(
  state: VerifierState,
  rawBody: unknown,
  signatureHeader: unknown,
  toleranceMinutes: unknown,
): Promise<WebhookLogEventBatch> {
  const payload = await verifiedPayload(state, rawBody, signatureHeader, toleranceMinutes);
  const { records } = payload;
  if (!Array.isArray(records)) {
    throw invalidPayload("The body is not a log event batch: use constructEvent.");
  }
  for (const record of records) checkEnvelope(isObject(record) ? record : {}, "record");
  return payload as WebhookLogEventBatch;
}

/** The verified body as a JSON object; its shape is checked by the caller. */
async function verifiedPayload(
  state: VerifierState,
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
  const expected = await computeSignature(await signingKeyOf(state), timestamp, body);
  // Every candidate is compared in full, so the time taken does not reveal which one matched.
  let matched = false;
  for (const candidate of signatures) matched = signaturesEqual(expected, candidate) || matched;
  if (!matched) {
    throw new AuthsignalWebhookError("signature_mismatch", "No v2 signature matches the body and secret key.");
  }
  return parseObject(typeof rawBody === "string" ? rawBody : decodeUtf8(body));
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
