// The JSON Schema of the emulator's state (EmulatorState), which an import must match as a whole
// before it replaces anything (state/check.ts adds what a schema cannot say: keys that are IDs,
// rule limits, the clock). Its records are the specs' own shapes where the API answers with them;
// the rest, the emulator's bookkeeping, is described here. A seed's records share their fields.
// Like the seed's schema, it is compiled at build time (own-schemas.ts lists it): these are
// functions of the bundled specs, and nothing here is built when the emulator runs.

type Schema = Record<string, unknown>;

const serverSchema = (name: string): Schema => ({ $ref: `server#/components/schemas/${name}` });
const management = (name: string): Schema => ({ $ref: `management#/components/schemas/${name}` });
const text = { type: "string" };
const id = { type: "string", minLength: 1 };
const dateTime = { type: "string", format: "date-time" };
const count = { type: "integer", minimum: 0 };
const strings = { type: "array", items: text };
export const knownMethod = serverSchema("KnownVerificationMethod");
const knownMethods = { type: "array", items: knownMethod };
/** A record keyed by ID, each entry in the shape `entry`. */
const recordOf = (entry: Schema): Schema => ({ type: "object", additionalProperties: entry });
/** JSON Schema's `if`/`then`: where `condition` holds, `consequence` must too. */
const when = (condition: Schema, consequence: Schema): Schema => ({
  if: condition,
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema's keyword, not a promise's
  then: consequence,
});
const object = (properties: Schema, required: string[] = []): Schema => ({
  type: "object",
  additionalProperties: false,
  required,
  properties,
});

/** The fields a channel needs, as the API's requests require them: a phone for SMS, an email for email. */
const methodIs = (methods: string[]): Schema => ({
  required: ["verificationMethod"],
  properties: { verificationMethod: { enum: methods } },
});
const channelRequirements: Schema[] = [
  when(methodIs(["SMS", "WHATSAPP"]), { required: ["phoneNumber"] }),
  when(methodIs(["EMAIL_OTP", "EMAIL_MAGIC_LINK"]), { required: ["email"] }),
];

/**
 * What an authenticator needs as the API enrolls one, beyond its fields' own shapes: a phone
 * number, an email or a credential, as its method says.
 */
export const authenticatorRequirements: Schema[] = [
  ...channelRequirements,
  when(methodIs(["PASSKEY"]), { required: ["webauthnCredential"] }),
];

/** A stored authenticator: the spec's UserAuthenticator, of a known method, with what its method needs. */
const storedAuthenticator: Schema = {
  allOf: [serverSchema("UserAuthenticator"), ...authenticatorRequirements],
  type: "object",
  required: ["userAuthenticatorId", "verificationMethod", "createdAt"],
  properties: { verificationMethod: knownMethod },
};

/** The fields of an action the emulator keeps, as Get Action reports them. */
export const actionProperties: Schema = {
  userId: id,
  actionCode: id,
  idempotencyKey: id,
  state: serverSchema("UserActionState"),
  outcome: { enum: ["ALLOW", "BLOCK", "CHALLENGE", "REVIEW"] },
  createdAt: dateTime,
  updatedAt: dateTime,
  stateUpdatedAt: dateTime,
  ruleIds: strings,
  priorityRuleId: text,
  rules: { type: "array", items: object({ ruleId: text, name: text, description: text }, ["ruleId", "name"]) },
  output: { type: "object" },
  // The tenant's settings and the test-only API's completeAction may name any method; a seed may not.
  allowedVerificationMethods: strings,
  enrolledVerificationMethods: knownMethods,
  defaultVerificationMethod: knownMethod,
  verificationMethod: text,
  verifiedByAuthenticatorId: text,
  ipAddress: text,
  userAgent: text,
  deviceId: text,
  countryCode: text,
  redirectUrl: text,
  redirectToSettings: { type: "boolean" },
};

/** An OTP challenge: a server-side method, and the phone number or email it was sent to. */
export const challengeSchema = (required: string[]): Schema => ({
  // The fields first, so a misspelt one is named before the phone number or email it was meant to be.
  allOf: [
    object(
      {
        challengeId: id,
        verificationMethod: serverSchema("ChallengeVerificationMethod"),
        phoneNumber: serverSchema("PhoneNumber"),
        email: { type: "string", format: "email" },
        smsChannel: { enum: ["DEFAULT", "WHATSAPP"] },
        actionCode: id,
        idempotencyKey: id,
        userId: id,
        scope: text,
        deviceId: text,
        code: { type: "string", pattern: "^\\d{2,10}$" },
        createdAt: dateTime,
        expiresAt: { type: "integer" },
        failedAttempts: count,
        verifiedAt: dateTime,
        claimedByUserId: text,
        enrolAuthenticatorId: id,
      },
      ["challengeId", "verificationMethod", "actionCode", "code", ...required],
    ),
    ...channelRequirements,
  ],
});

export const appClientSchema = object(
  {
    clientId: id,
    accessTokenLifetimeMinutes: { type: "number", exclusiveMinimum: 0 },
    refreshTokenLifetimeMinutes: { type: "number", exclusiveMinimum: 0 },
  },
  ["clientId"],
);

const kindIs = (kinds: string[]): Schema => ({ required: ["kind"], properties: { kind: { enum: kinds } } });
const base32 = { type: "string", pattern: "^[A-Z2-7]+=*$" };

/** A Client API challenge (state/client-api.ts): each kind with the fields it needs. */
const clientChallenge: Schema = {
  allOf: [
    object(
      {
        challengeId: id,
        kind: {
          enum: ["sign-in", "passkey-registration", "passkey-authentication", "totp-enrolment", "push", "magic-link"],
        },
        userId: id,
        actionCode: id,
        idempotencyKey: id,
        createdAt: dateTime,
        expiresAt: { type: "integer" },
        usedAt: dateTime,
        challenge: id,
        secret: base32,
        userAuthenticatorId: id,
        answer: { enum: ["APPROVED", "DENIED"] },
        consumedAt: dateTime,
        email: text,
        enrolAuthenticatorId: id,
        openedAt: dateTime,
      },
      ["challengeId", "kind", "createdAt", "expiresAt"],
    ),
    when(kindIs(["passkey-registration", "passkey-authentication"]), { required: ["challenge"] }),
    when(kindIs(["totp-enrolment"]), { required: ["userId", "secret", "userAuthenticatorId"] }),
    when(kindIs(["push"]), { required: ["userId"] }),
    when(kindIs(["magic-link"]), { required: ["userId", "email"] }),
  ],
};

const storedPasskey = object(
  {
    credentialId: id,
    userId: id,
    userAuthenticatorId: id,
    publicKey: id,
    counter: count,
    userHandle: id,
    transports: strings,
    lastVerifiedAt: dateTime,
  },
  ["credentialId", "userId", "userAuthenticatorId", "publicKey", "counter", "userHandle"],
);

const storedTotp = object({ userAuthenticatorId: id, userId: id, secret: base32, lastUsedStep: count }, [
  "userAuthenticatorId",
  "userId",
  "secret",
]);

const signals = recordOf(recordOf({ type: ["string", "number", "boolean", "null"] }));
export const riskSignalsSchema = object({ ipAddresses: signals, deviceIds: signals, userAgents: signals });

/** The parts of a bundled spec these schemas read. */
export interface SpecDocument {
  components?: { schemas?: Record<string, { properties?: Record<string, unknown> }> };
}

/** The properties the spec's schema `name` lists. */
export const schemaProperties = (spec: SpecDocument, name: string): string[] =>
  Object.keys(spec.components?.schemas?.[name]?.properties ?? {});

/** The named properties of the Server spec's schema `schema`, each a reference to its own schema there. */
export const byRef = (schema: string, names: string[]): Schema =>
  Object.fromEntries(names.map((name) => [name, { $ref: `server#/components/schemas/${schema}/properties/${name}` }]));

/** A stored user: the attributes Update User sets, its authenticators, and its devices by ID. */
const storedUser = (server: SpecDocument): Schema =>
  object(
    {
      userId: id,
      createdAt: dateTime,
      ...byRef("UpdateUserAttributes", schemaProperties(server, "UpdateUserAttributes")),
      authenticators: { type: "array", items: storedAuthenticator },
      devices: recordOf(serverSchema("UserDevice")),
    },
    ["userId", "createdAt", "authenticators", "devices"],
  );

const storedSession = object(
  {
    sessionId: id,
    userId: id,
    clientId: id,
    accessTokenId: id,
    refreshToken: id,
    accessTokenExpiresAt: { type: "number" },
    refreshTokenExpiresAt: { type: "number" },
    verificationMethod: text,
    revokedAt: dateTime,
  },
  ["sessionId", "userId", "clientId", "accessTokenId", "refreshToken", "accessTokenExpiresAt", "refreshTokenExpiresAt"],
);

const outboxMessage = object(
  {
    messageId: id,
    channel: { enum: ["SMS", "WHATSAPP", "EMAIL"] },
    to: text,
    code: text,
    link: text,
    challengeId: id,
    userId: text,
    actionCode: text,
    idempotencyKey: text,
    createdAt: dateTime,
  },
  ["messageId", "channel", "to", "code", "challengeId", "actionCode", "idempotencyKey", "createdAt"],
);

const webhookDelivery = object(
  {
    deliveryId: id,
    eventId: id,
    type: text,
    url: text,
    body: text,
    signature: text,
    status: { type: "integer" },
    error: text,
    deliveredAt: dateTime,
  },
  ["deliveryId", "eventId", "type", "url", "body", "signature", "deliveredAt"],
);

/**
 * A per-method authenticator configuration, by the fields the emulator reads (its method, whether it
 * is on, where its webhook goes). The theme and these are only stored and given back, so they are
 * checked by what is read rather than in their full response shapes: those are the largest in the
 * spec, and the validators of this schema are loaded with every emulator.
 */
const authenticatorConfiguration = {
  type: "object",
  required: ["authenticatorId", "isActive", "verificationMethod"],
  properties: {
    authenticatorId: id,
    isActive: { type: "boolean" },
    verificationMethod: knownMethod,
    webhookUrl: text,
    smsProvider: text,
    emailProvider: text,
    pushProvider: text,
  },
};

/** The whole state, as `GET /_emulator/v1/state` exports it and an import must give it. */
export const stateSchema = (server: SpecDocument): Schema =>
  object(
    {
      management: object(
        {
          tenant: management("Tenant"),
          theme: { type: "object" },
          actionConfigurations: recordOf(management("ActionConfiguration")),
          rules: recordOf(recordOf(management("Rule"))),
          flowRules: recordOf(recordOf(management("FlowRule"))),
          valueLists: recordOf(management("ValueList")),
          customDataPoints: recordOf(management("CustomDataPoint")),
          messageOverrides: management("MessageOverrides"),
          authenticatorConfigurations: object({
            sms: authenticatorConfiguration,
            "email-otp": authenticatorConfiguration,
            passkey: authenticatorConfiguration,
            push: authenticatorConfiguration,
          }),
        },
        [
          "tenant",
          "theme",
          "actionConfigurations",
          "rules",
          "flowRules",
          "valueLists",
          "customDataPoints",
          "messageOverrides",
          "authenticatorConfigurations",
        ],
      ),
      server: object(
        {
          users: recordOf(storedUser(server)),
          actions: recordOf(
            recordOf(object(actionProperties, Object.keys(actionProperties).filter(isRequiredOfStored))),
          ),
          challenges: recordOf(challengeSchema(["idempotencyKey", "createdAt", "expiresAt", "failedAttempts"])),
          // Optional: a state exported before the Client API was emulated has none.
          clientChallenges: recordOf(clientChallenge),
          passkeys: recordOf(storedPasskey),
          totpSecrets: recordOf(storedTotp),
          sessions: recordOf(storedSession),
          appClients: recordOf(appClientSchema),
          riskSignals: riskSignalsSchema,
        },
        ["users", "actions", "challenges", "sessions", "appClients", "riskSignals"],
      ),
      emulator: object(
        {
          // Each setting's value is checked by checkSettings, which says what it must be; one left
          // out (an export from before the setting existed) takes its default.
          settings: { type: "object" },
          clockOffsetMs: { type: "number", minimum: 0 },
          keys: object({
            actionTokenSecret: id,
            session: object({ kid: id, privateJwk: { type: "object" }, publicJwk: { type: "object" } }, [
              "kid",
              "privateJwk",
              "publicJwk",
            ]),
          }),
          outbox: { type: "array", items: outboxMessage },
          webhookDeliveries: { type: "array", items: webhookDelivery },
        },
        ["settings", "clockOffsetMs", "keys", "outbox", "webhookDeliveries"],
      ),
    },
    ["management", "server", "emulator"],
  );

/** The fields every stored action has (StoredAction's required ones). */
function isRequiredOfStored(field: string): boolean {
  return [
    "userId",
    "actionCode",
    "idempotencyKey",
    "outcome",
    "state",
    "createdAt",
    "updatedAt",
    "stateUpdatedAt",
    "ruleIds",
    "rules",
    "output",
    "allowedVerificationMethods",
    "enrolledVerificationMethods",
  ].includes(field);
}
