// Users and everything that hangs off them, stored in the spec's own response shapes where one
// exists, so a read is a lookup. Plain JSON data: export is JSON.stringify.
import type { components } from "@authsignal-ts/server";
import type { ClientChallenge, StoredPasskey, StoredTotp } from "./client-api.ts";
import { records } from "./records.ts";

type Schemas = components["schemas"];

export type UserAuthenticator = Schemas["UserAuthenticator"];
export type UserDevice = Schemas["UserDevice"];
export type UserActionState = Schemas["UserActionState"];
export type CustomData = Schemas["CustomData"];

export interface StoredUser {
  userId: string;
  createdAt: string;
  email?: string;
  emailVerified?: boolean;
  phoneNumber?: string;
  phoneNumberVerified?: boolean;
  username?: string;
  displayName?: string;
  locale?: string;
  custom?: CustomData;
  defaultVerificationMethod?: string;
  authenticators: UserAuthenticator[];
  /** By deviceId, with no prototype (state/records.ts). */
  devices: Record<string, UserDevice>;
}

export interface StoredAction {
  userId: string;
  actionCode: string;
  idempotencyKey: string;
  /** The rules engine's decision, fixed for the action's life. */
  outcome: "ALLOW" | "BLOCK" | "CHALLENGE" | "REVIEW";
  state: UserActionState;
  createdAt: string;
  updatedAt: string;
  stateUpdatedAt: string;
  ruleIds: string[];
  priorityRuleId?: string;
  rules: { ruleId: string; name: string; description?: string }[];
  /** What the rules engine saw and decided, as Get Action's `output`. */
  output: Record<string, unknown>;
  allowedVerificationMethods: string[];
  enrolledVerificationMethods: string[];
  defaultVerificationMethod?: string;
  verificationMethod?: string;
  verifiedByAuthenticatorId?: string;
  ipAddress?: string;
  userAgent?: string;
  deviceId?: string;
  countryCode?: string;
  redirectUrl?: string;
  /** Track's `redirectToSettings`: the pre-built UI shows its settings screen after the challenge. */
  redirectToSettings?: boolean;
}

export interface StoredChallenge {
  challengeId: string;
  verificationMethod: "SMS" | "WHATSAPP" | "EMAIL_OTP";
  phoneNumber?: string;
  email?: string;
  smsChannel?: "DEFAULT" | "WHATSAPP";
  actionCode: string;
  idempotencyKey: string;
  userId?: string;
  scope?: string;
  deviceId?: string;
  code: string;
  createdAt: string;
  /** Unix milliseconds. */
  expiresAt: number;
  failedAttempts: number;
  verifiedAt?: string;
  claimedByUserId?: string;
  /** A Client API enrolment's: the authenticator a right code adds, with this ID. */
  enrolAuthenticatorId?: string;
}

export interface StoredSession {
  sessionId: string;
  userId: string;
  clientId: string;
  /** The access token's `jti`. */
  accessTokenId: string;
  refreshToken: string;
  /** Unix milliseconds. */
  accessTokenExpiresAt: number;
  refreshTokenExpiresAt: number;
  verificationMethod?: string;
  revokedAt?: string;
}

/** An app client of the session API: its ID becomes the access token's `aud`. */
export interface AppClient {
  clientId: string;
  accessTokenLifetimeMinutes?: number;
  refreshTokenLifetimeMinutes?: number;
}

/** Risk signals for one IP address, as rules read them under `ip.*`. */
export interface IpSignals {
  isAnonymous?: boolean;
  countryCode?: string;
  impossibleTravel?: boolean;
  atypicalTravel?: boolean;
  countryCodeInOfacList?: boolean;
  [signal: string]: unknown;
}

/** Risk signals for one device ID or user agent, as rules read them under `device.*`. */
export interface DeviceSignals {
  isBot?: boolean;
  [signal: string]: unknown;
}

/** The table tests stage risk with: what Authsignal would derive from an IP, a device or a user agent. */
export interface RiskSignals {
  ipAddresses?: Record<string, IpSignals>;
  deviceIds?: Record<string, DeviceSignals>;
  userAgents?: Record<string, DeviceSignals>;
}

/** Each record keyed by an ID has no prototype (state/records.ts): an ID is an opaque string. */
export interface ServerState {
  /** By userId. Deleting a user removes the record, so it reads back as never enrolled. */
  users: Record<string, StoredUser>;
  /**
   * By userId, then action code and idempotencyKey together (see common.ts). Kept apart from users:
   * deleting a user keeps them unless asked.
   */
  actions: Record<string, Record<string, StoredAction>>;
  /** By challengeId. */
  challenges: Record<string, StoredChallenge>;
  /** By challengeId: the Client API's passkey ceremonies, sign-ins, app enrolments, pushes and links. */
  clientChallenges: Record<string, ClientChallenge>;
  /** By credential ID: each passkey's public key and counter. */
  passkeys: Record<string, StoredPasskey>;
  /** By userAuthenticatorId: each authenticator app's secret. */
  totpSecrets: Record<string, StoredTotp>;
  /** By sessionId. */
  sessions: Record<string, StoredSession>;
  /** By clientId. */
  appClients: Record<string, AppClient>;
  riskSignals: RiskSignals;
}

export function createServerState(): ServerState {
  return {
    users: records(),
    actions: records(),
    challenges: records(),
    clientChallenges: records(),
    passkeys: records(),
    totpSecrets: records(),
    sessions: records(),
    appClients: records(),
    riskSignals: {},
  };
}
