// What the Client API keeps beyond the Server API's records: the challenges a user's own app
// opens (passkey ceremonies, sign-ins, authenticator app enrolments, push and magic links), each
// passkey's public key and counter, and each authenticator app's secret. The Server API's
// authenticators show none of these, as Authsignal's do not. Plain JSON data, like the rest.

/** What every Client API challenge records: the action it decides, once a user is known. */
interface ClientChallengeBase {
  challengeId: string;
  /** Known from the token; a sign-in by passkey learns it from the credential. */
  userId?: string;
  /** The action the challenge decides; absent for a passkey sign-in that named none. */
  actionCode?: string;
  idempotencyKey?: string;
  createdAt: string;
  /** Unix milliseconds. */
  expiresAt: number;
  /** When it was used: a challenge answers one verification, right or wrong. */
  usedAt?: string;
}

/** `POST /challenge`: a passkey sign-in that names its action before the user is known. */
export interface SignInChallenge extends ClientChallengeBase {
  kind: "sign-in";
}

/** The WebAuthn challenge of registration or authentication options, bound to them. */
export interface PasskeyCeremony extends ClientChallengeBase {
  kind: "passkey-registration" | "passkey-authentication";
  /** base64url, as the options carried it. */
  challenge: string;
}

/** An authenticator app being enrolled: its secret, until a code from it proves the app has it. */
export interface TotpEnrolment extends ClientChallengeBase {
  kind: "totp-enrolment";
  userId: string;
  secret: string;
  userAuthenticatorId: string;
}

/** A push to the user's device, which the test-only API approves or denies. */
export interface PushChallenge extends ClientChallengeBase {
  kind: "push";
  userId: string;
  answer?: "APPROVED" | "DENIED";
  /** When a verification read the answer: it is given once. */
  consumedAt?: string;
}

/** An emailed magic link, which the test-only API (or its link) opens. */
export interface MagicLinkChallenge extends ClientChallengeBase {
  kind: "magic-link";
  userId: string;
  email: string;
  /** The authenticator the link enrols, when it is an enrolment's. */
  enrolAuthenticatorId?: string;
  openedAt?: string;
}

export type ClientChallenge = SignInChallenge | PasskeyCeremony | TotpEnrolment | PushChallenge | MagicLinkChallenge;

/** A passkey's credential, by its ID: what verifying a sign-in needs. */
export interface StoredPasskey {
  credentialId: string;
  userId: string;
  userAuthenticatorId: string;
  /** base64url of the COSE public key. */
  publicKey: string;
  counter: number;
  /** base64url of the user handle the registration options gave (the user ID's UTF-8). */
  userHandle: string;
  transports?: string[];
  /** When it last verified a sign-in. */
  lastVerifiedAt?: string;
}

/** An authenticator app's secret, by its authenticator's ID. */
export interface StoredTotp {
  userAuthenticatorId: string;
  userId: string;
  /** base32 (RFC 4648). */
  secret: string;
  /** The last time step a code was accepted at: each step's code works once. */
  lastUsedStep?: number;
}
