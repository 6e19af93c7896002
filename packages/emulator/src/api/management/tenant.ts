// The tenant's settings: they always exist, so they are read and changed, never created or deleted.
import type { components } from "@authsignal-ts/management";
import type { OperationHandler } from "../handler.ts";
import { applyPatch, management, ok } from "./common.ts";

const getTenant: OperationHandler = (_input, context) => ok(management(context).tenant);

/**
 * Settings left out stay. A webhook configuration that is sent replaces the stored one, except that
 * a flag it leaves out (`includeCredentialPublicKey`) keeps its value, as the spec says; a sent
 * `ipWhitelist` replaces the list.
 */
const updateTenant: OperationHandler = (input, context) => {
  const state = management(context);
  state.tenant = applyPatch(state.tenant, input.body as components["schemas"]["UpdateTenantBody"], 1);
  return ok(state.tenant);
};

export const tenantHandlers = { getTenant, updateTenant };
