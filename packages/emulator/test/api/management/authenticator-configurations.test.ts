import { describe, expect, it } from "vitest";
import { managementFixture, succeeded } from "./support.ts";

const twilio = {
  smsProvider: "TWILIO",
  smsCountryCodes: ["AU", "NZ"],
  defaultCountryCode: "NZ",
  submissionRateLimitConfiguration: { rateLimit: 3, windowInMinutes: 2.5 },
  twilioCredentials: { accountSid: "AC1", messagingServiceSid: "MG1", authToken: "secret-token" },
};

describe("per-method authenticator configurations", () => {
  it("creates the SMS configuration active, and never stores or returns the secret", async () => {
    const { call, state } = managementFixture();
    const body = await succeeded(call("createSmsAuthenticatorConfiguration", { body: twilio }));
    expect(body).toEqual({
      ...twilio,
      authenticatorId: "id-1",
      isActive: true,
      verificationMethod: "SMS",
      twilioCredentials: { accountSid: "AC1", messagingServiceSid: "MG1" },
    });
    expect(JSON.stringify(state)).not.toContain("secret-token");
    expect(await succeeded(call("getSmsAuthenticatorConfiguration"))).toEqual(body);
  });

  it("answers 409 already_exists for a second create, and 404 when there is none", async () => {
    const { call } = managementFixture();
    expect(await call("getPasskeyAuthenticatorConfiguration")).toMatchObject({
      status: 404,
      body: { error: "not_found" },
    });
    const passkey = { relyingParty: "example.com", expectedOrigins: ["https://example.com"] };
    await succeeded(call("createPasskeyAuthenticatorConfiguration", { body: passkey }));
    const again = await call("createPasskeyAuthenticatorConfiguration", { body: passkey });
    expect(again).toMatchObject({ status: 409, body: { error: "already_exists" } });
  });

  it("updates credentials without their secret, clears with null and replaces lists", async () => {
    const { call } = managementFixture();
    await call("createSmsAuthenticatorConfiguration", { body: twilio });
    const body = await succeeded(
      call("updateSmsAuthenticatorConfiguration", {
        body: {
          isActive: false,
          defaultCountryCode: null,
          submissionRateLimitConfiguration: null,
          smsCountryCodes: ["GB"],
          twilioCredentials: { messagingServiceSid: "MG2" },
        },
      }),
    );
    expect(body).toEqual({
      authenticatorId: "id-1",
      isActive: false,
      verificationMethod: "SMS",
      smsProvider: "TWILIO",
      smsCountryCodes: ["GB"],
      twilioCredentials: { accountSid: "AC1", messagingServiceSid: "MG2" },
    });
  });

  it("requires a webhookUrl for a WEBHOOK provider and drops it when the provider changes", async () => {
    const { call, state } = managementFixture();
    const missing = await call("createPushAuthenticatorConfiguration", { body: { pushProvider: "WEBHOOK" } });
    expect(missing.status).toBe(400);
    expect(missing.body.errorDescription).toContain("webhookUrl");
    expect(state.authenticatorConfigurations.push).toBeUndefined();
    await succeeded(
      call("createPushAuthenticatorConfiguration", {
        body: { pushProvider: "WEBHOOK", webhookUrl: "https://h.example/push" },
      }),
    );
    const serviceAccountKey = JSON.stringify({
      project_id: "acme",
      client_email: "a@acme.iam",
      private_key: "pk-secret",
    });
    const body = await succeeded(
      call("updatePushAuthenticatorConfiguration", {
        body: { pushProvider: "FIREBASE", fcmCredentials: { serviceAccountKey } },
      }),
    );
    expect(body).not.toHaveProperty("webhookUrl");
    expect(body.fcmCredentials).toEqual({ projectId: "acme", clientEmail: "a@acme.iam" });
    expect(JSON.stringify(state)).not.toContain("pk-secret");
  });

  it("keeps only the stored shape of each provider's credentials", async () => {
    const { call } = managementFixture();
    const smtp = {
      host: "smtp.example",
      port: 587,
      secure: true,
      user: "u",
      password: "hunter2",
      from: "a@example.com",
    };
    const body = await succeeded(
      call("createEmailOtpAuthenticatorConfiguration", { body: { emailProvider: "SMTP", smtpEmailCredentials: smtp } }),
    );
    expect(body.verificationMethod).toBe("EMAIL_OTP");
    expect(body.smtpEmailCredentials).toEqual({
      host: "smtp.example",
      port: 587,
      secure: true,
      user: "u",
      from: "a@example.com",
    });
  });

  it("deletes each method's configuration, then 404s", async () => {
    const { call, state } = managementFixture();
    await call("createSmsAuthenticatorConfiguration", { body: twilio });
    expect(await succeeded(call("deleteSmsAuthenticatorConfiguration"))).toEqual({ success: true });
    expect(state.authenticatorConfigurations).toEqual({});
    expect((await call("deleteSmsAuthenticatorConfiguration")).status).toBe(404);
    expect((await call("updateSmsAuthenticatorConfiguration", { body: { isActive: true } })).status).toBe(404);
  });
});

describe("updateAuthenticatorConfiguration", () => {
  it("updates the configuration with that ID, answering in the generic shape", async () => {
    const { call } = managementFixture();
    await call("createSmsAuthenticatorConfiguration", { body: twilio });
    const body = await succeeded(
      call("updateAuthenticatorConfiguration", {
        pathParams: { authenticatorId: "id-1" },
        body: { smsCountryCodes: null, verificationCodeLength: 8, twilioCredentials: { authToken: "other-secret" } },
      }),
    );
    expect(body).toMatchObject({
      authenticatorId: "id-1",
      authenticatorType: "OOB",
      verificationMethod: "SMS",
      verificationCodeLength: 8,
    });
    expect(body).not.toHaveProperty("smsCountryCodes");
    expect(body).not.toHaveProperty("twilioCredentials");
    expect(body).not.toHaveProperty("submissionRateLimitConfiguration");
    const perMethod = await succeeded(call("getSmsAuthenticatorConfiguration"));
    expect(perMethod).not.toHaveProperty("smsCountryCodes");
    expect(perMethod).not.toHaveProperty("verificationCodeLength");
    expect(perMethod.twilioCredentials).toEqual({ accountSid: "AC1", messagingServiceSid: "MG1" });
  });

  it("answers 404 for an unknown ID and 400 for a change of method", async () => {
    const { call } = managementFixture();
    await call("createSmsAuthenticatorConfiguration", { body: twilio });
    expect(
      (await call("updateAuthenticatorConfiguration", { pathParams: { authenticatorId: "nope" }, body: {} })).status,
    ).toBe(404);
    const changed = await call("updateAuthenticatorConfiguration", {
      pathParams: { authenticatorId: "id-1" },
      body: { verificationMethod: "PASSKEY" },
    });
    expect(changed.status).toBe(400);
  });
});
