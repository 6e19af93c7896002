// Contract tests of track, against the Prism mock (see support.ts).
import { describe, expect, it } from "vitest";
import { apiError, contractServer, surfacesDocumentedErrors, violationLocations } from "./support.ts";

const server = contractServer();

describe("track", () => {
  it("returns the documented response", async () => {
    const result = await server.track({
      userId: "usr_123",
      action: "signIn",
      attributes: { email: "jane@example.com", ipAddress: "203.0.113.7", deviceId: "dev_1", custom: { plan: "pro" } },
    });
    expect(result.state).toBe("CHALLENGE_REQUIRED");
    expect(result.isEnrolled).toBe(true);
    expect(typeof result.url).toBe("string");
  });

  it.each([
    [
      "the nulls the Go SDK sends by default",
      { redirectToSettings: null, crypto: { asset: "BTC", assetAmount: null, assetAmountUsd: null } },
    ],
    ["the phone number in local form the Go live test sends", { phoneNumber: "1234567890" }],
    ["the redirectToSettings the .NET SDK always sends", { redirectToSettings: false }],
  ] as const)("accepts %s", async (_, attributes) => {
    const result = await server.track({ userId: "usr_123", action: "signIn", attributes });
    expect(result.state).toBe("CHALLENGE_REQUIRED");
  });

  surfacesDocumentedErrors((options) => server.track({ userId: "usr_123", action: "signIn" }, options));

  it("is refused by the mock when the request breaks the spec", async () => {
    // Prism answers a request that fails validation with the operation's documented 400 (it
    // generates a 422 only when neither 422 nor 400 is documented) and lists the violation.
    const error = await apiError(
      server.track({ userId: "usr_123", action: "signIn", attributes: { email: "not-an-email" } }),
    );
    expect(violationLocations(error)).toContain("request.body.email");
  });
});
