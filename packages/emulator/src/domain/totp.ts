// Authenticator app codes, as RFC 6238 makes them (TOTP: HOTP of RFC 4226 over 30-second steps),
// with the secret in base32 (RFC 4648) as apps take it, and the `otpauth://` URI they scan. A code
// is accepted one step either side of now, for a phone's clock that is a little off, and each step
// once: a code seen once cannot be replayed.
const { createHmac } = process.getBuiltinModule("node:crypto");

export interface TotpOptions {
  /** Seconds per step. */
  period: number;
  digits: number;
  algorithm: "SHA1" | "SHA256" | "SHA512";
}

/** What authenticator apps assume when a URI says nothing else (and what Authsignal's enrolment URIs use). */
export const defaultTotpOptions: TotpOptions = { period: 30, digits: 6, algorithm: "SHA1" };

/** How many steps a code may be behind or ahead of the verifier's clock. */
export const totpDriftSteps = 1;

const base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let text = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      text += base32Alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) text += base32Alphabet[(value << (5 - bits)) & 31];
  return text;
}

/** The bytes of a base32 secret; spaces, hyphens, padding and case ignored, as apps read it. */
export function base32Decode(text: string): Uint8Array {
  const clean = text.replace(/[\s=-]/g, "").toUpperCase();
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = base32Alphabet.indexOf(char);
    if (index === -1) throw new RangeError(`"${char}" is not a base32 character`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Uint8Array.from(bytes);
}

/** A new secret: 20 random bytes (160 bits, RFC 4226's recommended length), in base32. */
export const newTotpSecret = (): string => base32Encode(crypto.getRandomValues(new Uint8Array(20)));

/** RFC 4226's HOTP value of `counter`: the HMAC's dynamic truncation, as `digits` digits. */
export function hotp(key: Uint8Array, counter: number, digits: number, algorithm: TotpOptions["algorithm"]): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm.toLowerCase(), key).update(message).digest();
  const offset = (mac[mac.length - 1] as number) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, "0");
}

/** The step `timeMs` falls in. */
export const totpStep = (timeMs: number, options: TotpOptions = defaultTotpOptions) =>
  Math.floor(timeMs / 1000 / options.period);

/** The code for `timeMs` of the base32 `secret`. */
export function totpCode(secret: string, timeMs: number, options: TotpOptions = defaultTotpOptions): string {
  return hotp(base32Decode(secret), totpStep(timeMs, options), options.digits, options.algorithm);
}

/**
 * The step whose code `code` is, within the drift allowed around `timeMs` and after `lastUsedStep`
 * (a step used once is spent, and so is every earlier one); undefined when it is none of them.
 */
export function matchTotpStep(
  secret: string,
  code: string,
  timeMs: number,
  lastUsedStep: number | undefined,
  options: TotpOptions = defaultTotpOptions,
): number | undefined {
  if (!/^\d+$/.test(code) || code.length !== options.digits) return undefined;
  const key = base32Decode(secret);
  const now = totpStep(timeMs, options);
  for (let step = now - totpDriftSteps; step <= now + totpDriftSteps; step++) {
    if (lastUsedStep !== undefined && step <= lastUsedStep) continue;
    if (hotp(key, step, options.digits, options.algorithm) === code) return step;
  }
  return undefined;
}

/** The `otpauth://totp/…` URI an app scans (Google Authenticator's key URI format). */
export function totpUri(secret: string, issuer: string, account: string, options = defaultTotpOptions): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const query = new URLSearchParams({ secret, issuer });
  if (options.algorithm !== "SHA1") query.set("algorithm", options.algorithm);
  if (options.digits !== 6) query.set("digits", String(options.digits));
  if (options.period !== 30) query.set("period", String(options.period));
  return `otpauth://totp/${label}?${query}`;
}
