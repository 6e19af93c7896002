// The tenant's per-method authenticator configurations (SMS, email OTP, passkey, push: at most one
// of each) and the generic update by authenticator ID. Provider secrets are write-only: a stored
// credential keeps only the fields its `Stored…Credentials` schema lists, so no secret is ever held,
// returned or exported.
import type { operations as Operations } from "@authsignal-ts/management";
import type { ApiContext } from "../../domain/context.ts";
import { EmulatorApiError } from "../../domain/errors.ts";
import type { Frozen } from "../../state/frozen.ts";
import type { AuthenticatorConfigurations, AuthenticatorMethodSegment } from "../../state/management.ts";
import type { Handler } from "../handler.ts";
import { applyPatch, deleted, invalidRequest, type Management, management, notFound } from "./common.ts";
import { pickListed, propertiesOf, refName } from "./schemas.ts";

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

const methods: readonly Method[] = [
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
function configured(method: Method, current: Frozen<StoredConfiguration>, body: Fields): StoredConfiguration {
  const plain: Fields = {};
  const credentials: Fields = {};
  for (const [field, value] of Object.entries(body))
    (field.endsWith("Credentials") ? credentials : plain)[field] = value;
  const next = applyPatch<StoredConfiguration>(current, plain) as Fields;
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
  return next as StoredConfiguration;
}

const methodOf = (segment: AuthenticatorMethodSegment): Method =>
  methods.find((candidate) => candidate.segment === segment) as Method;

const describeMethod = (method: Method) => `The tenant's ${method.label} configuration`;

const alreadyExists = (): never => {
  throw new EmulatorApiError(
    409,
    "already_exists",
    "The tenant already has a configuration for this authentication method.",
  );
};

/** Stores the tenant's configuration of a method; a second one is the documented 409 `already_exists`. */
export function insertAuthenticatorConfiguration(
  { state, store }: Management,
  segment: AuthenticatorMethodSegment,
  body: Fields,
  authenticatorId: string,
): StoredConfiguration {
  const method = methodOf(segment);
  // Looked up before the body is checked, so that a second configuration is the error a request gets
  // first; the store refuses it again when it adds the configuration.
  if (state.authenticatorConfigurations[segment]) alreadyExists();
  const fresh = { authenticatorId, isActive: true, verificationMethod: method.verificationMethod };
  const configuration = configured(method, fresh as StoredConfiguration, body);
  if (!store.addAuthenticatorConfiguration(segment, configuration)) alreadyExists();
  return configuration;
}

/** The tenant's configuration of the method, or a 404 `not_found`. */
function existingConfiguration(context: ApiContext, method: Method): Frozen<StoredConfiguration> {
  return (
    context.state.management.authenticatorConfigurations[method.segment] ??
    notFound(`${describeMethod(method)} was not found.`)
  );
}

/** What a per-method operation answers: the configuration cut to what its response schema lists. */
const answered = <T>(method: Method, configuration: Frozen<StoredConfiguration>): T =>
  pickListed<T>(configuration, responseSchemaOf(method));

function create<T>(segment: AuthenticatorMethodSegment, body: Fields, context: ApiContext): T {
  const configuration = insertAuthenticatorConfiguration(management(context), segment, body, context.randomId());
  return answered<T>(methodOf(segment), configuration);
}

const read = <T>(segment: AuthenticatorMethodSegment, context: ApiContext): T =>
  answered<T>(methodOf(segment), existingConfiguration(context, methodOf(segment)));

function update<T>(segment: AuthenticatorMethodSegment, body: Fields, context: ApiContext): T {
  const method = methodOf(segment);
  const next = configured(method, existingConfiguration(context, method), body);
  return answered<T>(method, context.store.management.putAuthenticatorConfiguration(segment, next));
}

function remove(segment: AuthenticatorMethodSegment, context: ApiContext) {
  existingConfiguration(context, methodOf(segment));
  context.store.management.deleteAuthenticatorConfiguration(segment);
  return deleted();
}

type Op<Name extends string> = Operations[`${Name}AuthenticatorConfiguration` & keyof Operations];

export const createSmsAuthenticatorConfiguration: Handler<Op<"createSms">> = (request, context) => ({
  status: 200,
  body: create("sms", request.body, context),
});
export const getSmsAuthenticatorConfiguration: Handler<Op<"getSms">> = (_request, context) => ({
  status: 200,
  body: read("sms", context),
});
export const updateSmsAuthenticatorConfiguration: Handler<Op<"updateSms">> = (request, context) => ({
  status: 200,
  body: update("sms", request.body, context),
});
export const deleteSmsAuthenticatorConfiguration: Handler<Op<"deleteSms">> = (_request, context) =>
  remove("sms", context);

export const createEmailOtpAuthenticatorConfiguration: Handler<Op<"createEmailOtp">> = (request, context) => ({
  status: 200,
  body: create("email-otp", request.body, context),
});
export const getEmailOtpAuthenticatorConfiguration: Handler<Op<"getEmailOtp">> = (_request, context) => ({
  status: 200,
  body: read("email-otp", context),
});
export const updateEmailOtpAuthenticatorConfiguration: Handler<Op<"updateEmailOtp">> = (request, context) => ({
  status: 200,
  body: update("email-otp", request.body, context),
});
export const deleteEmailOtpAuthenticatorConfiguration: Handler<Op<"deleteEmailOtp">> = (_request, context) =>
  remove("email-otp", context);

export const createPasskeyAuthenticatorConfiguration: Handler<Op<"createPasskey">> = (request, context) => ({
  status: 200,
  body: create("passkey", request.body, context),
});
export const getPasskeyAuthenticatorConfiguration: Handler<Op<"getPasskey">> = (_request, context) => ({
  status: 200,
  body: read("passkey", context),
});
export const updatePasskeyAuthenticatorConfiguration: Handler<Op<"updatePasskey">> = (request, context) => ({
  status: 200,
  body: update("passkey", request.body, context),
});
export const deletePasskeyAuthenticatorConfiguration: Handler<Op<"deletePasskey">> = (_request, context) =>
  remove("passkey", context);

export const createPushAuthenticatorConfiguration: Handler<Op<"createPush">> = (request, context) => ({
  status: 200,
  body: create("push", request.body, context),
});
export const getPushAuthenticatorConfiguration: Handler<Op<"getPush">> = (_request, context) => ({
  status: 200,
  body: read("push", context),
});
export const updatePushAuthenticatorConfiguration: Handler<Op<"updatePush">> = (request, context) => ({
  status: 200,
  body: update("push", request.body, context),
});
export const deletePushAuthenticatorConfiguration: Handler<Op<"deletePush">> = (_request, context) =>
  remove("push", context);

/**
 * The generic, flat update of the configuration with this ID. Fields the method's own response does
 * not list (such as `verificationCodeLength`) are kept and answered here only. The method of a
 * configuration cannot change, so a different `verificationMethod` is a 400.
 */
export const updateAuthenticatorConfiguration: Handler<Operations["updateAuthenticatorConfiguration"]> = (
  request,
  context,
) => {
  const { state, store } = management(context);
  const { authenticatorId } = request.path;
  const body = request.body;
  const method = methods.find(
    (candidate) => state.authenticatorConfigurations[candidate.segment]?.authenticatorId === authenticatorId,
  );
  if (!method) notFound(`The authenticator configuration "${authenticatorId}" was not found.`);
  const current = state.authenticatorConfigurations[method.segment] as Frozen<StoredConfiguration>;
  if (body.verificationMethod !== undefined && body.verificationMethod !== current.verificationMethod) {
    invalidRequest(`verificationMethod cannot change: this configuration is for ${current.verificationMethod}.`);
  }
  const updated = store.putAuthenticatorConfiguration(method.segment, configured(method, current, body));
  const answer = pickListed<
    Operations["updateAuthenticatorConfiguration"]["responses"][200]["content"]["application/json"]
  >(updated, "AuthenticatorConfiguration", { dropNulls: true });
  return { status: 200, body: { ...answer, authenticatorType: method.authenticatorType } };
};
