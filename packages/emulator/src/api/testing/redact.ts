// What the journal hides unless asked: a field whose name says it holds a secret or a code. Names
// are split into words (camelCase, snake_case, kebab-case), so `refreshToken`, `verification_code`
// and `privateKey` are caught while `actionCode`, `countryCode` and `idempotencyKey` are not.

export const REDACTED = "[redacted]";

const secretWords = new Set([
  "token",
  "tokens",
  "secret",
  "secrets",
  "password",
  "passcode",
  "otp",
  "jwt",
  "signature",
  "cookie",
  "authorization",
  "credential",
  "credentials",
]);
/** `…Key` is a secret after these words; `idempotencyKey` is not. */
const secretKeyPrefixes = new Set(["private", "api", "secret", "session", "signing", "access", "refresh"]);
/** `…Code` is a code to verify after these words; `actionCode` and `countryCode` are not. */
const secretCodePrefixes = new Set(["verification", "otp", "recovery", "one", "auth", "confirmation"]);

function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[\s_\-.]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** Whether a field of this name holds a secret or a code. */
export function isSecretName(name: string): boolean {
  const words = wordsOf(name);
  if (words.some((word) => secretWords.has(word))) return true;
  const last = words.at(-1);
  const before = words.at(-2);
  if (last === "key" || last === "keys") return before === undefined || secretKeyPrefixes.has(before);
  // A lone `code` is an OTP (verify's); a lone `codes` is a list of action codes (queryUserActions').
  if (last === "code") return before === undefined || secretCodePrefixes.has(before);
  if (last === "codes") return before !== undefined && secretCodePrefixes.has(before);
  return false;
}

/**
 * Whether to hide this value of a secret field: booleans and null reveal nothing, and a number only
 * when it can be a code (`tokenDurationInMinutes` is a setting, `code: 123456` is not).
 */
function hides(name: string, value: unknown): boolean {
  if (value === null || typeof value === "boolean" || !isSecretName(name)) return false;
  return typeof value !== "number" || /(code|codes|otp|passcode)$/i.test(name);
}

/** A copy of a JSON value with every secret field's value replaced by "[redacted]". */
export function redacted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redacted);
  if (typeof value !== "object" || value === null) return value;
  // fromEntries, so a field named __proto__ stays a field.
  return Object.fromEntries(
    Object.entries(value).map(([name, item]) => [name, hides(name, item) ? REDACTED : redacted(item)]),
  );
}
