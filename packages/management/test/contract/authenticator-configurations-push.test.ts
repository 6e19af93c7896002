// Contract tests for /authenticator-configurations/push: the tenant's one push configuration.
import { describe, expect, it } from "vitest";
import type { CreatePushAuthenticatorConfigurationBody } from "../../src/index.ts";
import { createsFindTheMethodFree, expectRefused, mgmt, surfacesDocumentedErrors } from "./support.ts";

const firebase: CreatePushAuthenticatorConfigurationBody = {
  pushProvider: "FIREBASE",
  credentialLifetimeInMinutes: 15,
  requireAppAttestation: true,
  appAttestationFailureMode: "BLOCK",
  fcmCredentials: { serviceAccountKey: '{"project_id":"acme-mobile"}' },
};

describe("createPushAuthenticatorConfiguration", () => {
  createsFindTheMethodFree(() => mgmt.deletePushAuthenticatorConfiguration());

  it("sends the settings as the body and returns the key's derived settings, not the key", async () => {
    const configuration = await mgmt.createPushAuthenticatorConfiguration(firebase);
    expect(configuration.verificationMethod).toBe("PUSH");
    expect(configuration.pushProvider).toBe("FIREBASE");
    expect(configuration.fcmCredentials?.projectId).toBeTruthy();
    expect(configuration.fcmCredentials).not.toHaveProperty("serviceAccountKey");
  });

  it("accepts APNs credentials and a webhook", async () => {
    const bodies: CreatePushAuthenticatorConfigurationBody[] = [
      {
        pushProvider: "DEFAULT",
        apnsCredentials: { teamId: "T", keyId: "K", bundleId: "com.acme.mobile", privateKey: "p8", sandbox: true },
        sendingRateLimitConfigurations: [{ rateLimit: 2, windowInMinutes: 1.5 }],
      },
      { pushProvider: "WEBHOOK", webhookUrl: "https://hooks.acme.com/push", isActive: false },
    ];
    for (const body of bodies) {
      expect((await mgmt.createPushAuthenticatorConfiguration(body)).authenticatorId).toBeTruthy();
      // The tenant has one configuration per method: the next create needs this one gone.
      await mgmt.deletePushAuthenticatorConfiguration();
    }
  });

  // A create repeated after a lost response gets 409.
  surfacesDocumentedErrors(
    (options) => mgmt.createPushAuthenticatorConfiguration(firebase, options),
    [{ status: 409, errorCode: "already_exists" }],
  );

  it("is refused by the mock when the provider is one only the generic endpoint takes", async () => {
    await expectRefused(
      // @ts-expect-error URBAN_AIRSHIP is a provider of the generic endpoint only
      mgmt.createPushAuthenticatorConfiguration({ ...firebase, pushProvider: "URBAN_AIRSHIP" }),
      "pushProvider",
    );
  });

  it("is refused by the mock without a provider", async () => {
    const { pushProvider: _, ...withoutProvider } = firebase;
    // @ts-expect-error pushProvider is required
    await expectRefused(mgmt.createPushAuthenticatorConfiguration(withoutProvider), "pushProvider");
  });

  it("is refused by the mock when a field is unknown", async () => {
    await expectRefused(
      // @ts-expect-error recoveryMethods is a field of the generic endpoint only
      mgmt.createPushAuthenticatorConfiguration({ ...firebase, recoveryMethods: ["SMS"] }),
      "recoveryMethods",
    );
  });

  it("is refused by the mock when the credential lifetime is more than a year", async () => {
    await expectRefused(
      mgmt.createPushAuthenticatorConfiguration({ ...firebase, credentialLifetimeInMinutes: 525601 }),
      "credentialLifetimeInMinutes",
    );
  });
});

describe("getPushAuthenticatorConfiguration", () => {
  it("returns the configuration", async () => {
    const configuration = await mgmt.getPushAuthenticatorConfiguration();
    expect(configuration.authenticatorId).toBeTruthy();
    expect(configuration.appAttestationFailureMode).toBe("BLOCK");
  });

  surfacesDocumentedErrors((options) => mgmt.getPushAuthenticatorConfiguration({}, options));
});

describe("updatePushAuthenticatorConfiguration", () => {
  it("sends the changes as the body, with null to clear", async () => {
    const configuration = await mgmt.updatePushAuthenticatorConfiguration({
      pushProvider: "WEBHOOK",
      webhookUrl: "https://hooks.acme.com/push",
      credentialLifetimeInMinutes: null,
      sendingRateLimitConfigurations: null,
      apnsCredentials: null,
      fcmCredentials: null,
    });
    expect(configuration.pushProvider).toBe("WEBHOOK");
  });

  it("sends false and zero, which are values and not omissions", async () => {
    const configuration = await mgmt.updatePushAuthenticatorConfiguration({
      isActive: false,
      credentialLifetimeInMinutes: 0,
      requireAppAttestation: false,
    });
    expect(configuration.authenticatorId).toBeTruthy();
  });

  surfacesDocumentedErrors((options) => mgmt.updatePushAuthenticatorConfiguration({ isActive: true }, options));

  it("is refused by the mock when the attestation failure mode is unknown", async () => {
    await expectRefused(
      // @ts-expect-error the failure mode is BLOCK or ALLOW_WITH_WARNING
      mgmt.updatePushAuthenticatorConfiguration({ appAttestationFailureMode: "WARN" }),
      "appAttestationFailureMode",
    );
  });
});

describe("deletePushAuthenticatorConfiguration", () => {
  it("reports success", async () => {
    expect((await mgmt.deletePushAuthenticatorConfiguration()).success).toBe(true);
  });

  surfacesDocumentedErrors((options) => mgmt.deletePushAuthenticatorConfiguration({}, options));
});
