// The test authenticator app against RFC 6238's own vectors (Appendix B, SHA-1: the ASCII secret
// "12345678901234567890", whose 8-digit codes end in these 6 digits).
import { describe, expect, it } from "vitest";
import { appCode } from "../../testing/authenticator-app.ts";

const secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // base32 of "12345678901234567890"

describe("appCode", () => {
  it.each([
    [59, "287082"],
    [1111111109, "081804"],
    [1111111111, "050471"],
    [1234567890, "005924"],
    [2000000000, "279037"],
    [20000000000, "353130"],
  ])("shows RFC 6238's code at %i s", (seconds, code) => {
    expect(appCode(secret, seconds * 1000)).toBe(code);
  });

  it("refuses a secret that is not base32", () => {
    expect(() => appCode("not base32!", 0)).toThrow(/base32/);
  });
});
