// The X-Signature-V2 scheme: `t=<Unix seconds>,v2=<signature>[,v2=…]`, where each signature is the
// base64 HMAC-SHA256 of `<t>.<raw body>` keyed with the Server API secret, without `=` padding.
// Only Web Crypto is used, so this runs on Node ≥ 20, Bun, Deno, Workers and in browsers alike.
import { AuthsignalValidationError, checkSecretKey } from "@authsignal-ts/core";
import { AuthsignalWebhookError } from "./errors.ts";

/**
 * The request body exactly as received. Pass the raw bytes or text, never a parsed and
 * re-serialized object: a single changed byte breaks the signature.
 */
export type WebhookRawBody = string | ArrayBuffer | ArrayBufferView;

export interface SignatureHeader {
  timestamp: number;
  signatures: string[];
}

const encoder = new TextEncoder();

/** Imports the secret once as a non-extractable key, so the raw secret is not needed after this. */
export function importSigningKey(apiSecretKey: string): Promise<CryptoKey> {
  // Every runtime the package supports has Web Crypto as a global (Node from 19).
  return crypto.subtle.importKey("raw", encoder.encode(apiSecretKey), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
}

export function toBytes(rawBody: unknown): Uint8Array {
  if (typeof rawBody === "string") return encoder.encode(rawBody);
  // toString rather than instanceof, so buffers from another realm (vm, iframes) are accepted too.
  if (Object.prototype.toString.call(rawBody) === "[object ArrayBuffer]") return new Uint8Array(rawBody as ArrayBuffer);
  if (ArrayBuffer.isView(rawBody)) return new Uint8Array(rawBody.buffer, rawBody.byteOffset, rawBody.byteLength);
  // A body parser that ran first leaves an object, which can no longer be verified.
  throw new AuthsignalValidationError("rawBody", "expected the raw body as a string, Uint8Array or ArrayBuffer");
}

/**
 * Reads the header the way the official Node SDK does: comma-separated `key=value` items, each
 * value ending at its first `=` (which also drops base64 padding), the last `t` winning, unknown
 * keys and items without `=` ignored. Unlike it, spaces around keys and values are allowed, and a
 * `t` that is not plain digits is rejected instead of being read as `parseInt` would.
 */
export function parseSignatureHeader(header: unknown): SignatureHeader {
  if (typeof header !== "string" || header.trim() === "") {
    throw invalidHeader("The X-Signature-V2 header is missing or empty.");
  }
  let rawTimestamp: string | undefined;
  const signatures: string[] = [];
  for (const item of header.split(",")) {
    if (!item.includes("=")) continue;
    const [key = "", value = ""] = item.split("=").map((part) => part.trim());
    if (key === "t") rawTimestamp = value;
    else if (key === "v2" && value !== "") signatures.push(value);
  }
  if (rawTimestamp === undefined || !/^\d{1,15}$/.test(rawTimestamp)) {
    throw invalidHeader("The X-Signature-V2 header has no t= timestamp in Unix seconds.");
  }
  const timestamp = Number(rawTimestamp);
  if (signatures.length === 0) throw invalidHeader("The X-Signature-V2 header has no v2= signature.");
  return { timestamp, signatures };
}

/** The unpadded base64 HMAC of `<timestamp>.<body>`, as Authsignal computes it. */
export async function computeSignature(key: CryptoKey, timestamp: number, body: Uint8Array): Promise<string> {
  // The number is printed back rather than the header's text, as the official SDK does: `t=017`
  // signs `17.`.
  const prefix = encoder.encode(`${timestamp}.`);
  const message = new Uint8Array(prefix.length + body.length);
  message.set(prefix);
  message.set(body, prefix.length);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, message));
  return btoa(String.fromCharCode(...mac)).replace(/=+$/, "");
}

/**
 * Compares every character of `expected` whatever the candidate holds, so the time taken does not
 * reveal how long a prefix of a forged signature was right. The loop length depends only on
 * `expected`, which is always a 43-character digest.
 */
export function signaturesEqual(expected: string, candidate: string): boolean {
  let difference = expected.length ^ candidate.length;
  for (let index = 0; index < expected.length; index++) {
    difference |= expected.charCodeAt(index) ^ (index < candidate.length ? candidate.charCodeAt(index) : 0);
  }
  return difference === 0;
}

export interface SignWebhookPayloadOptions {
  /** The body you will send, exactly as you will send it. */
  payload: WebhookRawBody;
  /** The Server API secret key the receiver verifies with. */
  apiSecretKey: string;
  /** When the request was signed, as Unix seconds or a Date. Defaults to now. */
  timestamp?: number | Date;
}

/** What the exported `signWebhookPayload` runs, once verification.ts is loaded. */
export async function signWebhookPayload(options: SignWebhookPayloadOptions): Promise<string> {
  if (typeof options !== "object" || options === null) {
    throw new AuthsignalValidationError("options", "expected an object with payload and apiSecretKey");
  }
  const { payload, apiSecretKey, timestamp = new Date() } = options;
  checkSecretKey(apiSecretKey);
  const seconds = timestamp instanceof Date ? Math.floor(timestamp.getTime() / 1000) : timestamp;
  if (!Number.isSafeInteger(seconds) || seconds < 0) {
    throw new AuthsignalValidationError("timestamp", "expected whole Unix seconds ≥ 0, or a valid Date");
  }
  const signature = await computeSignature(await importSigningKey(apiSecretKey), seconds, toBytes(payload));
  return `t=${seconds},v2=${signature}`;
}

function invalidHeader(description: string): AuthsignalWebhookError {
  return new AuthsignalWebhookError("invalid_signature_header", description);
}
