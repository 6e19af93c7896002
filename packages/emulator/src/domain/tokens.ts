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

/** Where the signing keys are read and kept: a context's state and store. */
export interface KeyRing {
  readonly state: Frozen<EmulatorState>;
  readonly store: Store;
}

const encoder = new TextEncoder();

export interface ActionTokenClaims {
  sub: string;
  actionCode: string;
  idempotencyKey: string;
  scope?: string;
}

function newActionTokenSecret(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}

function hmacKey(ring: KeyRing): Uint8Array {
  const secret =
    ring.state.emulator.keys.actionTokenSecret ?? ring.store.emulator.keepActionTokenSecret(newActionTokenSecret());
  return encoder.encode(secret);
}

export async function signActionToken(
  ring: KeyRing,
  claims: ActionTokenClaims,
  nowMs: number,
  lifetimeMinutes: number,
): Promise<string> {
  const { SignJWT } = await jose();
  const iat = Math.floor(nowMs / 1000);
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt(iat)
    .setExpirationTime(iat + Math.round(lifetimeMinutes * 60))
    .setJti(crypto.randomUUID())
    .sign(hmacKey(ring));
}

export type TokenCheck<T> = { ok: true; claims: T } | { ok: false; reason: "invalid" | "expired" };

/** Reads a token this emulator signed, on the emulator's clock; anything else is `invalid`. */
export async function readActionToken(
  ring: KeyRing,
  token: string,
  nowMs: number,
): Promise<TokenCheck<ActionTokenClaims & JWTPayload>> {
  return verify(token, hmacKey(ring), nowMs, ["HS256"]) as Promise<TokenCheck<ActionTokenClaims & JWTPayload>>;
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
