// Tenant configuration as the Management API reads and writes it, stored in the spec's own
// response shapes so a GET is a lookup. Track reads rules, value lists, action configurations
// and the tenant's webhook URLs from here.
import type { components } from "@authsignal-ts/management";

type Schemas = components["schemas"];

export interface ManagementState {
  tenant: Schemas["Tenant"];
  theme: Schemas["Theme"];
  /** By actionCode. */
  actionConfigurations: Record<string, Schemas["ActionConfiguration"]>;
  /** By actionCode, then ruleId. */
  rules: Record<string, Record<string, Schemas["Rule"]>>;
  /** By alias. */
  valueLists: Record<string, Schemas["ValueList"]>;
  /** By id. */
  customDataPoints: Record<string, Schemas["CustomDataPoint"]>;
  messageOverrides: Schemas["MessageOverrides"];
  /** By method path segment: `sms`, `email-otp`, `passkey`, `push`. */
  authenticatorConfigurations: Record<string, unknown>;
}
