// Contract tests for /authenticator-configurations/email-otp: the tenant's one email OTP configuration.
import { describe, expect, it } from "vitest";
import type { CreateEmailOtpAuthenticatorConfigurationBody } from "../../src/index.ts";
import { createsFindTheMethodFree, expectRefused, mgmt, surfacesDocumentedErrors } from "./support.ts";

const sendgrid: CreateEmailOtpAuthenticatorConfigurationBody = {
  emailProvider: "SENDGRID",
  sendingRateLimitConfigurations: [{ rateLimit: 10, windowInMinutes: 60 }],
  sendgridEmailCredentials: { apiKey: "SG.key", templateId: "d-1", fromEmail: "security@acme.com" },
};

describe("createEmailOtpAuthenticatorConfiguration", () => {
  createsFindTheMethodFree(() => mgmt.deleteEmailOtpAuthenticatorConfiguration());

  it("sends the settings as the body and returns them without the secret", async () => {
    const configuration = await mgmt.createEmailOtpAuthenticatorConfiguration(sendgrid);
    expect(configuration.verificationMethod).toBe("EMAIL_OTP");
    expect(configuration.emailProvider).toBe("SENDGRID");
    expect(configuration.sendgridEmailCredentials?.templateId).toBeTruthy();
    expect(configuration.sendgridEmailCredentials).not.toHaveProperty("apiKey");
  });

  it("accepts each provider's credentials and a webhook", async () => {
    const bodies: CreateEmailOtpAuthenticatorConfigurationBody[] = [
      {
        emailProvider: "BIRD",
        birdEmailCredentials: { accessKey: "k", workspaceId: "w", channelId: "c", projectId: "p", locale: "en" },
      },
      { emailProvider: "MAILJET", mailjetEmailCredentials: { privateKey: "s", publicKey: "p", templateId: 42 } },
      {
        emailProvider: "MAILGUN",
        mailgunEmailCredentials: {
          apiKey: "k",
          url: "https://api.eu.mailgun.net",
          templateName: "otp",
          domain: "mg.acme.com",
        },
      },
      { emailProvider: "MANDRILL", mandrillEmailCredentials: { apiKey: "k", templateName: "otp" } },
      {
        emailProvider: "SMTP",
        isActive: false,
        submissionRateLimitConfiguration: { rateLimit: 4, windowInMinutes: 2.5 },
        smtpEmailCredentials: {
          host: "smtp.acme.com",
          port: 587,
          secure: false,
          user: "u",
          password: "p",
          from: "security@acme.com",
        },
      },
      {
        emailProvider: "WEBHOOK",
        webhookUrl: "https://hooks.acme.com/email",
        allowedCustomEmailVariables: ["firstName"],
      },
    ];
    for (const body of bodies) {
      expect((await mgmt.createEmailOtpAuthenticatorConfiguration(body)).authenticatorId).toBeTruthy();
      // The tenant has one configuration per method: the next create needs this one gone.
      await mgmt.deleteEmailOtpAuthenticatorConfiguration();
    }
  });

  // A create repeated after a lost response gets 409.
  surfacesDocumentedErrors(
    (options) => mgmt.createEmailOtpAuthenticatorConfiguration(sendgrid, options),
    [{ status: 409, errorCode: "already_exists" }],
  );

  it("is refused by the mock when the provider is one only the generic endpoint takes", async () => {
    await expectRefused(
      // @ts-expect-error SES is a provider of the generic endpoint only
      mgmt.createEmailOtpAuthenticatorConfiguration({ ...sendgrid, emailProvider: "SES" }),
      "emailProvider",
    );
  });

  it("is refused by the mock without a provider", async () => {
    const { emailProvider: _, ...withoutProvider } = sendgrid;
    // @ts-expect-error emailProvider is required
    await expectRefused(mgmt.createEmailOtpAuthenticatorConfiguration(withoutProvider), "emailProvider");
  });

  it("is refused by the mock when a field is unknown", async () => {
    await expectRefused(
      // @ts-expect-error sender is a field of the generic endpoint only
      mgmt.createEmailOtpAuthenticatorConfiguration({ ...sendgrid, sender: "Acme" }),
      "sender",
    );
  });

  it("is refused by the mock when new credentials leave out a required setting", async () => {
    const withoutSender = { apiKey: "SG.key", templateId: "d-1" };
    await expectRefused(
      // @ts-expect-error creating SendGrid credentials needs the sender address
      mgmt.createEmailOtpAuthenticatorConfiguration({ ...sendgrid, sendgridEmailCredentials: withoutSender }),
      "fromEmail",
    );
  });

  it("is refused by the mock when a Mailjet template ID is not a number", async () => {
    const textId = { privateKey: "s", publicKey: "p", templateId: "42" };
    await expectRefused(
      // @ts-expect-error Mailjet template IDs are numbers
      mgmt.createEmailOtpAuthenticatorConfiguration({ emailProvider: "MAILJET", mailjetEmailCredentials: textId }),
      "templateId",
    );
  });
});

describe("getEmailOtpAuthenticatorConfiguration", () => {
  it("returns the configuration", async () => {
    const configuration = await mgmt.getEmailOtpAuthenticatorConfiguration();
    expect(configuration.authenticatorId).toBeTruthy();
    expect(configuration.sendingRateLimitConfigurations?.[0]?.rateLimit).toBe(10);
  });

  surfacesDocumentedErrors((options) => mgmt.getEmailOtpAuthenticatorConfiguration({}, options));
});

describe("updateEmailOtpAuthenticatorConfiguration", () => {
  it("sends the changes as the body, with null to clear and [] to empty the variables", async () => {
    const configuration = await mgmt.updateEmailOtpAuthenticatorConfiguration({
      emailProvider: "SENDGRID",
      submissionRateLimitConfiguration: null,
      sendingRateLimitConfigurations: null,
      allowedCustomEmailVariables: [],
      sendgridEmailCredentials: { apiKey: "SG.rotated", templateId: "d-2", fromEmail: "a@acme.com" },
      mailjetEmailCredentials: null,
    });
    expect(configuration.verificationMethod).toBe("EMAIL_OTP");
  });

  surfacesDocumentedErrors((options) => mgmt.updateEmailOtpAuthenticatorConfiguration({ isActive: true }, options));

  it("is refused by the mock when it clears the custom variables with null", async () => {
    await expectRefused(
      // @ts-expect-error the variables are emptied with [], not null
      mgmt.updateEmailOtpAuthenticatorConfiguration({ allowedCustomEmailVariables: null }),
      "allowedCustomEmailVariables",
    );
  });

  it("is refused by the mock when a sending limit list is empty", async () => {
    await expectRefused(
      mgmt.updateEmailOtpAuthenticatorConfiguration({ sendingRateLimitConfigurations: [] }),
      "sendingRateLimitConfigurations",
    );
  });
});

describe("deleteEmailOtpAuthenticatorConfiguration", () => {
  it("reports success", async () => {
    expect((await mgmt.deleteEmailOtpAuthenticatorConfiguration()).success).toBe(true);
  });

  surfacesDocumentedErrors((options) => mgmt.deleteEmailOtpAuthenticatorConfiguration({}, options));
});
