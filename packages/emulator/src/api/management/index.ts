// The Management API of the emulator: one handler per operation of the bundled Management spec,
// and the tenant configuration they share.
import type { ErasedHandler } from "../handler.ts";
import { actionConfigurationHandlers } from "./action-configurations.ts";
import { authenticatorConfigurationHandlers } from "./authenticator-configurations.ts";
import { customDataPointHandlers } from "./custom-data-points.ts";
import { flowHandlers } from "./flows.ts";
import { messageOverrideHandlers } from "./message-overrides.ts";
import { ruleHandlers } from "./rules.ts";
import { tenantHandlers } from "./tenant.ts";
import { themeHandlers } from "./theme.ts";
import { valueListHandlers } from "./value-lists.ts";

/** By operationId. */
export const managementHandlers: Record<string, ErasedHandler> = {
  ...tenantHandlers,
  ...themeHandlers,
  ...actionConfigurationHandlers,
  ...flowHandlers,
  ...ruleHandlers,
  ...valueListHandlers,
  ...customDataPointHandlers,
  ...messageOverrideHandlers,
  ...authenticatorConfigurationHandlers,
};
