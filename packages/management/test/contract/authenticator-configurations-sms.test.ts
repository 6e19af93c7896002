// Contract tests for /authenticator-configurations/sms: the tenant's one SMS configuration.
import { describe, expect, it } from "vitest";
import type { CreateSmsAuthenticatorConfigurationBody } from "../../src/index.ts";
import { createsFindTheMethodFree, expectRefused, mgmt, surfacesDocumentedErrors } from "./support.ts";

const twilio: CreateSmsAuthenticatorConfigurationBody = {
  smsProvider: "TWILIO",
  smsCountryCodes: ["AU", "NZ"],
  defaultCountryCode: "NZ",
  submissionRateLimitConfiguration: { rateLimit: 3, windowInMinutes: 2.5 },
  twilioCredentials: { accountSid: "AC1", messagingServiceSid: "MG1", authToken: "secret-token" },
};

describe("createSmsAuthenticatorConfiguration", () => {
  createsFindTheMethodFree(() => mgmt.deleteSmsAuthenticatorConfiguration());

  it("sends the settings as the body and returns them without the secret", async () => {
    const configuration = await mgmt.createSmsAuthenticatorConfiguration(twilio);
    expect(configuration.verificationMethod).toBe("SMS");
    expect(configuration.smsProvider).toBe("TWILIO");
    expect(configuration.twilioCredentials?.messagingServiceSid).toBeTruthy();
    expect(configuration.twilioCredentials).not.toHaveProperty("authToken");
  });

  it("accepts each provider's credentials, a webhook and every kind of limit", async () => {
    const bodies: CreateSmsAuthenticatorConfigurationBody[] = [
      { smsProvider: "BIRD", birdSmsCredentials: { accessKey: "k", workspaceId: "w", enableMessageTemplates: true } },
      { smsProvider: "MESSAGE_MEDIA", messageMediaCredentials: { apiKey: "k", apiSecret: "s", sourceNumber: "+6421" } },
      { smsProvider: "MODICA_GROUP", modicaGroupCredentials: { username: "u", password: "p" } },
      { smsProvider: "TNZ", isActive: false, tnzCredentials: { apiKey: "k" } },
      {
        smsProvider: "WEBHOOK",
        webhookUrl: "https://hooks.acme.com/sms",
        sendingRateLimitConfigurations: [{ rateLimit: 10, windowInMinutes: 60 }],
        prefixRateLimitConfigurations: [
          { enabled: true, blockSize: "country", rateLimit: 5, windowInMinutes: 0.5 },
          { blockSize: 4, countryCodes: ["NZ", "XK"] },
        ],
        allowedCustomSmsVariables: ["firstName"],
      },
    ];
    for (const body of bodies) {
      expect((await mgmt.createSmsAuthenticatorConfiguration(body)).authenticatorId).toBeTruthy();
      // The tenant has one configuration per method: the next create needs this one gone.
      await mgmt.deleteSmsAuthenticatorConfiguration();
    }
  });

  // A create repeated after a lost response gets 409.
  surfacesDocumentedErrors(
    (options) => mgmt.createSmsAuthenticatorConfiguration(twilio, options),
    [{ status: 409, errorCode: "already_exists" }],
  );

  it("is refused by the mock when the provider is one only the generic endpoint takes", async () => {
    await expectRefused(
      // @ts-expect-error MESSAGE_BIRD_V2 is a provider of the generic endpoint; this one takes BIRD
      mgmt.createSmsAuthenticatorConfiguration({ ...twilio, smsProvider: "MESSAGE_BIRD_V2" }),
      "smsProvider",
    );
  });

  it("is refused by the mock without a provider", async () => {
    const { smsProvider: _, ...withoutProvider } = twilio;
    // @ts-expect-error smsProvider is required
    await expectRefused(mgmt.createSmsAuthenticatorConfiguration(withoutProvider), "smsProvider");
  });

  it("is refused by the mock when a field belongs to the generic endpoint only", async () => {
    // @ts-expect-error smsChannel is not a field of the SMS configuration
    await expectRefused(mgmt.createSmsAuthenticatorConfiguration({ ...twilio, smsChannel: "DEFAULT" }), "smsChannel");
  });

  it("is refused by the mock when new credentials leave out their secret", async () => {
    const withoutToken = { accountSid: "AC1", messagingServiceSid: "MG1" };
    await expectRefused(
      // @ts-expect-error creating Twilio credentials needs the auth token
      mgmt.createSmsAuthenticatorConfiguration({ ...twilio, twilioCredentials: withoutToken }),
      "authToken",
    );
  });

  it("is refused by the mock when a country code is not one the API accepts", async () => {
    await expectRefused(
      // @ts-expect-error ZZ is not a country code
      mgmt.createSmsAuthenticatorConfiguration({ ...twilio, smsCountryCodes: ["ZZ"] }),
      "smsCountryCodes",
    );
  });

  it("is refused by the mock when a limit is out of range", async () => {
    await expectRefused(
      mgmt.createSmsAuthenticatorConfiguration({
        ...twilio,
        submissionRateLimitConfiguration: { rateLimit: 101, windowInMinutes: 1 },
      }),
      "rateLimit",
    );
  });

  it("is refused by the mock when the webhook is not HTTPS", async () => {
    await expectRefused(
      mgmt.createSmsAuthenticatorConfiguration({ smsProvider: "WEBHOOK", webhookUrl: "http://hooks.acme.com/sms" }),
      "webhookUrl",
    );
  });
});

describe("getSmsAuthenticatorConfiguration", () => {
  it("returns the configuration", async () => {
    const configuration = await mgmt.getSmsAuthenticatorConfiguration();
    expect(configuration.authenticatorId).toBeTruthy();
    expect(configuration.isActive).toBe(true);
    expect(configuration.submissionRateLimitConfiguration?.windowInMinutes).toBe(2.5);
  });

  surfacesDocumentedErrors((options) => mgmt.getSmsAuthenticatorConfiguration({}, options));
});

describe("updateSmsAuthenticatorConfiguration", () => {
  it("sends the changes as the body, with null to clear and a secret-less credential update", async () => {
    const configuration = await mgmt.updateSmsAuthenticatorConfiguration({
      isActive: false,
      defaultCountryCode: null,
      submissionRateLimitConfiguration: null,
      sendingRateLimitConfigurations: null,
      twilioCredentials: { messagingServiceSid: "MG2" },
      birdSmsCredentials: null,
    });
    expect(configuration.verificationMethod).toBe("SMS");
  });

  it("takes empty lists to empty the lists that can be emptied", async () => {
    const configuration = await mgmt.updateSmsAuthenticatorConfiguration({
      smsCountryCodes: [],
      prefixRateLimitConfigurations: [],
      allowedCustomSmsVariables: [],
    });
    expect(configuration.authenticatorId).toBeTruthy();
  });

  surfacesDocumentedErrors((options) => mgmt.updateSmsAuthenticatorConfiguration({ isActive: true }, options));

  it("is refused by the mock when it clears the country list with null", async () => {
    // @ts-expect-error the country list is emptied with [], not null
    await expectRefused(mgmt.updateSmsAuthenticatorConfiguration({ smsCountryCodes: null }), "smsCountryCodes");
  });

  it("is refused by the mock when it clears the provider", async () => {
    // @ts-expect-error the provider can be changed, not cleared
    await expectRefused(mgmt.updateSmsAuthenticatorConfiguration({ smsProvider: null }), "smsProvider");
  });

  it("is refused by the mock when it names an unknown field", async () => {
    await expectRefused(
      // @ts-expect-error verificationCodeLength is a field of the generic endpoint only
      mgmt.updateSmsAuthenticatorConfiguration({ verificationCodeLength: 6 }),
      "verificationCodeLength",
    );
  });
});

describe("deleteSmsAuthenticatorConfiguration", () => {
  it("reports success", async () => {
    expect((await mgmt.deleteSmsAuthenticatorConfiguration()).success).toBe(true);
  });

  surfacesDocumentedErrors((options) => mgmt.deleteSmsAuthenticatorConfiguration({}, options));
});
