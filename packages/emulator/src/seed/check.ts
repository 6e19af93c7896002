// The seed: a JSON file (or object) an emulator starts from and `reset()` returns to. The
// Management parts (tenant, action configurations, rules, …) are read by createManagementState;
// this file owns the rest and the check that no field is unknown.

import { seedSchemaId } from "../spec/own-schemas.ts";
import { describeErrors, ownValidator } from "../spec/validation.ts";
import type {
  AppClient,
  RiskSignals,
  StoredAction,
  StoredChallenge,
  StoredUser,
  UserAuthenticator,
  UserDevice,
} from "../state/server.ts";
import { checkSettings, type EmulatorSettings } from "../state/settings.ts";
import type { ManagementSeed } from "./management.ts";

/** A user as the seed gives it: the user's attributes, and authenticators in the spec's `UserAuthenticator` shape. */
export interface SeedUser extends Omit<StoredUser, "createdAt" | "authenticators" | "devices"> {
  /** `userAuthenticatorId` and `createdAt` are generated when left out. */
  authenticators?: (Omit<UserAuthenticator, "userAuthenticatorId" | "createdAt"> &
    Partial<Pick<UserAuthenticator, "userAuthenticatorId" | "createdAt">>)[];
  /** `createdAt` is generated when left out. */
  devices?: (Omit<UserDevice, "userId" | "createdAt"> & Partial<Pick<UserDevice, "createdAt">>)[];
  /**
   * Actions tracked before the seed's moment, so getAction and queryUserActions have history to
   * read. The times default to the emulator's start; the rest to an action with no rules run.
   */
  actions?: SeedAction[];
}

/** An action as the seed gives it: its code, key and state, and any of what Get Action reports. */
export type SeedAction = Pick<StoredAction, "actionCode" | "idempotencyKey" | "state"> &
  Partial<Omit<StoredAction, "userId" | "actionCode" | "idempotencyKey" | "state">>;

export interface EmulatorSeed extends ManagementSeed {
  /** The secret keys the emulator accepts; options given to createEmulator win over these. */
  secrets?: { server?: string; management?: string };
  settings?: Partial<EmulatorSettings>;
  /** The session API's app clients; their IDs become access tokens' `aud`. */
  appClients?: AppClient[];
  riskSignals?: RiskSignals;
  users?: SeedUser[];
  /**
   * OTP challenges in progress when the emulator starts, with the code they expect, so a test can
   * verify, claim or find a challenge by an ID it knows. `expiresAt` defaults to the OTP lifetime
   * from the emulator's start.
   */
  challenges?: SeedChallenge[];
}

/** A challenge as the seed gives it: the spec's fields of a challenge, and the code it was sent. */
export type SeedChallenge = Pick<StoredChallenge, "challengeId" | "verificationMethod" | "actionCode" | "code"> &
  Partial<Omit<StoredChallenge, "challengeId" | "verificationMethod" | "actionCode" | "code">>;

/** A seed that cannot be used; the message names the field. */
export class EmulatorSeedError extends Error {
  override readonly name = "EmulatorSeedError";
}

const ownKeys = ["secrets", "settings", "appClients", "riskSignals", "users", "challenges"];

/** Checks the emulator's own parts of a seed, and that every top-level field is known. */
export function checkSeed(seed: unknown, managementKeys: readonly string[]): EmulatorSeed {
  if (typeof seed !== "object" || seed === null || Array.isArray(seed)) {
    throw new EmulatorSeedError("seed must be a JSON object");
  }
  for (const key of Object.keys(seed)) {
    if (!ownKeys.includes(key) && !managementKeys.includes(key)) {
      throw new EmulatorSeedError(
        `seed has an unknown field "${key}" (known: ${[...managementKeys, ...ownKeys].join(", ")})`,
      );
    }
  }
  if (Object.keys(seed).length === 0) return {};
  const validateSeedShape = ownValidator(seedSchemaId);
  if (!validateSeedShape(seed)) throw new EmulatorSeedError(describeErrors("seed", validateSeedShape.errors));
  const { settings } = seed as EmulatorSeed;
  const problem = settings === undefined ? undefined : checkSettings(settings, "seed.settings");
  if (problem) throw new EmulatorSeedError(problem);
  for (const [index, user] of ((seed as EmulatorSeed).users ?? []).entries()) {
    if ((seed as EmulatorSeed).users?.findIndex((other) => other.userId === user.userId) !== index) {
      throw new EmulatorSeedError(`seed.users[${index}].userId "${user.userId}" appears twice`);
    }
  }
  return seed as EmulatorSeed;
}
