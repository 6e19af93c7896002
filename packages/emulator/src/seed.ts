// The seed: a JSON file (or object) an emulator starts from and `reset()` returns to. The
// Management parts (tenant, action configurations, rules, …) are read by createManagementState;
// this file owns the rest and the check that no field is unknown.

import { specDocument } from "./core/spec.ts";
import { compileSchema, describeErrors } from "./core/validation.ts";
import type { ManagementSeed } from "./management/index.ts";
import type { AppClient, RiskSignals, StoredUser, UserAuthenticator, UserDevice } from "./server/state.ts";
import { checkSettings, type EmulatorSettings } from "./settings.ts";

/** A user as the seed gives it: the user's attributes, and authenticators in the spec's `UserAuthenticator` shape. */
export interface SeedUser extends Omit<StoredUser, "createdAt" | "authenticators" | "devices"> {
  /** `userAuthenticatorId` and `createdAt` are generated when left out. */
  authenticators?: (Omit<UserAuthenticator, "userAuthenticatorId" | "createdAt"> &
    Partial<Pick<UserAuthenticator, "userAuthenticatorId" | "createdAt">>)[];
  /** `createdAt` is generated when left out. */
  devices?: (Omit<UserDevice, "userId" | "createdAt"> & Partial<Pick<UserDevice, "createdAt">>)[];
}

export interface EmulatorSeed extends ManagementSeed {
  /** The secret keys the emulator accepts; options given to createEmulator win over these. */
  secrets?: { server?: string; management?: string };
  settings?: Partial<EmulatorSettings>;
  /** The session API's app clients; their IDs become access tokens' `aud`. */
  appClients?: AppClient[];
  riskSignals?: RiskSignals;
  users?: SeedUser[];
}

/** A seed that cannot be used; the message names the field. */
export class EmulatorSeedError extends Error {
  override readonly name = "EmulatorSeedError";
}

const ownKeys = ["secrets", "settings", "appClients", "riskSignals", "users"];

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
