// Passkeys' options: what the Client API hands a browser for navigator.credentials.create() and
// .get(), and the relying party and credential records they are made from. Verifying what comes
// back is passkeys.ts's.
import type {
  AuthenticatorTransportFuture,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";

// Loaded on first use: it brings ASN.1 and X.509 parsers for attestation, and only a tenant with
// passkeys needs them.
let webauthnModule: Promise<typeof import("@simplewebauthn/server")> | undefined;
export const webauthn = () => {
  webauthnModule ??= import("@simplewebauthn/server");
  return webauthnModule;
};

/** The tenant's relying party, from its passkey configuration (Management API: relyingParty, expectedOrigins, userVerificationRequirement, authenticatorAttachment). */
export interface RelyingParty {
  id: string;
  name: string;
  origins: readonly string[];
  userVerification: "preferred" | "required";
  authenticatorAttachment?: "platform" | "cross-platform";
}

/** A stored credential, as the emulator keeps it (JSON-serializable: strings and numbers only). */
export interface PasskeyCredentialRecord {
  /** base64url */
  credentialId: string;
  /** base64url of the COSE key */
  publicKey: string;
  counter: number;
  transports?: readonly string[];
  /** The Authsignal user. */
  userId: string;
  /** base64url of the user.id given at registration. */
  userHandle: string;
  aaguid?: string;
  backedUp?: boolean;
  deviceType?: "singleDevice" | "multiDevice";
}

// ES256 first, as platform authenticators make; EdDSA, and RS256 for Windows Hello. The same list
// bounds what a registration may bring, so a key is never of an algorithm the options left out.
export const algorithms: readonly number[] = [-7, -8, -257];

function descriptor(credential: PasskeyCredentialRecord) {
  const { credentialId: id, transports } = credential;
  return transports ? { id, transports: transports as AuthenticatorTransportFuture[] } : { id };
}

/**
 * Options for `navigator.credentials.create()`: a discoverable credential whose user.id is the
 * userId itself, so a sign-in without a token finds the user from the userHandle. `attachment`
 * overrides the relying party's; null asks for none.
 */
export async function registrationOptions(
  rp: RelyingParty,
  user: { userId: string; username: string; displayName: string },
  exclude: readonly PasskeyCredentialRecord[],
  attachment: "platform" | "cross-platform" | null | undefined = rp.authenticatorAttachment,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const { generateRegistrationOptions } = await webauthn();
  return generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userID: new TextEncoder().encode(user.userId),
    userName: user.username,
    userDisplayName: user.displayName,
    attestationType: "none",
    excludeCredentials: exclude.map(descriptor),
    authenticatorSelection: {
      residentKey: "required",
      userVerification: rp.userVerification,
      ...(attachment ? { authenticatorAttachment: attachment } : {}),
    },
    supportedAlgorithmIDs: [...algorithms],
  });
}

/** Options for `navigator.credentials.get()`; no `allow` lets the user pick any of their passkeys. */
export async function authenticationOptions(
  rp: RelyingParty,
  allow: readonly PasskeyCredentialRecord[],
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const { generateAuthenticationOptions } = await webauthn();
  return generateAuthenticationOptions({
    rpID: rp.id,
    userVerification: rp.userVerification,
    allowCredentials: allow.map(descriptor),
  });
}
