// The tokens the emulator issues, signed with jose: track and challenge tokens (HS256 with a
// per-instance secret; Authsignal's are opaque to callers, only the emulator reads them back) and
// session access tokens (RS256 with a `kid`, as Authsignal's, checkable against the JWKS).
import type { JWTPayload } from "jose";

// Loaded on first use: jose is a good part of the emulator's start-up, and no request before the
// first track needs it.
let joseModule: Promise<typeof import("jose")> | undefined;
const jose = () => {
  joseModule ??= import("jose");
  return joseModule;
};

import type { Frozen } from "../state/frozen.ts";
import type { Store } from "../state/store.ts";
import type { EmulatorMeta, EmulatorState } from "../state/types.ts";
import { randomTokenId } from "./random.ts";

/** Where the signing keys are read and kept: a context's state and store. */
export interface KeyRing {
  readonly state: Frozen<EmulatorState>;
  readonly store: Store;
}

export interface ActionTokenClaims {
  sub: string;
  actionCode: string;
  idempotencyKey: string;
  scope?: string;
}

// Action tokens are HS256 JWTs signed here, synchronously: signing one with jose went through Web
// Crypto (a key import and a job on the thread pool per token), a fifth of what a track cost.
// Session tokens (RS256, rarer) stay with jose.
const { createHmac, hash, timingSafeEqual } = process.getBuiltinModule("node:crypto");
// A token's claims are encoded through one buffer kept for it, not a new one each time.
const scratch = Buffer.alloc(2048);
function base64url(text: string): string {
  if (text.length * 3 > scratch.length) return Buffer.from(text).toString("base64url");
  return scratch.toString("base64url", 0, scratch.write(text, 0, "utf8"));
}
const actionTokenHeader = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));

/**
 * A secret's HMAC-SHA256 pads (RFC 2104), each written once at the head of a buffer the message or
 * the inner digest is written after. Two one-shot hashes over them cost a third of what
 * createHmac did per token: it makes a key object and an Hmac object every time.
 */
interface HmacPads {
  secret: string;
  inner: Buffer;
  outer: Buffer;
}

const blockBytes = 64;
const messageRoom = 2048;
let pads: HmacPads | undefined;

function padsOf(secret: string): HmacPads {
  if (pads?.secret === secret) return pads;
  const given = Buffer.from(secret);
  const key = given.length > blockBytes ? hash("sha256", given, "buffer") : given;
  const inner = Buffer.alloc(blockBytes + messageRoom);
  const outer = Buffer.alloc(blockBytes + 32);
  for (let index = 0; index < blockBytes; index++) {
    inner[index] = (key[index] ?? 0) ^ 0x36;
    outer[index] = (key[index] ?? 0) ^ 0x5c;
  }
  pads = { secret, inner, outer };
  return pads;
}

/** HMAC-SHA256 of `message` (as UTF-8) under `secret`, as base64url. */
export function hmacSha256(secret: string, message: string): string {
  // Three bytes per UTF-16 unit is UTF-8's most, so a message within the room always fits whole.
  if (message.length * 3 > messageRoom) return createHmac("sha256", secret).update(message).digest("base64url");
  const { inner, outer } = padsOf(secret);
  const written = inner.write(message, blockBytes, "utf8");
  outer.write(hash("sha256", inner.subarray(0, blockBytes + written), "hex"), blockBytes, "hex");
  return hash("sha256", outer, "base64url");
}

function newActionTokenSecret(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}

function actionTokenSecret(ring: KeyRing): string {
  return (
    ring.state.emulator.keys.actionTokenSecret ?? ring.store.emulator.keepActionTokenSecret(newActionTokenSecret())
  );
}

export function signActionToken(
  ring: KeyRing,
  claims: ActionTokenClaims,
  nowMs: number,
  lifetimeMinutes: number,
): string {
  const iat = Math.floor(nowMs / 1000);
  const payload: ActionTokenClaims & { iat: number; exp: number; jti: string } = {
    sub: claims.sub,
    actionCode: claims.actionCode,
    idempotencyKey: claims.idempotencyKey,
    ...(claims.scope !== undefined && { scope: claims.scope }),
    iat,
    exp: iat + Math.round(lifetimeMinutes * 60),
    jti: randomTokenId(),
  };
  const signed = `${actionTokenHeader}.${base64url(JSON.stringify(payload))}`;
  return `${signed}.${hmacSha256(actionTokenSecret(ring), signed)}`;
}

export type TokenCheck<T> = { ok: true; claims: T } | { ok: false; reason: "invalid" | "expired" };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function decodedJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}

/**
 * Reads a token this emulator signed, on the emulator's clock; anything else is `invalid`: another
 * algorithm (`none` among them), a signature by another key, changed claims, no expiry.
 */
export async function readActionToken(
  ring: KeyRing,
  token: string,
  nowMs: number,
): Promise<TokenCheck<ActionTokenClaims & JWTPayload>> {
  const invalid = { ok: false, reason: "invalid" } as const;
  const parts = token.split(".");
  if (parts.length !== 3) return invalid;
  const [header, payload, signature] = parts as [string, string, string];
  if (!isObject(decodedJson(header)) || (decodedJson(header) as { alg?: unknown }).alg !== "HS256") return invalid;
  const expected = Buffer.from(hmacSha256(actionTokenSecret(ring), `${header}.${payload}`), "base64url");
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return invalid;
  const claims = decodedJson(payload);
  if (!isObject(claims) || typeof claims.exp !== "number") return invalid;
  if (claims.exp <= Math.floor(nowMs / 1000)) return { ok: false, reason: "expired" };
  return { ok: true, claims: claims as ActionTokenClaims & JWTPayload };
}

async function verify(
  token: string,
  key: Uint8Array | CryptoKey,
  nowMs: number,
  algorithms: string[],
): Promise<TokenCheck<JWTPayload>> {
  const { jwtVerify } = await jose();
  try {
    const { payload } = await jwtVerify(token, key, { algorithms, currentDate: new Date(nowMs) });
    return { ok: true, claims: payload };
  } catch (error) {
    return { ok: false, reason: (error as { code?: string }).code === "ERR_JWT_EXPIRED" ? "expired" : "invalid" };
  }
}

type SessionKey = NonNullable<EmulatorMeta["keys"]["session"]>;

async function newSessionKey(): Promise<SessionKey> {
  const { exportJWK, generateKeyPair } = await jose();
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const kid = crypto.randomUUID();
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  return { kid, privateJwk: { ...(await exportJWK(privateKey)), kid, alg: "RS256" }, publicJwk };
}

// The key being made for each state's keys. Making one awaits, so without this every request that
// came first, together, made and stored a key of its own, and tokens signed with all but the last
// stopped validating. A reset or an import brings a new `keys` object, and with it a new key.
const makingSessionKeys = new WeakMap<Frozen<EmulatorMeta["keys"]>, Promise<SessionKey>>();

/** The RS256 session key pair, made once on first use and kept in state so exported tokens stay valid. */
export function sessionKey(ring: KeyRing): Promise<SessionKey> {
  const { keys } = ring.state.emulator;
  if (keys.session) return Promise.resolve(keys.session as SessionKey);
  let making = makingSessionKeys.get(keys);
  if (!making) {
    making = newSessionKey().then((key) => ring.store.emulator.keepSessionKey(key));
    makingSessionKeys.set(keys, making);
  }
  return making;
}

export async function signAccessToken(ring: KeyRing, claims: JWTPayload): Promise<string> {
  const { kid, privateJwk } = await sessionKey(ring);
  const { importJWK, SignJWT } = await jose();
  const key = await importJWK(privateJwk, "RS256");
  return new SignJWT(claims).setProtectedHeader({ alg: "RS256", typ: "JWT", kid }).sign(key);
}

export async function readAccessToken(ring: KeyRing, token: string, nowMs: number): Promise<TokenCheck<JWTPayload>> {
  const { publicJwk } = await sessionKey(ring);
  const { importJWK } = await jose();
  return verify(token, (await importJWK(publicJwk, "RS256")) as CryptoKey, nowMs, ["RS256"]);
}

/** The issuer of session access tokens for a tenant: where its JWKS and OpenID configuration are served. */
export const issuerOf = (origin: string, tenantId: string | undefined): string =>
  `${origin}/v1/client/public/${tenantId ?? ""}`;
