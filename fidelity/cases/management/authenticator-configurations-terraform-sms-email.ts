// The SMS and email OTP configuration calls of Authsignal's Terraform provider: the bodies its
// resources build, and the answers of the stub API its lifecycle tests run against.
import type { operations } from "@authsignal-ts/management";
import { caseBuilder } from "../../src/case.ts";
import { lifecycle, mapping, resource } from "../terraform-authenticator-sources.ts";

const managementCase = caseBuilder<operations>();

const twilioSms = {
  authenticatorId: "auth_1",
  isActive: true,
  verificationMethod: "SMS",
  smsProvider: "TWILIO",
  twilioCredentials: { messagingServiceSid: "MG123", accountSid: "AC123" },
};
const createTwilio = {
  smsProvider: "TWILIO",
  twilioCredentials: { authToken: "secret-token", messagingServiceSid: "MG123", accountSid: "AC123" },
} as const;
const sendgridEmailOtp = {
  authenticatorId: "auth_email",
  isActive: true,
  verificationMethod: "EMAIL_OTP",
  emailProvider: "SENDGRID",
  sendgridEmailCredentials: { templateId: "template-1", fromEmail: "noreply@example.com" },
};
const createSendgrid = {
  emailProvider: "SENDGRID",
  sendgridEmailCredentials: { apiKey: "SG-1", templateId: "template-1", fromEmail: "noreply@example.com" },
} as const;
const notFound = { status: 404, body: { error: "not_found" } };
const conflict = { status: 409, body: { error: "already_exists" } };
const deleted = { status: 200, body: { success: true } };

export default [
  managementCase("createSmsAuthenticatorConfiguration", {
    name: "Terraform creates an SMS configuration with only the provider and its Twilio credentials",
    source: lifecycle("TestSmsCreateStoresTheServerOwnedAttributes"),
    method: "POST",
    path: "/authenticator-configurations/sms",
    body: createTwilio,
    response: { status: 200, body: twilioSms },
  }),
  managementCase("createSmsAuthenticatorConfiguration", {
    name: "Terraform reads the settings the API filled in on create",
    source: lifecycle("TestSmsCreateTakesTheApiValueForAnAttributeTheConfigurationOmits"),
    method: "POST",
    path: "/authenticator-configurations/sms",
    body: createTwilio,
    response: {
      status: 200,
      body: {
        ...twilioSms,
        smsCountryCodes: ["AU", "NZ"],
        defaultCountryCode: "NZ",
        allowedCustomSmsVariables: ["firstName"],
      },
    },
  }),
  managementCase("createSmsAuthenticatorConfiguration", {
    name: "Terraform reads 409 already_exists on a second SMS create",
    source: lifecycle("TestSmsCreateConflictTellsThePractitionerToImport"),
    method: "POST",
    path: "/authenticator-configurations/sms",
    body: createTwilio,
    response: conflict,
  }),
  managementCase("createSmsAuthenticatorConfiguration", {
    name: "Terraform creates a webhook SMS configuration with a prefix limit",
    source: resource("sms", "smsCreateBody"),
    method: "POST",
    path: "/authenticator-configurations/sms",
    body: {
      smsProvider: "WEBHOOK",
      webhookUrl: "https://example.com/sms",
      prefixRateLimitConfigurations: [
        { enabled: true, blockSize: 4, rateLimit: 100, windowInMinutes: 60, countryCodes: ["AU", "NZ"] },
      ],
    },
  }),
  managementCase("getSmsAuthenticatorConfiguration", {
    name: "Terraform removes the SMS resource when the API answers 404",
    source: lifecycle("TestSmsReadRemovesTheResourceWhenTheApiHasNone"),
    method: "GET",
    path: "/authenticator-configurations/sms",
    response: notFound,
  }),
  managementCase("getSmsAuthenticatorConfiguration", {
    name: "Terraform reads a TNZ configuration whose credentials come back as an empty object",
    source: mapping("TestFullyWriteOnlyBlocksStayOutOfState"),
    method: "GET",
    path: "/authenticator-configurations/sms",
    response: {
      status: 200,
      body: {
        authenticatorId: "auth_123",
        isActive: true,
        verificationMethod: "SMS",
        smsProvider: "TNZ",
        tnzCredentials: {},
      },
    },
  }),
  managementCase("updateSmsAuthenticatorConfiguration", {
    name: "Terraform switches SMS to Modica Group with only the new provider's credentials",
    source: lifecycle("TestSmsProviderSwitchSendsNoSupersededBlockOverTheWire"),
    method: "PATCH",
    path: "/authenticator-configurations/sms",
    body: {
      smsProvider: "MODICA_GROUP",
      modicaGroupCredentials: { username: "modica-user", password: "modica-password" },
    },
    response: {
      status: 200,
      body: {
        authenticatorId: "auth_1",
        isActive: true,
        verificationMethod: "SMS",
        smsProvider: "MODICA_GROUP",
        modicaGroupCredentials: { username: "modica-user" },
      },
    },
  }),
  managementCase("updateSmsAuthenticatorConfiguration", {
    name: "Terraform empties the country restriction with [] and reads it back empty",
    source: lifecycle("TestSmsClearingTheRestrictionDropsTheUnmanagedDefaultFromState"),
    method: "PATCH",
    path: "/authenticator-configurations/sms",
    body: { smsCountryCodes: [] },
    response: { status: 200, body: { ...twilioSms, smsCountryCodes: [] } },
  }),
  managementCase("updateSmsAuthenticatorConfiguration", {
    name: "Terraform sets a submission limit with a fractional window",
    source: mapping("TestSmsUpdateSendsTheValuesTheConfigurationSets"),
    method: "PATCH",
    path: "/authenticator-configurations/sms",
    body: { submissionRateLimitConfiguration: { rateLimit: 5, windowInMinutes: 1.5 } },
  }),
  managementCase("updateSmsAuthenticatorConfiguration", {
    name: "Terraform updates Twilio settings without resending the auth token",
    source: mapping("TestSmsSecretsAreOnlySentWhenTheVersionChanges, version unchanged"),
    method: "PATCH",
    path: "/authenticator-configurations/sms",
    body: { twilioCredentials: { messagingServiceSid: "MG999", accountSid: "AC123" } },
  }),
  managementCase("deleteSmsAuthenticatorConfiguration", {
    name: "Terraform deletes the SMS configuration",
    source: lifecycle("TestSmsDeleteCallsTheApi"),
    method: "DELETE",
    path: "/authenticator-configurations/sms",
    response: deleted,
  }),
  managementCase("createEmailOtpAuthenticatorConfiguration", {
    name: "Terraform creates an email OTP configuration with SendGrid credentials",
    source: lifecycle("TestEmailOtpCreateSendsTheConfiguredSecret"),
    method: "POST",
    path: "/authenticator-configurations/email-otp",
    body: createSendgrid,
    response: { status: 200, body: sendgridEmailOtp },
  }),
  managementCase("createEmailOtpAuthenticatorConfiguration", {
    name: "Terraform reads a 400 on an email OTP create",
    source: lifecycle("TestEmailOtpCreateFailureDoesNotEchoTheSecret"),
    method: "POST",
    path: "/authenticator-configurations/email-otp",
    body: createSendgrid,
    response: { status: 400, body: { error: "invalid_request", errorDescription: "bad template" } },
  }),
  managementCase("createEmailOtpAuthenticatorConfiguration", {
    name: "Terraform reads 409 already_exists on a second email OTP create",
    source: lifecycle("TestEmailOtpCreateConflictDirectsThePractitionerToImport"),
    method: "POST",
    path: "/authenticator-configurations/email-otp",
    body: createSendgrid,
    response: conflict,
  }),
  managementCase("createEmailOtpAuthenticatorConfiguration", {
    name: "Terraform creates a webhook email OTP configuration",
    source: resource("email_otp", "emailOtpCreateBody"),
    method: "POST",
    path: "/authenticator-configurations/email-otp",
    body: { emailProvider: "WEBHOOK", webhookUrl: "https://example.com/email" },
  }),
  managementCase("getEmailOtpAuthenticatorConfiguration", {
    name: "Terraform refreshes email OTP state from the API",
    source: lifecycle("TestEmailOtpReadRefreshesStateFromTheApi"),
    method: "GET",
    path: "/authenticator-configurations/email-otp",
    response: { status: 200, body: sendgridEmailOtp },
  }),
  managementCase("getEmailOtpAuthenticatorConfiguration", {
    name: "Terraform removes the email OTP resource when the API answers 404",
    source: lifecycle("TestEmailOtpReadRemovesTheResourceWhenTheApiHasNone"),
    method: "GET",
    path: "/authenticator-configurations/email-otp",
    response: notFound,
  }),
  managementCase("updateEmailOtpAuthenticatorConfiguration", {
    name: "Terraform changes the SendGrid template without resending the API key",
    source: lifecycle("TestEmailOtpUpdatePatchesTheChangedAttributes"),
    method: "PATCH",
    path: "/authenticator-configurations/email-otp",
    body: { sendgridEmailCredentials: { templateId: "template-2", fromEmail: "noreply@example.com" } },
    response: {
      status: 200,
      body: {
        ...sendgridEmailOtp,
        sendgridEmailCredentials: { templateId: "template-2", fromEmail: "noreply@example.com" },
      },
    },
  }),
  managementCase("updateEmailOtpAuthenticatorConfiguration", {
    name: "Terraform switches email OTP to Mandrill with its credentials",
    source: mapping("TestEmailOtpProviderSwitchCarriesTheNewProvidersBlock"),
    method: "PATCH",
    path: "/authenticator-configurations/email-otp",
    body: { emailProvider: "MANDRILL", mandrillEmailCredentials: { apiKey: "md-1", templateName: "template-1" } },
  }),
  managementCase("deleteEmailOtpAuthenticatorConfiguration", {
    name: "Terraform deletes the email OTP configuration",
    source: lifecycle("TestEmailOtpDeleteRemovesTheConfiguration"),
    method: "DELETE",
    path: "/authenticator-configurations/email-otp",
    response: deleted,
  }),
];
