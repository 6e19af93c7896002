// Type tests for the per-method authenticator configuration operations: what each body requires,
// where null is allowed, and that responses carry no secrets and leave provider values open.
import { describe, expectTypeOf, it } from "vitest";
import {
  createManagementClient,
  type DeleteResult,
  type EmailOtpAuthenticatorConfiguration,
  type PasskeyAuthenticatorConfiguration,
  type PushAuthenticatorConfiguration,
  type SmsAuthenticatorConfiguration,
  type StoredApnsCredentials,
  type StoredTwilioCredentials,
} from "../src/index.ts";

const mgmt = createManagementClient({ apiSecretKey: "sk", region: "eu" });

describe("per-method authenticator configuration types", () => {
  it("types each method's result", () => {
    expectTypeOf(
      mgmt.createSmsAuthenticatorConfiguration({ smsProvider: "TNZ", tnzCredentials: { apiKey: "k" } }),
    ).resolves.toEqualTypeOf<SmsAuthenticatorConfiguration>();
    expectTypeOf(
      mgmt.getEmailOtpAuthenticatorConfiguration(),
    ).resolves.toEqualTypeOf<EmailOtpAuthenticatorConfiguration>();
    expectTypeOf(
      mgmt.updatePasskeyAuthenticatorConfiguration({ isActive: true }),
    ).resolves.toEqualTypeOf<PasskeyAuthenticatorConfiguration>();
    expectTypeOf(mgmt.getPushAuthenticatorConfiguration()).resolves.toEqualTypeOf<PushAuthenticatorConfiguration>();
    expectTypeOf(mgmt.deleteSmsAuthenticatorConfiguration()).resolves.toEqualTypeOf<DeleteResult>();
  });

  it("takes the body itself, since the paths have no parameters", () => {
    void mgmt.updateSmsAuthenticatorConfiguration({ smsProvider: "BIRD" });
    void mgmt.updateEmailOtpAuthenticatorConfiguration({});
    // @ts-expect-error there is no authenticator ID to send, so nothing goes under attributes
    void mgmt.updateSmsAuthenticatorConfiguration({ attributes: { isActive: true } });
  });

  it("requires what a create needs, including each credential's secret", () => {
    // @ts-expect-error smsProvider is required
    void mgmt.createSmsAuthenticatorConfiguration({ isActive: true });
    // @ts-expect-error relyingParty and expectedOrigins are required
    void mgmt.createPasskeyAuthenticatorConfiguration({ isActive: true });
    void mgmt.createEmailOtpAuthenticatorConfiguration({
      emailProvider: "MANDRILL",
      // @ts-expect-error new Mandrill credentials need the API key
      mandrillEmailCredentials: { templateName: "otp" },
    });
    void mgmt.createPushAuthenticatorConfiguration({
      pushProvider: "DEFAULT",
      // @ts-expect-error new APNs credentials need the signing key
      apnsCredentials: { teamId: "T", keyId: "K", bundleId: "com.acme" },
    });
  });

  it("lets an update change credentials without resending the secret", () => {
    void mgmt.updateSmsAuthenticatorConfiguration({ twilioCredentials: { messagingServiceSid: "MG2" } });
    void mgmt.updatePushAuthenticatorConfiguration({ apnsCredentials: { sandbox: false } });
  });

  it("accepts null exactly where a field can be cleared", () => {
    void mgmt.updateSmsAuthenticatorConfiguration({
      defaultCountryCode: null,
      submissionRateLimitConfiguration: null,
      sendingRateLimitConfigurations: null,
      birdSmsCredentials: null,
    });
    void mgmt.updatePasskeyAuthenticatorConfiguration({
      userVerificationRequirement: null,
      authenticatorAttachment: null,
    });
    void mgmt.updatePushAuthenticatorConfiguration({ credentialLifetimeInMinutes: null, fcmCredentials: null });
    // @ts-expect-error the list is emptied with [], not cleared with null
    void mgmt.updateSmsAuthenticatorConfiguration({ allowedCustomSmsVariables: null });
    // @ts-expect-error isActive is a setting, not something to clear
    void mgmt.updateEmailOtpAuthenticatorConfiguration({ isActive: null });
    // @ts-expect-error the webhook is cleared by the API when the provider changes, not by null
    void mgmt.updatePushAuthenticatorConfiguration({ webhookUrl: null });
  });

  it("takes only the providers and values the per-method endpoints accept", () => {
    // @ts-expect-error MESSAGE_BIRD belongs to the generic endpoint
    void mgmt.createSmsAuthenticatorConfiguration({ smsProvider: "MESSAGE_BIRD" });
    // @ts-expect-error SES belongs to the generic endpoint
    void mgmt.createEmailOtpAuthenticatorConfiguration({ emailProvider: "SES" });
    // @ts-expect-error URBAN_AIRSHIP belongs to the generic endpoint
    void mgmt.createPushAuthenticatorConfiguration({ pushProvider: "URBAN_AIRSHIP" });
    // @ts-expect-error passkeys take preferred or required
    void mgmt.updatePasskeyAuthenticatorConfiguration({ userVerificationRequirement: "discouraged" });
    // @ts-expect-error a country is one of the codes the API accepts
    void mgmt.updateSmsAuthenticatorConfiguration({ smsCountryCodes: ["UK"] });
    void mgmt.updateSmsAuthenticatorConfiguration({ prefixRateLimitConfigurations: [{ blockSize: "country" }] });
    // @ts-expect-error a block size is "country" or a number of digits
    void mgmt.updateSmsAuthenticatorConfiguration({ prefixRateLimitConfigurations: [{ blockSize: "prefix" }] });
  });

  it("types a rate limit window as a number, which may be fractional", () => {
    void mgmt.updateEmailOtpAuthenticatorConfiguration({
      submissionRateLimitConfiguration: { rateLimit: 3, windowInMinutes: 2.5 },
    });
    // @ts-expect-error a limit names both its count and its window
    void mgmt.updateEmailOtpAuthenticatorConfiguration({ submissionRateLimitConfiguration: { rateLimit: 3 } });
  });

  it("leaves secrets out of responses and provider values open", () => {
    expectTypeOf<StoredTwilioCredentials>().not.toHaveProperty("authToken");
    expectTypeOf<StoredApnsCredentials>().not.toHaveProperty("privateKey");
    expectTypeOf<"VONAGE">().toExtend<NonNullable<SmsAuthenticatorConfiguration["smsProvider"]>>();
    expectTypeOf<"POSTMARK">().toExtend<NonNullable<EmailOtpAuthenticatorConfiguration["emailProvider"]>>();
    expectTypeOf<null>().toExtend<PasskeyAuthenticatorConfiguration["authenticatorAttachment"]>();
    expectTypeOf<SmsAuthenticatorConfiguration["authenticatorId"]>().toEqualTypeOf<string>();
  });
});
