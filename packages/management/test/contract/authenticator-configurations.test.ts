// Contract tests for PATCH /authenticator-configurations/{authenticatorId}, the generic, flat update.
import { describe, expect, it } from "vitest";
import { expectRefused, mgmt, surfacesDocumentedErrors } from "./support.ts";

const authenticatorId = "6a1f2e9d-4c3b-4d5a-8e7f-9b0c1d2e3f4a";

describe("updateAuthenticatorConfiguration", () => {
  it("sends the fields for one method and returns the whole configuration", async () => {
    const configuration = await mgmt.updateAuthenticatorConfiguration({
      authenticatorId,
      attributes: {
        smsProvider: "TWILIO",
        verificationCodeLength: 6,
        smsCountryCodes: ["AU", "NZ"],
        sendingRateLimitConfiguration: { rateLimit: 5, windowInMinutes: 60 },
        twilioCredentials: { accountSid: "AC123", messagingServiceSid: "MG123", authToken: "secret" },
      },
    });
    expect(configuration.authenticatorId).toBe(authenticatorId);
    expect(configuration.verificationMethod).toBe("SMS");
    expect(configuration.smsProvider).toBe("TWILIO");
    expect(configuration.sendingRateLimitConfiguration?.rateLimit).toBe(5);
  });

  it("accepts passkey settings and null to clear an optional list", async () => {
    const configuration = await mgmt.updateAuthenticatorConfiguration({
      authenticatorId,
      attributes: {
        relyingParty: "acme.com",
        userVerificationRequirement: "required",
        authenticatorAttachment: "all-supported",
        passkeyRegistrationHints: ["security-key"],
        expectedOrigins: null,
      },
    });
    expect(configuration.authenticatorId).toBe(authenticatorId);
  });

  surfacesDocumentedErrors((options) =>
    mgmt.updateAuthenticatorConfiguration({ authenticatorId, attributes: { isActive: false } }, options),
  );

  it("is refused by the mock when the code length is outside 2 to 10", async () => {
    await expectRefused(
      mgmt.updateAuthenticatorConfiguration({ authenticatorId, attributes: { verificationCodeLength: 11 } }),
      "verificationCodeLength",
    );
  });

  it("is refused by the mock when the session lasts more than 60 minutes", async () => {
    await expectRefused(
      mgmt.updateAuthenticatorConfiguration({ authenticatorId, attributes: { sessionTtlInMinutes: 61 } }),
      "sessionTtlInMinutes",
    );
  });

  it("is refused by the mock when the SMS provider is not one it documents", async () => {
    await expectRefused(
      // @ts-expect-error VONAGE is not a documented SMS provider
      mgmt.updateAuthenticatorConfiguration({ authenticatorId, attributes: { smsProvider: "VONAGE" } }),
      "smsProvider",
    );
  });

  it("is refused by the mock when a country code is not two capital letters", async () => {
    await expectRefused(
      mgmt.updateAuthenticatorConfiguration({ authenticatorId, attributes: { smsCountryCodes: ["nz"] } }),
      "smsCountryCodes",
    );
  });
});
