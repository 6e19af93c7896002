// The tenant's settings: they always exist, so they are read and changed, never created or deleted.
import type { components, operations as Operations } from "@authsignal-ts/management";
import type { Handler } from "../handler.ts";
import { applyPatch, management, stored } from "./common.ts";

type Tenant = components["schemas"]["Tenant"];

export const getTenant: Handler<Operations["getTenant"]> = (_request, context) => ({
  status: 200,
  body: stored<Tenant>(context.state.management.tenant),
});

/**
 * Settings left out stay. A webhook configuration that is sent replaces the stored one, except that
 * a flag it leaves out (`includeCredentialPublicKey`) keeps its value, as the spec says; a sent
 * `ipWhitelist` replaces the list.
 */
export const updateTenant: Handler<Operations["updateTenant"]> = (request, context) => {
  const { state, store } = management(context);
  return { status: 200, body: store.putTenant(applyPatch<Tenant>(state.tenant, request.body, 1)) };
};
