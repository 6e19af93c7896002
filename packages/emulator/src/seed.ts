// The seed: a JSON file (or object) an emulator starts from and `reset()` returns to. The
// Management parts (tenant, action configurations, rules, …) are read by createManagementState;
// this file owns the rest and the check that no field is unknown.

import { specDocument } from "./core/spec.ts";
import { compileSchema, describeErrors } from "./core/validation.ts";
import type { ManagementSeed } from "./management/index.ts";
import type {
  AppClient,
  RiskSignals,
  StoredAction,
  StoredChallenge,
  StoredUser,
  UserAuthenticator,
  UserDevice,
} from "./server/state.ts";
import { checkSettings, type EmulatorSettings } from "./settings.ts";

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

type Properties = Record<string, unknown>;
const schemaProperties = (name: string): string[] =>
  Object.keys(
    (specDocument("server").components?.schemas as Record<string, { properties: Properties }> | undefined)?.[name]
      ?.properties ?? {},
  );
const byRef = (schema: string, names: string[]) =>
  Object.fromEntries(names.map((name) => [name, { $ref: `server#/components/schemas/${schema}/properties/${name}` }]));

const signals = {
  type: "object",
  additionalProperties: { type: "object", additionalProperties: { type: ["string", "number", "boolean", "null"] } },
};

// Built when a seed is first checked: it reads the Server spec.
const seedSchema = () => ({
  type: "object",
  properties: {
    secrets: {
      type: "object",
      additionalProperties: false,
      properties: { server: { type: "string", minLength: 1 }, management: { type: "string", minLength: 1 } },
    },
    settings: { type: "object" },
    appClients: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["clientId"],
        properties: {
          clientId: { type: "string", minLength: 1 },
          accessTokenLifetimeMinutes: { type: "number", exclusiveMinimum: 0 },
          refreshTokenLifetimeMinutes: { type: "number", exclusiveMinimum: 0 },
        },
      },
    },
    challenges: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["challengeId", "verificationMethod", "actionCode", "code"],
        properties: {
          challengeId: { type: "string", minLength: 1 },
          verificationMethod: { enum: ["SMS", "WHATSAPP", "EMAIL_OTP"] },
          phoneNumber: { type: "string" },
          email: { type: "string" },
          smsChannel: { enum: ["DEFAULT", "WHATSAPP"] },
          actionCode: { type: "string", minLength: 1 },
          idempotencyKey: { type: "string", minLength: 1 },
          userId: { type: "string", minLength: 1 },
          scope: { type: "string" },
          deviceId: { type: "string" },
          code: { type: "string", minLength: 1 },
          createdAt: { type: "string", format: "date-time" },
          expiresAt: { type: "integer" },
          failedAttempts: { type: "integer", minimum: 0 },
          verifiedAt: { type: "string", format: "date-time" },
          claimedByUserId: { type: "string" },
        },
      },
    },
    riskSignals: {
      type: "object",
      additionalProperties: false,
      properties: { ipAddresses: signals, deviceIds: signals, userAgents: signals },
    },
    users: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["userId"],
        properties: {
          userId: { type: "string", minLength: 1 },
          ...byRef("UpdateUserAttributes", schemaProperties("UpdateUserAttributes")),
          authenticators: {
            type: "array",
            items: {
              type: "object",
              additionalProperties: false,
              required: ["verificationMethod"],
              properties: byRef("UserAuthenticator", schemaProperties("UserAuthenticator")),
            },
          },
          actions: {
            type: "array",
            items: {
              type: "object",
              additionalProperties: false,
              required: ["actionCode", "idempotencyKey", "state"],
              properties: {
                actionCode: { type: "string", minLength: 1 },
                idempotencyKey: { type: "string", minLength: 1 },
                state: { $ref: "server#/components/schemas/UserActionState" },
                outcome: { enum: ["ALLOW", "BLOCK", "CHALLENGE", "REVIEW"] },
                createdAt: { type: "string", format: "date-time" },
                updatedAt: { type: "string", format: "date-time" },
                stateUpdatedAt: { type: "string", format: "date-time" },
                ruleIds: { type: "array", items: { type: "string" } },
                priorityRuleId: { type: "string" },
                rules: {
                  type: "array",
                  items: {
                    type: "object",
                    additionalProperties: false,
                    required: ["ruleId", "name"],
                    properties: {
                      ruleId: { type: "string" },
                      name: { type: "string" },
                      description: { type: "string" },
                    },
                  },
                },
                output: { type: "object" },
                allowedVerificationMethods: { type: "array", items: { type: "string" } },
                enrolledVerificationMethods: { type: "array", items: { type: "string" } },
                defaultVerificationMethod: { type: "string" },
                verificationMethod: { type: "string" },
                verifiedByAuthenticatorId: { type: "string" },
                ipAddress: { type: "string" },
                userAgent: { type: "string" },
                deviceId: { type: "string" },
                countryCode: { type: "string" },
                redirectUrl: { type: "string" },
              },
            },
          },
          devices: {
            type: "array",
            items: {
              type: "object",
              additionalProperties: false,
              required: ["deviceId"],
              properties: byRef("UserDevice", schemaProperties("UserDevice")),
            },
          },
        },
      },
    },
  },
});

let validateSeedShape: ReturnType<typeof compileSchema> | undefined;

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
  // Compiling the seed's schema is most of an empty emulator's start-up, so an empty seed skips it.
  if (Object.keys(seed).length === 0) return {};
  validateSeedShape ??= compileSchema(seedSchema());
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
