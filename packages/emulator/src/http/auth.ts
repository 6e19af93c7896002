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
  // The pattern admits only base64's alphabet, which Buffer decodes without throwing.
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon === -1 ? decoded : decoded.slice(0, colon);
}

// SHA-256 first, so the two sides are always 32 bytes: timingSafeEqual needs equal lengths, and the
// key's own length would otherwise show in when it returns.
const digest = (text: string) => nodeCrypto.createHash("sha256").update(text, "utf8").digest();

// The API's side is the same at every request: digested once per secret.
const secretDigests = new Map<string, Buffer>();

/** Whether the header's key is `secret`, compared in constant time. */
export function keyMatches(header: string | null, secret: string): boolean {
  const given = basicSecret(header);
  let expected = secretDigests.get(secret);
  if (!expected) {
    expected = digest(secret);
    secretDigests.set(secret, expected);
  }
  // Read as a property at each call (not destructured), so the comparison is the module's own.
  return nodeCrypto.timingSafeEqual(digest(given ?? ""), expected) && given !== undefined;
}
