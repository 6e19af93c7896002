// Webhook verification as @authsignal/node does it, synchronously, with Node's crypto: the same
// header parsing (parseInt of the last `t`, each `v2` up to its first `=`), the same tolerance
// rule (minutes into the past only; 0, a negative number or NaN skip it), the same checks in the
// same order, and the same messages. The differential test in test/compat/ holds it to that
// against the official package on every input it generates. Two things differ, neither visible in
// a result: signatures are compared in constant time, and a header that is neither a string nor
// absent is "Signature format is invalid." where the official code throws a TypeError.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { WebhookEventMetadata } from "../generated/schema.ts";

/** The official SDK's default: a signature's timestamp may be up to 5 minutes old. */
const DEFAULT_TOLERANCE_MINUTES = 5;

/** The request body exactly as received. A `Buffer` works too, read as UTF-8, as in the official SDK. */
export type WebhookPayload = string;
export type WebhookEventData = Record<string, string>;
/** A verified event: its envelope, and `data` as the official SDK types it (parse it further yourself). */
export type WebhookEvent = WebhookEventMetadata & { type: string; data: WebhookEventData };

interface SignatureHeaderData {
  signatures: string[];
  timestamp: number;
}

// Not exported, as in the official SDK: callers test `instanceof Error` and the message.
class InvalidSignatureError extends Error {}

/** Verifies the `X-Signature-V2` header of requests Authsignal sends to your webhook endpoints. */
export class Webhook {
  // Private, so the key never shows in util.inspect or JSON.stringify of the client.
  readonly #apiSecretKey: string;

  constructor(apiSecretKey: string) {
    this.#apiSecretKey = apiSecretKey;
  }

  /** The Server API secret key the signatures are checked with. */
  get apiSecretKey(): string {
    return this.#apiSecretKey;
  }

  /**
   * Checks the signature and returns the parsed event; throws an `Error` when the header is
   * malformed ("Signature format is invalid."), older than `tolerance` ("Timestamp is outside the
   * tolerance zone.") or signed with another key ("Signature mismatch.").
   * @param payload the raw request body, never a parsed and re-serialized object.
   * @param signature the `X-Signature-V2` header.
   * @param tolerance how old the signature may be, in minutes; `-1` (or `0`) skips the check.
   */
  constructEvent(
    payload: WebhookPayload,
    signature: string,
    tolerance: number = DEFAULT_TOLERANCE_MINUTES,
  ): WebhookEvent {
    const { timestamp, signatures } = this.parseSignature(signature);
    const now = Math.round(Date.now() / 1000);
    if (tolerance > 0 && timestamp < now - tolerance * 60) {
      throw new InvalidSignatureError("Timestamp is outside the tolerance zone.");
    }
    const expected = Buffer.from(
      createHmac("sha256", this.#apiSecretKey)
        .update(`${timestamp}.${payload}`)
        .digest("base64")
        // The official SDK drops the first `=` only; a SHA-256 digest has exactly one.
        .replace("=", ""),
    );
    // Every candidate is compared, so the time taken does not say which one matched.
    let matched = false;
    for (const candidate of signatures) matched = sameSignature(expected, candidate) || matched;
    if (!matched) throw new InvalidSignatureError("Signature mismatch.");
    return JSON.parse(payload) as WebhookEvent;
  }

  /** Reads `t=<seconds>,v2=<signature>[,v2=…]` as the official SDK does. */
  parseSignature(value: string): SignatureHeaderData {
    const parsed: SignatureHeaderData = { timestamp: -1, signatures: [] };
    if (typeof value === "string") {
      for (const item of value.split(",")) {
        const [key, text] = item.split("=") as [string, string];
        if (key === "t") parsed.timestamp = Number.parseInt(text, 10);
        if (key === "v2") parsed.signatures.push(text);
      }
    }
    if (parsed.timestamp === -1 || parsed.signatures.length === 0) {
      throw new InvalidSignatureError("Signature format is invalid.");
    }
    return parsed;
  }
}

// `v2` without `=` leaves an undefined candidate, which matches nothing, as with `===`.
function sameSignature(expected: Buffer, candidate: string | undefined): boolean {
  if (typeof candidate !== "string") return false;
  const bytes = Buffer.from(candidate, "utf8");
  // The expected signature is ASCII, so equal bytes mean an equal string.
  return bytes.length === expected.length && timingSafeEqual(bytes, expected);
}
