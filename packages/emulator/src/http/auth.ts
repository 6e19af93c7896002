// API keys: the Basic `Authorization` header's key, compared with the API's in constant time, so
// how long a refusal takes says nothing about how much of a guess was right.
import { builtin } from "./builtins.ts";

const nodeCrypto = builtin<typeof import("node:crypto")>("node:crypto");

export const unauthorizedDescription =
  "The request is unauthorized. Check that your API key and region base URL are correctly configured.";

/** The secret of a Basic `Authorization` header: the user-id, with the password ignored. */
export function basicSecret(header: string | null): string | undefined {
  const match = header ? /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header) : null;
  if (!match?.[1]) return undefined;
  let decoded: string;
  try {
    decoded = new TextDecoder().decode(Uint8Array.from(atob(match[1]), (char) => char.charCodeAt(0)));
  } catch {
    return undefined;
  }
  const colon = decoded.indexOf(":");
  return colon === -1 ? decoded : decoded.slice(0, colon);
}

// SHA-256 first, so the two sides are always 32 bytes: timingSafeEqual needs equal lengths, and the
// key's own length would otherwise show in when it returns.
const digest = (text: string) => nodeCrypto.createHash("sha256").update(text, "utf8").digest();

/** Whether the header's key is `secret`, compared in constant time. */
export function keyMatches(header: string | null, secret: string): boolean {
  const given = basicSecret(header);
  // Read as a property at each call (not destructured), so the comparison is the module's own.
  return nodeCrypto.timingSafeEqual(digest(given ?? ""), digest(secret)) && given !== undefined;
}
