// The tenant's per-method authenticator configurations (SMS, email OTP, passkey, push: at most one
// of each) and the generic update by authenticator ID. Provider secrets are write-only: a stored
// credential keeps only the fields its `Stored…Credentials` schema lists, so no secret is ever held,
// returned or exported.
import type { components } from "@authsignal-ts/management";
import { EmulatorApiError } from "../../domain/errors.ts";
import type {
  AuthenticatorConfigurations,
  AuthenticatorMethodSegment,
  ManagementState,
} from "../../state/management.ts";
import type { OperationHandler } from "../handler.ts";
import { applyPatch, existing, invalidRequest, management, notFound, ok, pathParam, remove } from "./common.ts";
import { pickListed, propertiesOf, refName } from "./schemas.ts";

type Schemas = components["schemas"];
type StoredConfiguration = NonNullable<AuthenticatorConfigurations[AuthenticatorMethodSegment]>;
type Fields = Record<string, unknown>;

interface Method {
  segment: AuthenticatorMethodSegment;
  /** As in the operation IDs, such as `createSmsAuthenticatorConfiguration`. */
  name: string;
  verificationMethod: string;
  /** The legacy classification the generic endpoint answers with. */
  authenticatorType: string;
  /** The field naming the provider whose `WEBHOOK` takes a `webhookUrl`. */
  providerField?: string;
  label: string;
}

const methods: Method[] = [
  {
    segment: "sms",
    name: "Sms",
    verificationMethod: "SMS",
    authenticatorType: "OOB",
    providerField: "smsProvider",
    label: "SMS",
  },
  {
    segment: "email-otp",
    name: "EmailOtp",
    verificationMethod: "EMAIL_OTP",
    authenticatorType: "OOB",
    providerField: "emailProvider",
    label: "email OTP",
  },
  {
    segment: "passkey",
    name: "Passkey",
    verificationMethod: "PASSKEY",
    authenticatorType: "PASSKEY",
    label: "passkey",
  },
  {
    segment: "push",
    name: "Push",
    verificationMethod: "PUSH",
    authenticatorType: "PUSH",
    providerField: "pushProvider",
    label: "push",
  },
];

const responseSchemaOf = (method: Method) => `${method.name}AuthenticatorConfiguration`;

/** The path segments of the per-method configurations, with the schema of each one's create body. */
export const authenticatorCreateBodies = Object.fromEntries(
  methods.map((method) => [method.segment, `Create${method.name}AuthenticatorConfigurationBody`]),
) as Record<AuthenticatorMethodSegment, string>;

let credentialFields: Map<string, string[]> | undefined;
/**
 * Each credentials field of the per-method responses, with the fields its stored shape keeps; read
 * from the spec on first use, so importing the emulator reads no spec.
 */
function storedCredentialFields(): Map<string, string[]> {
  credentialFields ??= new Map(
    methods.flatMap((method) =>
      Object.entries(propertiesOf(responseSchemaOf(method)))
        .filter(([field]) => field.endsWith("Credentials"))
        .map(([field, schema]): [string, string[]] => {
          const stored = refName((schema.anyOf as unknown[] | undefined)?.[0]);
          if (!stored) throw new Error(`${field} of ${responseSchemaOf(method)} names no stored shape`);
          return [field, Object.keys(propertiesOf(stored))];
        }),
    ),
  );
  return credentialFields;
}

/**
 * What is kept of credentials that were sent. Firebase's secret is the whole service account key,
 * and its stored shape is the project and client email read out of it (nothing, when the key is not
 * the JSON Firebase issues: the emulator sends no pushes, so it does not insist).
 */
function storedCredentials(field: string, sent: Fields): Fields {
  if (field === "fcmCredentials") {
    try {
      const key = JSON.parse(String(sent.serviceAccountKey)) as Fields;
      return Object.fromEntries(
        [
          ["projectId", key.project_id],
          ["clientEmail", key.client_email],
        ].filter(([, value]) => typeof value === "string"),
      );
    } catch {
      return {};
    }
  }
  const keep = storedCredentialFields().get(field) ?? [];
  return Object.fromEntries(Object.entries(sent).filter(([key]) => keep.includes(key)));
}

/**
 * `current` with a create or update body applied: omitted fields stay, `null` clears, a list replaces
 * the stored one, and credentials merge field by field (so one may be updated without its secret).
 * Credentials with no stored shape (the generic endpoint's `messageBirdV2Credentials`) are not kept.
 * Changing the provider away from `WEBHOOK` clears the `webhookUrl`, and a `WEBHOOK` provider with no
 * `webhookUrl` is a 400.
 */
function configured<T extends StoredConfiguration>(method: Method, current: T, body: Fields): T {
  const plain: Fields = {};
  const credentials: Fields = {};
  for (const [field, value] of Object.entries(body))
    (field.endsWith("Credentials") ? credentials : plain)[field] = value;
  const next = applyPatch(current, plain) as Fields;
  for (const [field, value] of Object.entries(credentials)) {
    if (value === null) delete next[field];
    else if (storedCredentialFields().has(field)) {
      next[field] = { ...(next[field] as Fields | undefined), ...storedCredentials(field, value as Fields) };
    }
  }
  const provider = method.providerField;
  if (provider) {
    const changed = provider in body && body[provider] !== (current as Fields)[provider];
    if (changed && next[provider] !== "WEBHOOK" && body.webhookUrl === undefined) delete next.webhookUrl;
    if (next[provider] === "WEBHOOK" && !next.webhookUrl)
      invalidRequest(`webhookUrl is required when ${provider} is WEBHOOK.`);
  }
  return next as T;
}

const describeMethod = (method: Method) => `The tenant's ${method.label} configuration`;

/** Stores the tenant's configuration of a method; a second one is the documented 409 `already_exists`. */
export function insertAuthenticatorConfiguration(
  state: ManagementState,
  segment: AuthenticatorMethodSegment,
  body: Fields,
  authenticatorId: string,
): StoredConfiguration {
  const method = methods.find((candidate) => candidate.segment === segment)!;
  if (state.authenticatorConfigurations[segment]) {
    throw new EmulatorApiError(
      409,
      "already_exists",
      "The tenant already has a configuration for this authentication method.",
    );
  }
  const fresh = { authenticatorId, isActive: true, verificationMethod: method.verificationMethod };
  const configuration = configured(method, fresh, body);
  (state.authenticatorConfigurations as Fields)[segment] = configuration;
  return configuration;
}

function perMethodHandlers(method: Method): Record<string, OperationHandler> {
  const stored = (state: ManagementState) => state.authenticatorConfigurations as Record<string, StoredConfiguration>;
  const answer = (configuration: StoredConfiguration) => ok(pickListed(configuration, responseSchemaOf(method)));
  const current = (state: ManagementState) => existing(stored(state), method.segment, describeMethod(method));
  return {
    [`create${method.name}AuthenticatorConfiguration`]: (input, context) =>
      answer(
        insertAuthenticatorConfiguration(management(context), method.segment, input.body as Fields, context.randomId()),
      ),
    [`get${method.name}AuthenticatorConfiguration`]: (_input, context) => answer(current(management(context))),
    [`update${method.name}AuthenticatorConfiguration`]: (input, context) => {
      const state = management(context);
      const updated = configured(method, current(state), input.body as Fields);
      stored(state)[method.segment] = updated;
      return answer(updated);
    },
    [`delete${method.name}AuthenticatorConfiguration`]: (_input, context) =>
      remove(stored(management(context)), method.segment, describeMethod(method)),
  };
}

/**
 * The generic, flat update of the configuration with this ID. Fields the method's own response does
 * not list (such as `verificationCodeLength`) are kept and answered here only. The method of a
 * configuration cannot change, so a different `verificationMethod` is a 400.
 */
const updateAuthenticatorConfiguration: OperationHandler = (input, context) => {
  const state = management(context);
  const authenticatorId = pathParam(input, "authenticatorId");
  const body = input.body as Schemas["UpdateAuthenticatorConfigurationBody"] as Fields;
  const method = methods.find(
    (candidate) => state.authenticatorConfigurations[candidate.segment]?.authenticatorId === authenticatorId,
  );
  if (!method) notFound(`The authenticator configuration "${authenticatorId}" was not found.`);
  const current = state.authenticatorConfigurations[method.segment]!;
  if (body.verificationMethod !== undefined && body.verificationMethod !== current.verificationMethod) {
    invalidRequest(`verificationMethod cannot change: this configuration is for ${current.verificationMethod}.`);
  }
  const updated = configured(method, current, body);
  (state.authenticatorConfigurations as Fields)[method.segment] = updated;
  const answered = pickListed<Fields>(updated, "AuthenticatorConfiguration", { dropNulls: true });
  return ok({ ...answered, authenticatorType: method.authenticatorType });
};

export const authenticatorConfigurationHandlers: Record<string, OperationHandler> = {
  ...Object.assign({}, ...methods.map(perMethodHandlers)),
  updateAuthenticatorConfiguration,
};
