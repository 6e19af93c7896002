// Passkeys (WebAuthn): the checks of what a browser sends back to the options passkey-options.ts
// made (re-exported here: the handlers import this one module), over @simplewebauthn/server. Pure:
// the handlers keep the challenges and the credentials. What a browser (or a test) posts may be
// anything, so a refusal is a value naming its reason for the API answer, never a throw.
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { algorithms, type PasskeyCredentialRecord, type RelyingParty, webauthn } from "./passkey-options.ts";

export {
  authenticationOptions,
  type PasskeyCredentialRecord,
  type RelyingParty,
  registrationOptions,
} from "./passkey-options.ts";

export type PasskeyRefusal =
  | "challenge"
  | "origin"
  | "rp_id"
  | "user_presence"
  | "user_verification"
  | "counter"
  | "signature"
  | "type"
  | "unknown_credential"
  | "malformed";

/** Why a response was refused, with a one-line sentence for the API answer. */
export interface PasskeyRefused {
  ok: false;
  reason: PasskeyRefusal;
  description: string;
}

type Ceremony = "registration" | "authentication";
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isBase64url = (value: unknown): value is string =>
  typeof value === "string" && /^[A-Za-z0-9_-]+={0,2}$/.test(value);
const unpadded = (value: string) => value.replace(/=+$/, "");
// Echoed values come from the caller: quoted, so a newline stays on the line, and cut short.
const quoted = (value: string) => JSON.stringify(value.length > 100 ? `${value.slice(0, 100)}…` : value);

const refuse = (reason: PasskeyRefusal, description: string): PasskeyRefused => ({ ok: false, reason, description });

/** The client data the browser wrote: read here, not only by the library, so refusals can quote it. */
interface ClientData {
  type: string;
  origin: string;
}

/**
 * The response, once it has the shape the library reads without tripping over it (or a sentence
 * on what is missing). Its contents are the library's to judge.
 */
function shapeOf(response: unknown, ceremony: Ceremony): { clientData: ClientData } | string {
  if (!isObject(response)) return "The response is not a WebAuthn credential object.";
  const { id, rawId, type, response: inner } = response;
  if (!isBase64url(id) || rawId !== id) return "The credential's id and rawId are not the same base64url string.";
  if (type !== "public-key") return 'The credential\'s type is not "public-key".';
  if (!isObject(inner)) return "The credential has no response object.";
  const fields =
    ceremony === "registration"
      ? ["clientDataJSON", "attestationObject"]
      : ["clientDataJSON", "authenticatorData", "signature"];
  const missing = fields.find((field) => !isBase64url(inner[field]));
  if (missing) return `The credential's response.${missing} is not a base64url string.`;
  if (ceremony === "authentication" && inner.userHandle != null && !isBase64url(inner.userHandle)) {
    return "The credential's response.userHandle is not a base64url string.";
  }
  if (ceremony === "registration" && inner.transports !== undefined) {
    const { transports } = inner;
    if (!Array.isArray(transports) || !transports.every((item) => typeof item === "string")) {
      return "The credential's response.transports is not a list of strings.";
    }
  }
  let clientData: unknown;
  try {
    clientData = JSON.parse(Buffer.from(inner.clientDataJSON as string, "base64url").toString("utf8"));
  } catch {
    return "The credential's client data is not JSON.";
  }
  if (!isObject(clientData) || !["type", "challenge", "origin"].every((key) => typeof clientData[key] === "string")) {
    return "The credential's client data lacks its type, challenge or origin.";
  }
  return { clientData: clientData as unknown as ClientData };
}

/**
 * The refusal for an error @simplewebauthn/server threw, read from its message (13.3.3 has no
 * error codes but the RP ID's). Anything else it throws is input it could not parse (CBOR, ASN.1,
 * a key that does not import).
 */
function refusalOf(error: unknown, ceremony: Ceremony, rp: RelyingParty, clientData: ClientData): PasskeyRefused {
  const message = error instanceof Error ? error.message : "";
  const name = error instanceof Error ? error.name : "";
  if (/^Unexpected (registration|authentication) response type/.test(message)) {
    const expected =
      ceremony === "registration" ? "a registration's is webauthn.create" : "a sign-in's is webauthn.get";
    return refuse("type", `The client data's type is ${quoted(clientData.type)}; ${expected}.`);
  }
  if (/^Unexpected (registration|authentication) response challenge/.test(message)) {
    return refuse("challenge", `The response answers another challenge than this ${ceremony}'s.`);
  }
  if (/^Unexpected (registration|authentication) response origin/.test(message)) {
    return refuse(
      "origin",
      `The response comes from the origin ${quoted(clientData.origin)}, not one of the relying party's (${rp.origins.join(", ")}).`,
    );
  }
  if (name === "UnexpectedRPIDHash") {
    return refuse("rp_id", `The authenticator data is for another relying party ID than "${rp.id}".`);
  }
  if (/^User (presence was required|not present)/.test(message)) {
    return refuse("user_presence", "The authenticator did not report the user as present.");
  }
  if (/^User verification (was )?required/.test(message)) {
    return refuse("user_verification", "The relying party requires user verification, and the user was not verified.");
  }
  if (/^Response counter value/.test(message)) {
    return refuse("counter", "The credential's signature counter did not go up: the passkey may have been cloned.");
  }
  if (/^Unexpected public key alg/.test(message)) {
    return refuse(
      "malformed",
      "The credential's public key is of an algorithm the registration options did not offer.",
    );
  }
  return refuse("malformed", `The response could not be read as a passkey ${ceremony}.`);
}

/** The credential an answer is from (base64url), to look its record up before verifying; undefined if it names none. */
export function credentialIdOf(response: unknown): string | undefined {
  return isObject(response) && isBase64url(response.id) ? unpadded(response.id) : undefined;
}

/** A registration response checked against the challenge handed out for it. */
export async function verifyRegistration(
  rp: RelyingParty,
  expectedChallenge: string,
  response: unknown,
): Promise<{ ok: true; credential: Omit<PasskeyCredentialRecord, "userId" | "userHandle"> } | PasskeyRefused> {
  const shape = shapeOf(response, "registration");
  if (typeof shape === "string") return refuse("malformed", shape);
  const { verifyRegistrationResponse } = await webauthn();
  let result: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    result = await verifyRegistrationResponse({
      response: response as RegistrationResponseJSON,
      expectedChallenge,
      expectedOrigin: [...rp.origins],
      expectedRPID: rp.id,
      requireUserPresence: true,
      requireUserVerification: rp.userVerification === "required",
      supportedAlgorithmIDs: [...algorithms],
    });
  } catch (error) {
    return refusalOf(error, "registration", rp, shape.clientData);
  }
  // Only an attestation with a signature (packed, TPM…) can come back unverified: "none" never does.
  if (!result.verified) return refuse("signature", "The credential's attestation signature does not verify.");
  const { credential, aaguid, credentialBackedUp, credentialDeviceType } = result.registrationInfo;
  return {
    ok: true,
    credential: {
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString("base64url"),
      counter: credential.counter,
      ...(credential.transports ? { transports: [...credential.transports] } : {}),
      aaguid,
      backedUp: credentialBackedUp,
      deviceType: credentialDeviceType,
    },
  };
}

/** An authentication response checked against its challenge and the credential it names. */
export async function verifyAuthentication(
  rp: RelyingParty,
  expectedChallenge: string,
  response: unknown,
  stored: PasskeyCredentialRecord,
): Promise<{ ok: true; newCounter: number } | PasskeyRefused> {
  const shape = shapeOf(response, "authentication");
  if (typeof shape === "string") return refuse("malformed", shape);
  const answer = response as AuthenticationResponseJSON;
  // The library takes the stored credential on trust: that it is the one that answered is ours to check.
  if (unpadded(answer.id) !== unpadded(stored.credentialId)) {
    return refuse("unknown_credential", "The response is from another credential than the one on record.");
  }
  const { userHandle } = answer.response;
  if (userHandle && unpadded(userHandle) !== unpadded(stored.userHandle)) {
    return refuse("unknown_credential", "The response's user handle is not that of the credential's user.");
  }
  const { verifyAuthenticationResponse } = await webauthn();
  let result: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    result = await verifyAuthenticationResponse({
      response: answer,
      expectedChallenge,
      expectedOrigin: [...rp.origins],
      expectedRPID: rp.id,
      credential: {
        id: stored.credentialId,
        // A copy in an ArrayBuffer of its own: the CBOR decoder reads `.buffer` from its start,
        // which a pooled Buffer's is not.
        publicKey: new Uint8Array(Buffer.from(stored.publicKey, "base64url")),
        counter: stored.counter,
      },
      requireUserVerification: rp.userVerification === "required",
    });
  } catch (error) {
    return refusalOf(error, "authentication", rp, shape.clientData);
  }
  if (!result.verified)
    return refuse("signature", "The response's signature does not verify with the credential's public key.");
  return { ok: true, newCounter: result.authenticationInfo.newCounter };
}
