// A software passkey authenticator for tests that run without a browser: it answers WebAuthn
// options (their JSON form, as the Client API hands them out) with the credentials a platform
// authenticator would make, signed for real with a P-256 key (ES256), "none" attestation, and
// discoverable, so a sign-in with no allowed credentials still finds one. Each answer can be spoilt
// on purpose (another origin or RP ID, no user presence or verification, a counter gone back, a bad
// signature) to prove that a verifier refuses it. Its test checks it against @simplewebauthn/server.
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from "node:crypto";

/** WebAuthn's registration options in JSON form: what this authenticator reads of them. */
export interface CreationOptionsJSON {
  challenge: string;
  rp: { id?: string; name: string };
  user: { id: string; name: string; displayName: string };
  excludeCredentials?: { id: string }[];
}

/** WebAuthn's authentication options in JSON form: what this authenticator reads of them. */
export interface RequestOptionsJSON {
  challenge: string;
  rpId?: string;
  allowCredentials?: { id: string }[];
}

/** How to spoil an answer, to prove a verifier refuses it. */
export interface Spoilers {
  /** The origin written into the client data instead of the authenticator's. */
  origin?: string;
  /** The RP ID whose hash is written into the authenticator data instead of the options'. */
  rpId?: string;
  /** false: the user-present flag is not set. */
  userPresent?: boolean;
  /** false: the user-verified flag is not set. */
  userVerified?: boolean;
  /** The signature counter to report instead of the next one (the authenticator's own still advances). */
  counter?: number;
  /** The signature is not over what was signed (one byte of it flipped). */
  badSignature?: boolean;
  /** The client data's type (`webauthn.create` or `webauthn.get`) swapped for the other. */
  wrongType?: boolean;
}

export interface RegistrationResponseJSON {
  id: string;
  rawId: string;
  type: "public-key";
  authenticatorAttachment: "platform";
  clientExtensionResults: Record<string, never>;
  response: { clientDataJSON: string; attestationObject: string; transports: string[] };
}

export interface AuthenticationResponseJSON {
  id: string;
  rawId: string;
  type: "public-key";
  authenticatorAttachment: "platform";
  clientExtensionResults: Record<string, never>;
  response: { clientDataJSON: string; authenticatorData: string; signature: string; userHandle: string };
}

/** A credential the authenticator holds. */
export interface StoredCredential {
  id: string;
  rpId: string;
  userHandle: string;
  privateKey: KeyObject;
  /** The public key in COSE form, as the attestation carried it. */
  cosePublicKey: Uint8Array;
  counter: number;
}

const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest();

// The authenticator data's flags (WebAuthn §6.1).
const userPresentFlag = 0x01;
const userVerifiedFlag = 0x04;
const attestedCredentialFlag = 0x40;

/** CBOR (RFC 8949) of what WebAuthn's structures hold: maps, byte and text strings, integers. */
export function cbor(value: unknown): Buffer {
  const head = (major: number, length: number) => {
    if (length < 24) return Buffer.from([(major << 5) | length]);
    if (length < 0x100) return Buffer.from([(major << 5) | 24, length]);
    if (length < 0x10000) return Buffer.from([(major << 5) | 25, length >> 8, length & 0xff]);
    const bytes = Buffer.alloc(5);
    bytes[0] = (major << 5) | 26;
    bytes.writeUInt32BE(length, 1);
    return bytes;
  };
  if (typeof value === "number" && Number.isInteger(value)) {
    return value >= 0 ? head(0, value) : head(1, -1 - value);
  }
  if (typeof value === "string") {
    const text = Buffer.from(value, "utf8");
    return Buffer.concat([head(3, text.length), text]);
  }
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), value]);
  if (value instanceof Map) {
    const entries = [...value].flatMap(([key, item]) => [cbor(key), cbor(item)]);
    return Buffer.concat([head(5, value.size), ...entries]);
  }
  throw new TypeError(`cbor: cannot encode ${typeof value}`);
}

/** A P-256 public key as a COSE_Key (RFC 9053): EC2, ES256, its x and y. */
function coseKey(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: "jwk" });
  return cbor(
    new Map<number, unknown>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, Buffer.from(jwk.x as string, "base64url")],
      [-3, Buffer.from(jwk.y as string, "base64url")],
    ]),
  );
}

function flags(spoil: Spoilers, extra = 0): number {
  return (
    (spoil.userPresent === false ? 0 : userPresentFlag) | (spoil.userVerified === false ? 0 : userVerifiedFlag) | extra
  );
}

function counterBytes(counter: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(counter >>> 0);
  return bytes;
}

function clientData(type: "webauthn.create" | "webauthn.get", challenge: string, origin: string, spoil: Spoilers) {
  const other = type === "webauthn.create" ? "webauthn.get" : "webauthn.create";
  return Buffer.from(
    JSON.stringify({
      type: spoil.wrongType ? other : type,
      challenge,
      origin: spoil.origin ?? origin,
      crossOrigin: false,
    }),
  );
}

export interface SoftwareAuthenticator {
  /** The origin it writes into client data: the page's, as a browser would. */
  readonly origin: string;
  /** The credentials it holds, newest last. */
  readonly credentials: readonly StoredCredential[];
  /** A new discoverable credential for the options' RP and user. */
  register(options: CreationOptionsJSON, spoil?: Spoilers): RegistrationResponseJSON;
  /** An assertion by a credential the options allow (any for their RP, when they list none). */
  authenticate(options: RequestOptionsJSON, spoil?: Spoilers): AuthenticationResponseJSON;
}

/**
 * An authenticator on a page at `origin`. Without an RP ID in the options, the origin's host is
 * the RP ID, as browsers take it.
 */
export function createSoftwareAuthenticator(origin: string): SoftwareAuthenticator {
  const credentials: StoredCredential[] = [];
  const host = new URL(origin).hostname;
  return {
    origin,
    credentials,
    register(options, spoil = {}) {
      const rpId = options.rp.id ?? host;
      const excluded = new Set((options.excludeCredentials ?? []).map((credential) => credential.id));
      if (credentials.some((credential) => credential.rpId === rpId && excluded.has(credential.id))) {
        throw new Error("InvalidStateError: this authenticator already holds an excluded credential");
      }
      const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
      const id = randomBytes(16);
      const cosePublicKey = coseKey(publicKey);
      const counter = spoil.counter ?? 0;
      const authenticatorData = Buffer.concat([
        sha256(spoil.rpId ?? rpId),
        Buffer.from([flags(spoil, attestedCredentialFlag)]),
        counterBytes(counter),
        Buffer.alloc(16), // AAGUID: none, as "none" attestation reports it
        Buffer.from([id.length >> 8, id.length & 0xff]),
        id,
        cosePublicKey,
      ]);
      const attestationObject = cbor(
        new Map<string, unknown>([
          ["fmt", "none"],
          ["attStmt", new Map()],
          ["authData", authenticatorData],
        ]),
      );
      credentials.push({ id: base64url(id), rpId, userHandle: options.user.id, privateKey, cosePublicKey, counter });
      return {
        id: base64url(id),
        rawId: base64url(id),
        type: "public-key",
        authenticatorAttachment: "platform",
        clientExtensionResults: {},
        response: {
          clientDataJSON: base64url(clientData("webauthn.create", options.challenge, origin, spoil)),
          attestationObject: base64url(attestationObject),
          transports: ["internal", "hybrid"],
        },
      };
    },
    authenticate(options, spoil = {}) {
      const rpId = options.rpId ?? host;
      const allowed = new Set((options.allowCredentials ?? []).map((credential) => credential.id));
      const credential = credentials.findLast(
        (candidate) => candidate.rpId === rpId && (allowed.size === 0 || allowed.has(candidate.id)),
      );
      if (!credential) throw new Error(`NotAllowedError: no credential for ${rpId} that the options allow`);
      // A spoilt counter is only reported: the authenticator's own goes on, as a real one's would.
      credential.counter += 1;
      const authenticatorData = Buffer.concat([
        sha256(spoil.rpId ?? rpId),
        Buffer.from([flags(spoil)]),
        counterBytes(spoil.counter ?? credential.counter),
      ]);
      const clientDataJSON = clientData("webauthn.get", options.challenge, origin, spoil);
      const signature = sign(
        "sha256",
        Buffer.concat([authenticatorData, sha256(clientDataJSON)]),
        credential.privateKey,
      );
      if (spoil.badSignature)
        signature.writeUInt8(signature.readUInt8(signature.length - 1) ^ 0x01, signature.length - 1);
      return {
        id: credential.id,
        rawId: credential.id,
        type: "public-key",
        authenticatorAttachment: "platform",
        clientExtensionResults: {},
        response: {
          clientDataJSON: base64url(clientDataJSON),
          authenticatorData: base64url(authenticatorData),
          signature: base64url(signature),
          userHandle: credential.userHandle,
        },
      };
    },
  };
}
