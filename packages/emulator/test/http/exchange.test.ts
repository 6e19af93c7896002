import { describe, expect, it } from "vitest";
import { urlOf } from "../../src/http/exchange.ts";

// WHATWG URL is the reference: whatever urlOf reads off a plain target, or parses, must be what a
// URL parsed from the same text says, for every field the edge reads.
const origin = "http://127.0.0.1:8787";
const fieldsOf = (url: ReturnType<typeof urlOf>) => ({
  href: url.href,
  origin: url.origin,
  pathname: url.pathname,
  search: url.search,
  params: [...url.searchParams],
});
const reference = (target: string) => fieldsOf(new URL(`${origin}${target}`));

const targets = [
  "/v1/users/usr_1/actions/signIn",
  "/v1/users/usr_1?limit=2&cursor=a,b",
  "/v1/users/a%20b/actions/x%2Fy",
  "/v1/users/%E2%82%AC",
  "/v1/users/%zz",
  "/v1/users/../management/tenant",
  "/v1/users/./x",
  "/v1/users/%2e%2E/x",
  "/v1/users/.%2E/x",
  "/v1/users/.hidden",
  "/v1/users/a.b.c",
  "/v1/users/x?",
  "/v1/users/x?a=1#fragment",
  "/v1/users/x#fragment",
  "/v1/users/a b",
  "/v1/users/é",
  "/v1/users/a\\b",
  "/v1/users/a'b?q='x'",
  "/v1/users/{x}?q={y}",
  "/v1/users/x?q=/./",
  "/v1//users",
  "/",
  "/_emulator/v1/requests?limit=5&method=POST",
];

// Every character of printable ASCII and a few beyond: random targets built from them reach the
// cases a list would miss.
const alphabet = [..."abcXYZ019-._~!$&'()*+,;=:@/%?#[]{}|^`\"<> \\", "%2e", "%2E", "..", "é", "€", "\t"];

function randomTargets(seed: number, count: number): string[] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return Array.from({ length: count }, () => {
    const length = 1 + Math.floor(next() * 24);
    return `/${Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join("")}`;
  });
}

describe("urlOf", () => {
  for (const target of targets) {
    it(`reads ${JSON.stringify(target)} as URL parses it`, () => {
      expect(fieldsOf(urlOf(origin, target))).toEqual(reference(target));
    });
  }

  it("reads 5,000 random targets as URL parses them", () => {
    const seed = 20261207;
    for (const target of randomTargets(seed, 5000)) {
      expect(fieldsOf(urlOf(origin, target)), `seed ${seed}, target ${JSON.stringify(target)}`).toEqual(
        reference(target),
      );
    }
  });
});
