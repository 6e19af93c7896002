// Who a Client API request is from, by the schemes its operation accepts: the token `track` (or a
// verification) handed out, as `Bearer`, or the tenant ID, as `Basic` in either form real clients
// send it (the docs' `TENANT_ID:` and the web SDK's colon-less, URI-encoded ID). The Server and
// Management APIs' keys are checked by the router before routing; these need the operation.
import type { ApiContext } from "../../domain/context.ts";
import type { Frozen } from "../../state/frozen.ts";
import type { StoredAction } from "../../state/server.ts";
import { actionForToken } from "../server/validate.ts";

export type ClientPrincipal =
  | {
      kind: "token";
      /** The action the token names: what the user's verifications decide. */
      action: Frozen<StoredAction>;
      /** Its scopes, space-separated (`read:authenticators add:authenticators`), as track gave them. */
      scope: string | undefined;
    }
  | { kind: "tenant" };

/** Why a request was refused: the 401's error code and description. */
export interface ClientRefusal {
  errorCode: "expired_token" | "invalid_token" | "unauthorized";
  description: string;
}

/** The tenant ID a Basic header carries: its user-id, URI-decoded as the web SDK encodes it. */
export function basicTenantId(header: string): string | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match?.[1]) return undefined;
  const userId = Buffer.from(match[1], "base64").toString("utf8").split(":")[0] as string;
  try {
    return decodeURIComponent(userId);
  } catch {
    return undefined;
  }
}

export async function authenticateClient(
  schemes: readonly string[],
  header: string | null,
  context: ApiContext,
): Promise<ClientPrincipal | ClientRefusal> {
  const bearer = header ? /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;
  if (bearer !== undefined) {
    if (!schemes.includes("token")) {
      return { errorCode: "unauthorized", description: "This operation is authenticated with the tenant ID (Basic)." };
    }
    const found = await actionForToken(context, bearer);
    if (!found.ok) {
      return found.error === "expired_token"
        ? { errorCode: "expired_token", description: "The token has expired." }
        : { errorCode: "invalid_token", description: "The token is not one this tenant issued." };
    }
    return { kind: "token", action: found.action, scope: found.scope };
  }
  if (header && schemes.includes("tenant")) {
    const tenantId = basicTenantId(header);
    if (tenantId !== undefined && tenantId === context.state.management.tenant.tenantId) return { kind: "tenant" };
    return {
      errorCode: "unauthorized",
      description: "The tenant ID in the Authorization header is not this tenant's.",
    };
  }
  const named = schemes.map((scheme) => schemeNames[scheme] ?? scheme).join(" or ");
  return { errorCode: "unauthorized", description: `This operation is authenticated with ${named}.` };
}

const schemeNames: Record<string, string> = { token: "the user's token (Bearer)", tenant: "the tenant ID (Basic)" };
