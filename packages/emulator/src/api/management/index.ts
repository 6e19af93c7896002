// The Management API of the emulator: one handler per operation of the bundled Management spec,
// and the tenant configuration they share.
import type { operations as Operations } from "@authsignal-ts/management";
import type { ErasedHandler, Handler } from "../handler.ts";
import {
  createActionConfiguration,
  deleteActionConfiguration,
  getActionConfiguration,
  updateActionConfiguration,
} from "./action-configurations.ts";
import * as authenticators from "./authenticator-configurations.ts";
import {
  createCustomDataPoint,
  deleteCustomDataPoint,
  getCustomDataPoint,
  updateCustomDataPoint,
} from "./custom-data-points.ts";
import { updateActionFlow } from "./flows.ts";
import { getMessageOverrides, getMessageOverridesCatalog, updateMessageOverrides } from "./message-overrides.ts";
import { createRule, deleteRule, getRule, listRules, updateRule } from "./rules.ts";
import { getTenant, updateTenant } from "./tenant.ts";
import { getTheme, updateTheme } from "./theme.ts";
import { createValueList, deleteValueList, getValueList, updateValueList } from "./value-lists.ts";

const handlers = {
  getTenant,
  updateTenant,
  getTheme,
  updateTheme,
  createActionConfiguration,
  getActionConfiguration,
  updateActionConfiguration,
  deleteActionConfiguration,
  updateActionFlow,
  listRules,
  createRule,
  getRule,
  updateRule,
  deleteRule,
  createValueList,
  getValueList,
  updateValueList,
  deleteValueList,
  createCustomDataPoint,
  getCustomDataPoint,
  updateCustomDataPoint,
  deleteCustomDataPoint,
  getMessageOverrides,
  updateMessageOverrides,
  getMessageOverridesCatalog,
  createSmsAuthenticatorConfiguration: authenticators.createSmsAuthenticatorConfiguration,
  getSmsAuthenticatorConfiguration: authenticators.getSmsAuthenticatorConfiguration,
  updateSmsAuthenticatorConfiguration: authenticators.updateSmsAuthenticatorConfiguration,
  deleteSmsAuthenticatorConfiguration: authenticators.deleteSmsAuthenticatorConfiguration,
  createEmailOtpAuthenticatorConfiguration: authenticators.createEmailOtpAuthenticatorConfiguration,
  getEmailOtpAuthenticatorConfiguration: authenticators.getEmailOtpAuthenticatorConfiguration,
  updateEmailOtpAuthenticatorConfiguration: authenticators.updateEmailOtpAuthenticatorConfiguration,
  deleteEmailOtpAuthenticatorConfiguration: authenticators.deleteEmailOtpAuthenticatorConfiguration,
  createPasskeyAuthenticatorConfiguration: authenticators.createPasskeyAuthenticatorConfiguration,
  getPasskeyAuthenticatorConfiguration: authenticators.getPasskeyAuthenticatorConfiguration,
  updatePasskeyAuthenticatorConfiguration: authenticators.updatePasskeyAuthenticatorConfiguration,
  deletePasskeyAuthenticatorConfiguration: authenticators.deletePasskeyAuthenticatorConfiguration,
  createPushAuthenticatorConfiguration: authenticators.createPushAuthenticatorConfiguration,
  getPushAuthenticatorConfiguration: authenticators.getPushAuthenticatorConfiguration,
  updatePushAuthenticatorConfiguration: authenticators.updatePushAuthenticatorConfiguration,
  deletePushAuthenticatorConfiguration: authenticators.deletePushAuthenticatorConfiguration,
  updateAuthenticatorConfiguration: authenticators.updateAuthenticatorConfiguration,
} satisfies { [Id in keyof Operations]?: Handler<Operations[Id]> };

/** By operationId. */
export const managementHandlers: Record<string, ErasedHandler> = handlers;
