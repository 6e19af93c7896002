// The Client API's two credentials: the token `track` returned, for calls made for a known user,
// and the tenant ID, for those made before one is known (a passkey sign-in). Which an operation
// takes is its `security` in the spec, carried by the operation table.
import { AuthsignalValidationError, type Credentials } from "@authsignal-ts/core";

export interface ClientApiCredentials {
  /** Your tenant's ID (Settings → API keys in the portal). It is public: browsers send it. */
  tenantId: string;
  /**
   * The token `track` returned for the user, or one a verification returned. Operations that
   * accept either send it in preference to the tenant ID, as the official web SDK does.
   */
  token?: string;
}

// A value read from a file or an environment variable often ends in a newline, which a header
// cannot carry (a token) or which would be sent encoded and fail with a 401 (a tenant ID). Both are
// printable ASCII, so anything else is refused as an argument error rather than a failed request.
const unsendable = /[^!-~]/;

function checkCredential(field: "tenantId" | "token", value: unknown): asserts value is string {
  if (typeof value !== "string" || value === "")
    throw new AuthsignalValidationError(field, "expected a non-empty string");
  if (unsendable.test(value))
    throw new AuthsignalValidationError(field, "must not contain whitespace, control or non-ASCII characters");
}

export const clientApiCredentials: Credentials<ClientApiCredentials> = ({ tenantId, token }) => {
  checkCredential("tenantId", tenantId);
  if (token !== undefined) checkCredential("token", token);
  // As the official web SDK writes it (its api/helpers.ts): base64 of the URI-encoded ID, with no
  // colon. The live API accepts it; openapi/README.md records why the spec allows both forms.
  const tenant = `Basic ${btoa(encodeURIComponent(tenantId))}`;
  const bearer = token === undefined ? undefined : `Bearer ${token}`;
  return (operation) => {
    // A path the operation table does not list (the `/web` routes, reached through the fetch
    // client) gets what the client has, and the API decides.
    const schemes = operation ? (operation.security ?? ["token"]) : ["token", "tenant"];
    if (bearer !== undefined && schemes.includes("token")) return bearer;
    if (schemes.includes("tenant")) return tenant;
    throw new AuthsignalValidationError(
      "token",
      `${operation?.path} needs the user's token: pass token, or call withToken(token)`,
    );
  };
};
