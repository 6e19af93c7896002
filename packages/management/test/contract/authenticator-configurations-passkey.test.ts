// Contract tests for /authenticator-configurations/passkey: the tenant's one passkey configuration.
import { describe, expect, it } from "vitest";
import type { CreatePasskeyAuthenticatorConfigurationBody } from "../../src/index.ts";
import { createsFindTheMethodFree, expectRefused, mgmt, surfacesDocumentedErrors } from "./support.ts";

const web: CreatePasskeyAuthenticatorConfigurationBody = {
  relyingParty: "acme.com",
  expectedOrigins: ["https://acme.com", "android:apk-key-hash:abc"],
};

describe("createPasskeyAuthenticatorConfiguration", () => {
  createsFindTheMethodFree(() => mgmt.deletePasskeyAuthenticatorConfiguration());

  it("sends the settings as the body and returns the configuration", async () => {
    const configuration = await mgmt.createPasskeyAuthenticatorConfiguration({
      ...web,
      isActive: true,
      passkeyRegistrationHints: ["client-device", "hybrid"],
      userVerificationRequirement: "required",
      authenticatorAttachment: "platform",
      preventRemovingLastPasskey: true,
    });
    expect(configuration.verificationMethod).toBe("PASSKEY");
    expect(configuration.relyingParty).toBe("acme.com");
    expect(configuration.expectedOrigins?.length).toBeGreaterThan(0);
  });

  // A create repeated after a lost response gets 409.
  surfacesDocumentedErrors(
    (options) => mgmt.createPasskeyAuthenticatorConfiguration(web, options),
    [{ status: 409, errorCode: "already_exists" }],
  );

  it("is refused by the mock when user verification is discouraged, which only the generic endpoint takes", async () => {
    await expectRefused(
      // @ts-expect-error the passkey configuration takes preferred or required
      mgmt.createPasskeyAuthenticatorConfiguration({ ...web, userVerificationRequirement: "discouraged" }),
      "userVerificationRequirement",
    );
  });

  it("is refused by the mock without origins", async () => {
    // @ts-expect-error expectedOrigins is required
    await expectRefused(mgmt.createPasskeyAuthenticatorConfiguration({ relyingParty: "acme.com" }), "expectedOrigins");
  });

  it("is refused by the mock when an origin has no scheme", async () => {
    await expectRefused(
      mgmt.createPasskeyAuthenticatorConfiguration({ ...web, expectedOrigins: ["acme.com"] }),
      "expectedOrigins",
    );
  });

  it("is refused by the mock when a field is unknown", async () => {
    await expectRefused(
      // @ts-expect-error issuerName belongs to authenticator apps, through the generic endpoint
      mgmt.createPasskeyAuthenticatorConfiguration({ ...web, issuerName: "Acme" }),
      "issuerName",
    );
  });
});

describe("getPasskeyAuthenticatorConfiguration", () => {
  it("returns the configuration", async () => {
    const configuration = await mgmt.getPasskeyAuthenticatorConfiguration();
    expect(configuration.authenticatorId).toBeTruthy();
    expect(configuration.relyingParty).toBe("acme.com");
  });

  surfacesDocumentedErrors((options) => mgmt.getPasskeyAuthenticatorConfiguration({}, options));
});

describe("updatePasskeyAuthenticatorConfiguration", () => {
  it("sends the changes as the body, with null to clear and a list to replace", async () => {
    const configuration = await mgmt.updatePasskeyAuthenticatorConfiguration({
      expectedOrigins: ["https://app.acme.com"],
      passkeyRegistrationHints: [],
      userVerificationRequirement: null,
      authenticatorAttachment: null,
      preventRemovingLastPasskey: false,
    });
    expect(configuration.verificationMethod).toBe("PASSKEY");
  });

  surfacesDocumentedErrors((options) => mgmt.updatePasskeyAuthenticatorConfiguration({ isActive: true }, options));

  it("is refused by the mock when it empties the origins", async () => {
    await expectRefused(mgmt.updatePasskeyAuthenticatorConfiguration({ expectedOrigins: [] }), "expectedOrigins");
  });

  it("is refused by the mock when it clears the relying party", async () => {
    // @ts-expect-error the relying party can be changed, not cleared
    await expectRefused(mgmt.updatePasskeyAuthenticatorConfiguration({ relyingParty: null }), "relyingParty");
  });
});

describe("deletePasskeyAuthenticatorConfiguration", () => {
  it("reports success", async () => {
    expect((await mgmt.deletePasskeyAuthenticatorConfiguration()).success).toBe(true);
  });

  surfacesDocumentedErrors((options) => mgmt.deletePasskeyAuthenticatorConfiguration({}, options));
});
