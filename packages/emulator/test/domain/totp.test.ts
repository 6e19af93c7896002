import { describe, expect, it } from "vitest";
import {
  base32Decode,
  base32Encode,
  hotp,
  matchTotpStep,
  newTotpSecret,
  totpCode,
  totpUri,
} from "../../src/domain/totp.ts";

const ascii = (text: string) => new TextEncoder().encode(text);

describe("base32 (RFC 4648)", () => {
  // RFC 4648 §10's test vectors, without padding, which authenticator apps leave out.
  it.each([
    ["", ""],
    ["f", "MY"],
    ["fo", "MZXQ"],
    ["foo", "MZXW6"],
    ["foob", "MZXW6YQ"],
    ["fooba", "MZXW6YTB"],
    ["foobar", "MZXW6YTBOI"],
  ])("encodes %j as %s and reads it back", (text, encoded) => {
    expect(base32Encode(ascii(text))).toBe(encoded);
    expect(new TextDecoder().decode(base32Decode(encoded))).toBe(text);
  });

  it("reads a secret as people type it: lower case, spaces, padding", () => {
    expect(new TextDecoder().decode(base32Decode("mzxw 6ytb oi======"))).toBe("foobar");
    expect(() => base32Decode("MZXW1")).toThrow(/"1" is not a base32 character/);
  });
});

describe("HOTP (RFC 4226)", () => {
  // RFC 4226 Appendix D: the secret "12345678901234567890", counters 0 to 9.
  it("gives Appendix D's values", () => {
    const key = ascii("12345678901234567890");
    expect(Array.from({ length: 10 }, (_, counter) => hotp(key, counter, 6, "SHA1"))).toEqual([
      "755224",
      "287082",
      "359152",
      "969429",
      "338314",
      "254676",
      "287922",
      "162583",
      "399871",
      "520489",
    ]);
  });
});

describe("TOTP (RFC 6238)", () => {
  // RFC 6238 Appendix B: 8 digits, a seed per algorithm, at six times.
  const seeds = {
    SHA1: "12345678901234567890",
    SHA256: "12345678901234567890123456789012",
    SHA512: "1234567890123456789012345678901234567890123456789012345678901234",
  } as const;
  it.each<[number, keyof typeof seeds, string]>([
    [59, "SHA1", "94287082"],
    [59, "SHA256", "46119246"],
    [59, "SHA512", "90693936"],
    [1111111109, "SHA1", "07081804"],
    [1111111109, "SHA256", "68084774"],
    [1111111109, "SHA512", "25091201"],
    [1111111111, "SHA1", "14050471"],
    [1234567890, "SHA256", "91819424"],
    [2000000000, "SHA512", "38618901"],
    [20000000000, "SHA1", "65353130"],
    [20000000000, "SHA256", "77737706"],
    [20000000000, "SHA512", "47863826"],
  ])("at %i s with %s gives %s", (seconds, algorithm, code) => {
    const secret = base32Encode(ascii(seeds[algorithm]));
    expect(totpCode(secret, seconds * 1000, { period: 30, digits: 8, algorithm })).toBe(code);
  });
});

describe("matchTotpStep", () => {
  const secret = newTotpSecret();
  const now = 1_800_000_000_000;
  const step = Math.floor(now / 30_000);
  const codeAt = (offsetSteps: number) => totpCode(secret, now + offsetSteps * 30_000);

  it("accepts the code of now, and of one step either side", () => {
    expect(matchTotpStep(secret, codeAt(0), now, undefined)).toBe(step);
    expect(matchTotpStep(secret, codeAt(-1), now, undefined)).toBe(step - 1);
    expect(matchTotpStep(secret, codeAt(1), now, undefined)).toBe(step + 1);
  });

  it("refuses two steps of drift, a code of the wrong length and one that is not digits", () => {
    const twoBehind = codeAt(-2);
    // A code of two steps away may equal one of the three accepted by chance (1 in 333,333).
    if (![-1, 0, 1].map(codeAt).includes(twoBehind)) {
      expect(matchTotpStep(secret, twoBehind, now, undefined)).toBeUndefined();
    }
    expect(matchTotpStep(secret, codeAt(0).slice(1), now, undefined)).toBeUndefined();
    expect(matchTotpStep(secret, "12345a", now, undefined)).toBeUndefined();
  });

  it("refuses a step already used, and every step before it", () => {
    expect(matchTotpStep(secret, codeAt(0), now, step)).toBeUndefined();
    expect(matchTotpStep(secret, codeAt(-1), now, step)).toBeUndefined();
    expect(matchTotpStep(secret, codeAt(1), now, step)).toBe(step + 1);
  });

  it("makes secrets of 160 bits, each its own", () => {
    expect(base32Decode(secret)).toHaveLength(20);
    expect(newTotpSecret()).not.toBe(secret);
  });
});

describe("totpUri", () => {
  it("names the issuer and account, and the secret, as apps read the key URI format", () => {
    const uri = new URL(totpUri("JBSWY3DPEHPK3PXP", "Acme Inc", "jane@example.com"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Acme Inc:jane@example.com");
    expect(uri.searchParams.get("secret")).toBe("JBSWY3DPEHPK3PXP");
    expect(uri.searchParams.get("issuer")).toBe("Acme Inc");
    expect(uri.searchParams.has("digits")).toBe(false);
  });
});
