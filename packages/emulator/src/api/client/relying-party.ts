// The tenant's passkey relying party, as the passkey handlers verify against it: its
// configuration from the Management API, and the emulator's defaults where it has none.
import type { ApiContext } from "../../domain/context.ts";
import type { RelyingParty } from "../../domain/passkeys.ts";
import { entry } from "../../state/records.ts";

/** The origin the browser wrote into the client data, to judge it when the tenant lists no origins. */
function clientDataOrigin(response: unknown): string | undefined {
  const encoded = (response as { response?: { clientDataJSON?: unknown } } | null)?.response?.clientDataJSON;
  if (typeof encoded !== "string") return undefined;
  try {
    const origin = (JSON.parse(Buffer.from(encoded, "base64url").toString("utf8")) as { origin?: unknown }).origin;
    return typeof origin === "string" ? origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The tenant's relying party, from its passkey configuration (Management API). Without one, the
 * relying party is `localhost`, and without expected origins every http(s) origin on the relying
 * party's host (any port) is accepted, so an app on `http://localhost:5173` needs no setup: both
 * documented guesses.
 */
export function relyingParty(context: ApiContext, response?: unknown): RelyingParty {
  const configuration = entry(context.state.management.authenticatorConfigurations ?? {}, "passkey") as
    | { relyingParty?: string; expectedOrigins?: string[]; userVerificationRequirement?: string | null }
    | undefined;
  const id = configuration?.relyingParty ?? "localhost";
  let origins = configuration?.expectedOrigins ?? [];
  if (origins.length === 0) {
    const origin = clientDataOrigin(response);
    const onHost = origin !== undefined && URL.canParse(origin) && new URL(origin);
    origins =
      onHost && /^https?:$/.test(onHost.protocol) && onHost.hostname === id ? [onHost.origin] : [`https://${id}`];
  }
  return {
    id,
    name: context.state.management.tenant.name ?? "Authsignal",
    origins,
    userVerification: configuration?.userVerificationRequirement === "required" ? "required" : "preferred",
  };
}
