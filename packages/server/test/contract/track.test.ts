// Contract tests: every call goes through the public client to a Prism mock started from this
// package's bundled spec with --errors (see vitest-prism-setup.ts in scripts/).
import { contractClientOptions, rejectionOf } from "@authsignal-ts/scripts/contract-testing";
import { describe, expect, it } from "vitest";
import { AuthsignalApiError, createServerClient } from "../../src/index.ts";

const server = createServerClient(contractClientOptions("server"));

async function apiError(promise: Promise<unknown>): Promise<AuthsignalApiError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(AuthsignalApiError);
  return error as AuthsignalApiError;
}

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

  it.each([400, 401, 404, 429, 500])("surfaces the documented %i error", async (status) => {
    const error = await apiError(
      server.track({ userId: "usr_123", action: "signIn" }, { headers: { prefer: `code=${status}` } }),
    );
    expect(error.statusCode).toBe(status);
    expect(error.errorCode).toMatch(/^[a-z_]+$/);
    expect(error.errorDescription).toBeTruthy();
  });

  it("is refused by the mock when the request breaks the spec", async () => {
    // Prism answers a request that fails validation with the operation's documented 400 (it
    // generates a 422 only when neither 422 nor 400 is documented) and lists the violation.
    const error = await apiError(
      server.track({ userId: "usr_123", action: "signIn", attributes: { email: "not-an-email" } }),
    );
    expect(error.statusCode).toBe(400);
    const violations = JSON.parse(error.headers.get("sl-violations") ?? "[]") as { location: string[] }[];
    expect(violations.map((violation) => violation.location.join("."))).toContain("request.body.email");
  });
});
