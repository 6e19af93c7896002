// Contract tests for the Challenges operations, against the Prism mock (see support.ts).
import { mockOnly } from "@authsignal-ts/scripts/testing/contract";
import { describe, expect, it } from "vitest";
import type { ChallengeRequest, ChallengeScope, ChallengeVerificationMethod } from "../../src/index.ts";
import {
  apiError,
  contractServer,
  preferExample,
  succeededChallengeToken,
  surfacesDocumentedErrors,
  violationLocations,
} from "./support.ts";

const server = contractServer();
const challengeId = "2d4f6a8c-1b3e-4d5f-9a7c-3e5f7a9b1c2d";
const token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3JfMTIzIn0.sig";

describe("challenge", () => {
  it.each<[string, ChallengeRequest]>([
    ["an SMS code", { verificationMethod: "SMS", action: "signIn", phoneNumber: "+6421555123", smsChannel: "DEFAULT" }],
    ["a WhatsApp code", { verificationMethod: "WHATSAPP", action: "signIn", phoneNumber: "+6421555123" }],
    [
      "an email code that adds an authenticator",
      {
        verificationMethod: "EMAIL_OTP",
        action: "addEmail",
        email: "jane@example.com",
        userId: "usr_123",
        scope: "add:authenticators",
        custom: { plan: "pro" },
      },
    ],
    ["another code for an earlier challenge, by its ID alone", { challengeId }],
    [
      "an email code whose token may read the user's authenticators",
      { verificationMethod: "EMAIL_OTP", action: "manage", email: "jane@example.com", scope: "read:authenticators" },
    ],
    [
      "an SMS code whose token may remove an authenticator",
      { verificationMethod: "SMS", action: "manage", phoneNumber: "+6421555123", scope: "remove:authenticators" },
    ],
  ])("sends %s", async (_, request) => {
    const result = await server.challenge(request);
    // A new challenge's ID is generated; only the example's is fixed (the seed pins the earlier one).
    mockOnly("server", () => expect(result.challengeId).toBe(challengeId));
    expect(result.challengeId).toBeTruthy();
    expect(Number.isInteger(result.expiresAt)).toBe(true);
    expect(result.idempotencyKey).toBeTruthy();
  });

  surfacesDocumentedErrors((options) =>
    server.challenge({ verificationMethod: "EMAIL_OTP", action: "signIn", email: "jane@example.com" }, options),
  );

  it("is refused by the mock when an SMS challenge has no phone number", async () => {
    // Cast on purpose: the types already require phoneNumber for SMS; this proves the spec does too.
    const request = { verificationMethod: "SMS", action: "signIn" } as ChallengeRequest;
    expect(violationLocations(await apiError(server.challenge(request)))).toContain("request.body");
  });

  it("is refused by the mock when the method cannot start a challenge", async () => {
    // Cast on purpose: PASSKEY challenges run on the client, not through this endpoint.
    const request = { verificationMethod: "PASSKEY", action: "signIn" } as unknown as ChallengeRequest;
    expect(violationLocations(await apiError(server.challenge(request)))).toContain("request.body.verificationMethod");
  });

  it("is refused by the mock when the phone number is not E.164", async () => {
    const error = await apiError(server.challenge({ verificationMethod: "SMS", action: "signIn", phoneNumber: "555" }));
    expect(violationLocations(error)).toContain("request.body.phoneNumber");
  });

  it("is refused by the mock when a resend by challengeId also names a contact detail", async () => {
    // The types let this through (excess properties are checked across the whole union); the spec
    // does not: a resend reuses the earlier challenge's phone number or email.
    const error = await apiError(server.challenge({ challengeId, email: "jane@example.com" }));
    expect(violationLocations(error)).toContain("request.body");
  });

  it("is refused by the mock when the scope is not one the API knows", async () => {
    const scope = "delete:authenticators" as ChallengeScope;
    const error = await apiError(
      server.challenge({ verificationMethod: "EMAIL_OTP", action: "a", email: "jane@example.com", scope }),
    );
    expect(violationLocations(error)).toContain("request.body");
  });
});

describe("verify", () => {
  it("reports a correct code", async () => {
    const result = await server.verify({ challengeId, verificationCode: "123456" });
    expect(result).toMatchObject({ isVerified: true, phoneNumber: "+6421555123", verificationMethod: "SMS" });
  });

  it("reports a wrong code with its reason, not as an error", async () => {
    const result = await server.verify({ challengeId, verificationCode: "000000" }, preferExample("wrongCode"));
    expect(result.isVerified).toBe(false);
    expect(result.failureReason).toBe("CODE_INVALID_OR_EXPIRED");
  });

  surfacesDocumentedErrors((options) => server.verify({ challengeId, verificationCode: "123456" }, options));

  it("is refused by the mock without a code", async () => {
    // Cast on purpose: verificationCode is required by the types too.
    const request = { challengeId } as { challengeId: string; verificationCode: string };
    expect(violationLocations(await apiError(server.verify(request)))).toContain("request.body");
  });
});

describe("claimChallenge", () => {
  it("returns a token for the claimed challenge", async () => {
    const result = await server.claimChallenge({ challengeId, userId: "usr_123", skipVerificationCheck: false });
    // The emulator signs a token of its own.
    mockOnly("server", () => expect(result.token).toBe(token));
    expect(result.verificationMethod).toBe("SMS");
  });

  surfacesDocumentedErrors((options) => server.claimChallenge({ challengeId, userId: "usr_123" }, options));
});

describe("validateChallenge", () => {
  it("returns the action's outcome, with the action code under both names the wire uses", async () => {
    const succeeded = await succeededChallengeToken(token);
    const result = await server.validateChallenge({ token: succeeded, userId: "usr_123", action: "signIn" });
    expect(result).toMatchObject({ isValid: true, state: "CHALLENGE_SUCCEEDED", userId: "usr_123" });
    expect(result.action).toBe("signIn");
    expect(result.actionCode).toBe("signIn");
    // The example's challenge was a passkey's; the emulator completes challenges by OTP only.
    mockOnly("server", () => expect(result.verificationMethod).toBe("PASSKEY"));
  });

  surfacesDocumentedErrors((options) => server.validateChallenge({ token }, options));

  it("is refused by the mock when the action code breaks the pattern", async () => {
    const error = await apiError(server.validateChallenge({ token, action: "sign in" }));
    expect(violationLocations(error)).toContain("request.body.action");
  });
});

describe("getChallenge", () => {
  it("returns the challenge in progress", async () => {
    const result = await server.getChallenge({ userId: "usr_123", action: "signIn", verificationMethod: "SMS" });
    expect(result).toMatchObject({ verificationMethod: "SMS", smsChannel: "WHATSAPP", action: "signIn" });
    // The emulator's resend by ID ("challenge" above) starts a new challenge, and the newest is found.
    mockOnly("server", () => expect(result.challengeId).toBe(challengeId));
    expect(typeof result.action).toBe("string");
    expect(Number.isInteger(result.expiresAt)).toBe(true);
  });

  surfacesDocumentedErrors((options) => server.getChallenge({ challengeId }, options));

  it("is refused by the mock when the method cannot start a challenge", async () => {
    // Cast on purpose: the types only accept SMS, EMAIL_OTP and WHATSAPP.
    const verificationMethod = "PASSKEY" as ChallengeVerificationMethod;
    const error = await apiError(server.getChallenge({ userId: "usr_123", verificationMethod }));
    expect(violationLocations(error)).toContain("request.query.verificationmethod");
  });
});
