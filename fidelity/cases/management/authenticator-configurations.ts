// The per-method authenticator configuration calls of the management Go SDK, as its own tests
// pin them: each request body byte for byte, and the responses its structs decode.
import type { operations } from "@authsignal-ts/management";
import { caseBuilder } from "../../src/case.ts";

const managementCase = caseBuilder<operations>();
const goTests = {
  repo: "authsignal/authsignal-management-go",
  path: "authenticator-configurations_test.go",
  commit: "2624573606ae272378bb5f56164ba1e1fb5f920f",
} as const;
const operationsTest = (name: string) => ({ ...goTests, at: `TestAuthenticatorConfigurationOperations "${name}"` });
const deleted = { status: 200, body: { success: true } };

export default [
  managementCase("createSmsAuthenticatorConfiguration", {
    name: "Go SDK creates an SMS configuration with Twilio, two countries and a fractional window",
    source: operationsTest("create sms"),
    method: "POST",
    path: "/authenticator-configurations/sms",
    body: {
      smsProvider: "TWILIO",
      smsCountryCodes: ["AU", "NZ"],
      defaultCountryCode: "NZ",
      submissionRateLimitConfiguration: { rateLimit: 3, windowInMinutes: 2.5 },
      twilioCredentials: { authToken: "token", messagingServiceSid: "MG1", accountSid: "AC1" },
    },
    response: {
      status: 200,
      body: {
        authenticatorId: "auth-1",
        isActive: true,
        verificationMethod: "SMS",
        smsProvider: "TWILIO",
        twilioCredentials: { messagingServiceSid: "MG1", accountSid: "AC1" },
      },
    },
  }),
  managementCase("getSmsAuthenticatorConfiguration", {
    name: "Go SDK reads a Bird SMS configuration with a per-country prefix limit",
    source: operationsTest("get sms"),
    method: "GET",
    path: "/authenticator-configurations/sms",
    response: {
      status: 200,
      body: {
        authenticatorId: "auth-1",
        isActive: false,
        verificationMethod: "SMS",
        smsProvider: "BIRD",
        prefixRateLimitConfigurations: [{ enabled: true, blockSize: "country", rateLimit: 5, windowInMinutes: 0.5 }],
        birdSmsCredentials: { workspaceId: "workspace-1" },
      },
    },
  }),
  managementCase("updateSmsAuthenticatorConfiguration", {
    name: "Go SDK updates SMS with nulls that clear, a secret-only credential change and a block cleared",
    source: operationsTest("update sms clears the clearable fields and leaves the rest alone"),
    method: "PATCH",
    path: "/authenticator-configurations/sms",
    body: {
      isActive: false,
      defaultCountryCode: null,
      submissionRateLimitConfiguration: null,
      twilioCredentials: { authToken: "rotated" },
      birdSmsCredentials: null,
    },
    response: {
      status: 200,
      body: { authenticatorId: "auth-1", isActive: false, verificationMethod: "SMS", smsProvider: "TWILIO" },
    },
  }),
  managementCase("deleteSmsAuthenticatorConfiguration", {
    name: "Go SDK deletes the SMS configuration",
    source: operationsTest("delete sms"),
    method: "DELETE",
    path: "/authenticator-configurations/sms",
    response: deleted,
  }),
  managementCase("createEmailOtpAuthenticatorConfiguration", {
    name: "Go SDK creates an inactive email OTP configuration on SMTP with a sending limit",
    source: operationsTest("create email otp"),
    method: "POST",
    path: "/authenticator-configurations/email-otp",
    body: {
      isActive: false,
      emailProvider: "SMTP",
      sendingRateLimitConfigurations: [{ rateLimit: 10, windowInMinutes: 60 }],
      smtpEmailCredentials: {
        host: "smtp.example.com",
        port: 587,
        secure: false,
        user: "user",
        password: "super-secret",
        from: "security@example.com",
      },
    },
    response: {
      status: 200,
      body: {
        authenticatorId: "auth-2",
        isActive: false,
        verificationMethod: "EMAIL_OTP",
        emailProvider: "SMTP",
        smtpEmailCredentials: {
          host: "smtp.example.com",
          port: 587,
          secure: false,
          user: "user",
          from: "security@example.com",
        },
      },
    },
  }),
  managementCase("getEmailOtpAuthenticatorConfiguration", {
    name: "Go SDK reads a Mailjet email OTP configuration with a numeric template ID",
    source: operationsTest("get email otp"),
    method: "GET",
    path: "/authenticator-configurations/email-otp",
    response: {
      status: 200,
      body: {
        authenticatorId: "auth-2",
        isActive: true,
        verificationMethod: "EMAIL_OTP",
        emailProvider: "MAILJET",
        allowedCustomEmailVariables: ["firstName"],
        mailjetEmailCredentials: { publicKey: "public", templateId: 42 },
      },
    },
  }),
  managementCase("updateEmailOtpAuthenticatorConfiguration", {
    name: "Go SDK switches email OTP to SendGrid, clears the sending limits and empties the variables",
    source: operationsTest("update email otp"),
    method: "PATCH",
    path: "/authenticator-configurations/email-otp",
    body: {
      emailProvider: "SENDGRID",
      sendingRateLimitConfigurations: null,
      allowedCustomEmailVariables: [],
      sendgridEmailCredentials: { apiKey: "key", templateId: "d-1", fromEmail: "a@b.com" },
    },
    response: {
      status: 200,
      body: { authenticatorId: "auth-2", isActive: true, verificationMethod: "EMAIL_OTP", emailProvider: "SENDGRID" },
    },
  }),
  managementCase("deleteEmailOtpAuthenticatorConfiguration", {
    name: "Go SDK deletes the email OTP configuration",
    source: operationsTest("delete email otp"),
    method: "DELETE",
    path: "/authenticator-configurations/email-otp",
    response: deleted,
  }),
  managementCase("createPasskeyAuthenticatorConfiguration", {
    name: "Go SDK creates a passkey configuration with every optional setting",
    source: operationsTest("create passkey"),
    method: "POST",
    path: "/authenticator-configurations/passkey",
    body: {
      relyingParty: "example.com",
      expectedOrigins: ["https://example.com"],
      passkeyRegistrationHints: ["client-device"],
      userVerificationRequirement: "required",
      authenticatorAttachment: "platform",
    },
    response: {
      status: 200,
      body: {
        authenticatorId: "auth-3",
        isActive: true,
        verificationMethod: "PASSKEY",
        relyingParty: "example.com",
        expectedOrigins: ["https://example.com"],
        passkeyRegistrationHints: ["client-device"],
        userVerificationRequirement: "required",
        authenticatorAttachment: "platform",
      },
    },
  }),
  managementCase("getPasskeyAuthenticatorConfiguration", {
    name: "Go SDK reads a passkey configuration with an Android origin",
    source: operationsTest("get passkey"),
    method: "GET",
    path: "/authenticator-configurations/passkey",
    response: {
      status: 200,
      body: {
        authenticatorId: "auth-3",
        isActive: true,
        verificationMethod: "PASSKEY",
        relyingParty: "example.com",
        expectedOrigins: ["android:apk-key-hash:abc"],
      },
    },
  }),
  managementCase("updatePasskeyAuthenticatorConfiguration", {
    name: "Go SDK replaces the passkey origins and clears both WebAuthn preferences with null",
    source: operationsTest("update passkey"),
    method: "PATCH",
    path: "/authenticator-configurations/passkey",
    body: {
      expectedOrigins: ["https://app.example.com"],
      userVerificationRequirement: null,
      authenticatorAttachment: null,
    },
    response: {
      status: 200,
      body: {
        authenticatorId: "auth-3",
        isActive: true,
        verificationMethod: "PASSKEY",
        relyingParty: "example.com",
        expectedOrigins: ["https://app.example.com"],
      },
    },
  }),
  managementCase("deletePasskeyAuthenticatorConfiguration", {
    name: "Go SDK deletes the passkey configuration, with no body or content type",
    source: { ...goTests, at: "TestAuthenticatorConfigurationReadsSendNoBody" },
    method: "DELETE",
    path: "/authenticator-configurations/passkey",
    response: deleted,
  }),
  managementCase("createPushAuthenticatorConfiguration", {
    name: "Go SDK creates a Firebase push configuration that requires app attestation",
    source: operationsTest("create push"),
    method: "POST",
    path: "/authenticator-configurations/push",
    body: {
      pushProvider: "FIREBASE",
      credentialLifetimeInMinutes: 15,
      requireAppAttestation: true,
      appAttestationFailureMode: "BLOCK",
      fcmCredentials: { serviceAccountKey: '{"project_id":"project-1"}' },
    },
    response: {
      status: 200,
      body: {
        authenticatorId: "auth-4",
        isActive: true,
        verificationMethod: "PUSH",
        pushProvider: "FIREBASE",
        credentialLifetimeInMinutes: 15,
        requireAppAttestation: true,
        appAttestationFailureMode: "BLOCK",
        fcmCredentials: { projectId: "project-1", clientEmail: "sa@project-1.iam.gserviceaccount.com" },
      },
    },
  }),
  managementCase("getPushAuthenticatorConfiguration", {
    name: "Go SDK reads a DEFAULT push configuration with APNs settings",
    source: operationsTest("get push"),
    method: "GET",
    path: "/authenticator-configurations/push",
    response: {
      status: 200,
      body: {
        authenticatorId: "auth-4",
        isActive: true,
        verificationMethod: "PUSH",
        pushProvider: "DEFAULT",
        apnsCredentials: { teamId: "team-1", keyId: "key-1", bundleId: "com.example.app", sandbox: true },
      },
    },
  }),
  managementCase("updatePushAuthenticatorConfiguration", {
    name: "Go SDK switches push to a webhook and clears the lifetime and both credential blocks",
    source: operationsTest("update push"),
    method: "PATCH",
    path: "/authenticator-configurations/push",
    body: {
      pushProvider: "WEBHOOK",
      webhookUrl: "https://example.com/push",
      credentialLifetimeInMinutes: null,
      apnsCredentials: null,
      fcmCredentials: null,
    },
    response: {
      status: 200,
      body: {
        authenticatorId: "auth-4",
        isActive: true,
        verificationMethod: "PUSH",
        pushProvider: "WEBHOOK",
        webhookUrl: "https://example.com/push",
      },
    },
  }),
  managementCase("deletePushAuthenticatorConfiguration", {
    name: "Go SDK deletes the push configuration",
    source: operationsTest("delete push"),
    method: "DELETE",
    path: "/authenticator-configurations/push",
    response: deleted,
  }),
];
