// The issuer's public endpoints, served without an API key where Authsignal serves them: a tenant's
// JWKS (the session key's public half) and its OpenID configuration.
import type { ApiContext } from "../domain/context.ts";
import { issuerOf, sessionKey } from "../domain/tokens.ts";
import type { RouteEntry } from "./routes.ts";

export interface WellKnownRoute extends RouteEntry {
  template: string;
  /** The 200 answer's JSON body, or undefined for a tenant this emulator is not. */
  answer(context: ApiContext, tenantId: string, origin: string): Promise<unknown>;
}

const route = (template: string, answer: WellKnownRoute["answer"]): WellKnownRoute => ({
  method: "GET",
  template,
  segments: template.split("/").slice(1),
  answer: (context, tenantId, origin) =>
    tenantId === context.state.management.tenant.tenantId
      ? answer(context, tenantId, origin)
      : Promise.resolve(undefined),
});

export const wellKnownRoutes: readonly WellKnownRoute[] = [
  route("/v1/client/public/{tenantId}/.well-known/jwks", async (context) => ({
    keys: [(await sessionKey(context)).publicJwk],
  })),
  route("/v1/client/public/{tenantId}/.well-known/openid-configuration", async (_context, tenantId, origin) => {
    const issuer = issuerOf(origin, tenantId);
    return { issuer, jwks_uri: `${issuer}/.well-known/jwks`, id_token_signing_alg_values_supported: ["RS256"] };
  }),
];
