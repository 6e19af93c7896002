// Tenant configuration as the Management API reads and writes it, stored in the spec's own
// response shapes so a GET is a lookup. Track reads rules, value lists, action configurations
// and the tenant's webhook URLs from here.
import type { components } from "@authsignal-ts/management";
import { records } from "./records.ts";

type Schemas = components["schemas"];

/** The path segment of each per-method authenticator configuration, and what is stored for it. */
export interface AuthenticatorConfigurations {
  sms?: Schemas["SmsAuthenticatorConfiguration"];
  "email-otp"?: Schemas["EmailOtpAuthenticatorConfiguration"];
  passkey?: Schemas["PasskeyAuthenticatorConfiguration"];
  push?: Schemas["PushAuthenticatorConfiguration"];
}

export type AuthenticatorMethodSegment = keyof AuthenticatorConfigurations;

/** Each record keyed by an ID has no prototype (state/records.ts): an ID is an opaque string. */
export interface ManagementState {
  tenant: Schemas["Tenant"];
  theme: Schemas["Theme"];
  /** By actionCode. A flow action's published nodes and version are on its configuration. */
  actionConfigurations: Record<string, Schemas["ActionConfiguration"]>;
  /** A classic action's rules: by actionCode, then ruleId. */
  rules: Record<string, Record<string, Schemas["Rule"]>>;
  /** The rules a flow action's published flow defines: by actionCode, then the flow's ruleId. */
  flowRules: Record<string, Record<string, Schemas["FlowRule"]>>;
  /** By alias. */
  valueLists: Record<string, Schemas["ValueList"]>;
  /** By id. */
  customDataPoints: Record<string, Schemas["CustomDataPoint"]>;
  messageOverrides: Schemas["MessageOverrides"];
  /**
   * By method path segment. Credentials are kept only in their `Stored…Credentials` shape: the
   * emulator never holds a provider secret, so exporting the state cannot leak one. A record may also
   * carry settings only the generic `updateAuthenticatorConfiguration` takes; each response is cut to
   * the fields its schema lists.
   */
  authenticatorConfigurations: AuthenticatorConfigurations;
}

/** The tenant an emulator starts with when the seed names none; fixed so that tests can expect it. */
export const DEFAULT_TENANT_ID = "00000000-0000-4000-8000-000000000001";

/**
 * A tenant as a fresh one reads: a name, the documented 10-minute token duration, recovery codes on,
 * and no webhooks or IP allow-list (settings never set are left out, as the API does).
 */
export function defaultTenant(): Schemas["Tenant"] {
  return { tenantId: DEFAULT_TENANT_ID, name: "Emulator", tokenDurationInMinutes: 10, disableRecoveryCodes: false };
}

/** A plain theme named after the tenant, with Authsignal-like neutral colours. */
export function defaultTheme(tenantName = defaultTenant().name ?? "Emulator"): Schemas["Theme"] {
  return {
    name: tenantName,
    primaryColor: "#4F46E5",
    container: { contentAlignment: "center", logoAlignment: "center", logoPosition: "inside", exitPosition: "top" },
    links: { underline: false },
    shadows: { enabled: true },
  };
}

/** A tenant configuration with nothing in it but its tenant and theme, every keyed record prototype-free. */
export function emptyManagementState(tenant: Schemas["Tenant"], theme: Schemas["Theme"]): ManagementState {
  return {
    tenant,
    theme,
    actionConfigurations: records(),
    rules: records(),
    flowRules: records(),
    valueLists: records(),
    customDataPoints: records(),
    messageOverrides: { messageOverrides: records() },
    authenticatorConfigurations: {},
  };
}
