// The emulator's own schemas: the shapes of a seed and of an exported state (state-schema.ts),
// written over the specs' schemas. They are
// compiled at build time, not here: `pnpm generate` (scripts/codegen/generate-emulator.ts) calls
// ownSchemas with the bundled specs and writes a validator of each into generated/own-validators.js,
// beside the request validators and from the same Ajv options. At run time only the IDs below are
// read, to find a validator.

import {
  actionProperties,
  appClientSchema,
  authenticatorRequirements,
  byRef,
  challengeSchema,
  knownMethod,
  riskSignalsSchema,
  type SpecDocument,
  schemaProperties,
  stateSchema,
} from "./state-schema.ts";

type Schema = Record<string, unknown>;

/** The ID of the schema of a seed's Server part and its top-level fields (the Management part has its own). */
export const seedSchemaId = "seed#";

/** The ID of the schema of the whole state, which an import must match. */
export const stateSchemaId = "state#";

/**
 * The ID of a Management component schema a seed is written in. `closed` refuses fields the schema
 * does not list, in it and in every object it holds, where the spec leaves objects open (response
 * shapes such as Tenant are open, as the API may add fields, but a seed written in them should hear
 * about a misspelt field).
 */
export const managementSeedSchemaId = (name: string, kind: "open" | "closed" = "open") =>
  `${kind === "closed" ? "management-closed" : "management"}#/components/schemas/${name}`;

/** The Management component schemas a seed is checked against (management/seed.ts), and how. */
const managementSeedSchemas: [string, "open" | "closed"][] = [
  ["Tenant", "closed"],
  ["Theme", "closed"],
  ["CreateClassicActionConfigurationBody", "open"],
  ["CreateFlowActionConfigurationBody", "open"],
  ["UpdateActionFlowBody", "open"],
  ["CreateRuleBody", "open"],
  ["CreateValueListBody", "open"],
  ["CreateCustomDataPointBody", "open"],
  ["UpdateMessageOverridesBody", "open"],
  ...(["Sms", "EmailOtp", "Passkey", "Push"].map((method) => [
    `Create${method}AuthenticatorConfigurationBody`,
    "open",
  ]) as [string, "open"][]),
];

/** What the generator compiles: the documents beside the specs, the validators to write, the APIs whose properties handlers read. */
export function ownSchemas(specs: Record<"server" | "management", SpecDocument>) {
  return {
    documents: {
      seed: seedSchema(specs.server),
      state: stateSchema(specs.server),
      "management-closed": { components: closedComponents(specs.management.components) },
    },
    validators: [
      seedSchemaId,
      stateSchemaId,
      ...managementSeedSchemas.map(([name, kind]) => managementSeedSchemaId(name, kind)),
    ],
    componentProperties: ["management"],
  };
}

/**
 * A copy of the components in which every object schema that lists its properties and says nothing
 * of others refuses others.
 */
function closedComponents(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closedComponents);
  if (typeof node !== "object" || node === null) return node;
  const copy = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, closedComponents(value)]));
  const composed = "allOf" in copy || "anyOf" in copy || "oneOf" in copy;
  if (typeof copy.properties === "object" && !("additionalProperties" in copy) && !composed) {
    copy.additionalProperties = false;
  }
  return copy;
}

/**
 * The seed's Server part, its records sharing their fields with the state's schema and checked as
 * strictly as the API's requests check the same fields: known methods, and the phone number, email
 * or credential a method needs (checked after the fields themselves, so a misspelt field is named
 * first).
 */
function seedSchema(server: SpecDocument): Schema {
  const seedActionProperties = {
    ...Object.fromEntries(Object.entries(actionProperties).filter(([field]) => field !== "userId")),
    verificationMethod: knownMethod,
  };
  return {
    type: "object",
    properties: {
      secrets: {
        type: "object",
        additionalProperties: false,
        properties: { server: { type: "string", minLength: 1 }, management: { type: "string", minLength: 1 } },
      },
      settings: { type: "object" },
      appClients: { type: "array", items: appClientSchema },
      challenges: { type: "array", items: challengeSchema([]) },
      riskSignals: riskSignalsSchema,
      users: {
        type: "array",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["userId"],
          properties: {
            userId: { type: "string", minLength: 1 },
            ...byRef("UpdateUserAttributes", schemaProperties(server, "UpdateUserAttributes")),
            authenticators: {
              type: "array",
              items: {
                allOf: [
                  {
                    type: "object",
                    additionalProperties: false,
                    required: ["verificationMethod"],
                    properties: {
                      ...byRef("UserAuthenticator", schemaProperties(server, "UserAuthenticator")),
                      verificationMethod: knownMethod,
                    },
                  },
                  ...authenticatorRequirements,
                ],
              },
            },
            actions: {
              type: "array",
              items: {
                type: "object",
                additionalProperties: false,
                required: ["actionCode", "idempotencyKey", "state"],
                properties: seedActionProperties,
              },
            },
            devices: {
              type: "array",
              items: {
                type: "object",
                additionalProperties: false,
                required: ["deviceId"],
                properties: byRef("UserDevice", schemaProperties(server, "UserDevice")),
              },
            },
          },
        },
      },
    },
  };
}
