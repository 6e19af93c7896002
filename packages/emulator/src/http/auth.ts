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
const digest = (text: string) => nodeCrypto.hash("sha256", text, "buffer");

// The API's side is the same at every request: digested once per secret.
const secretDigests = new Map<string, Buffer>();

// A client sends the same header with every request, so the given side is digested once per header
// too. What the cache holds and how long a lookup takes depend on the headers sent, never on the
// secret; it is emptied when full, so a client sending a new header each time cannot grow it.
const headerDigests = new Map<string | null, Buffer | null>();
const headerDigestsKept = 64;

/** The digest of the header's key, or null when the header carries none. */
function givenDigest(header: string | null): Buffer | null {
  let given = headerDigests.get(header);
  if (given === undefined) {
    const secret = basicSecret(header);
    given = secret === undefined ? null : digest(secret);
    if (headerDigests.size >= headerDigestsKept) headerDigests.clear();
    headerDigests.set(header, given);
  }
  return given;
}

/** Whether the header's key is `secret`, compared in constant time. */
export function keyMatches(header: string | null, secret: string): boolean {
  let expected = secretDigests.get(secret);
  if (!expected) {
    expected = digest(secret);
    secretDigests.set(secret, expected);
  }
  const given = givenDigest(header);
  // Read as a property at each call (not destructured), so the comparison is the module's own.
  return nodeCrypto.timingSafeEqual(given ?? emptyDigest(), expected) && given !== null;
}

let empty: Buffer | undefined;
/** What a header without a key is compared as, so a refusal takes as long whatever was sent. */
const emptyDigest = () => {
  empty ??= digest("");
  return empty;
};
