import { describe, expect, it } from "vitest";
import { randomTokenId, randomUuid } from "../../src/domain/random.ts";

const count = 20_000; // past several refills of the random block (256 IDs each)

describe("randomUuid", () => {
  const uuids = Array.from({ length: count }, randomUuid);

  it("makes version 4 UUIDs in crypto.randomUUID's form", () => {
    const malformed = uuids.filter(
      (uuid) => !/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(uuid),
    );
    expect(malformed).toEqual([]);
  });

  it("never repeats one", () => {
    expect(new Set(uuids).size).toBe(count);
  });

  it("draws every random digit from all sixteen values, evenly", () => {
    // Each position but the version's is random: over 20,000 UUIDs a digit is expected 1,250
    // times; a value under 1,000 or over 1,500 is a stuck or biased digit, not chance.
    for (let position = 0; position < 36; position++) {
      if ([8, 13, 14, 18, 23].includes(position)) continue;
      const tally = new Map<string, number>();
      for (const uuid of uuids) tally.set(uuid[position] as string, (tally.get(uuid[position] as string) ?? 0) + 1);
      const expected = position === 19 ? 4 : 16;
      expect(tally.size, `position ${position}`).toBe(expected);
      const mean = count / expected;
      for (const [digit, seen] of tally)
        expect(Math.abs(seen - mean) / mean, `position ${position} digit ${digit}`).toBeLessThan(0.2);
    }
  });
});

describe("randomTokenId", () => {
  it("makes 22 base64url characters (128 bits), never the same twice", () => {
    const ids = Array.from({ length: count }, randomTokenId);
    expect(ids.filter((id) => !/^[A-Za-z0-9_-]{22}$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(count);
  });

  it("shares the random block with randomUuid without handing out the same bytes twice", () => {
    const mixed = Array.from({ length: 2000 }, (_, index) =>
      index % 2 === 0 ? Buffer.from(randomTokenId(), "base64url").toString("hex") : randomUuid().replaceAll("-", ""),
    );
    // A UUID's version and variant bits are set in place; compare the bytes they leave alone.
    const randomPart = (hex: string) => hex.slice(0, 12) + hex.slice(14, 16) + hex.slice(18);
    expect(new Set(mixed.map(randomPart)).size).toBe(2000);
  });
});
