// Contract tests for /authenticator-configurations/passkey: the tenant's one passkey configuration.
import { preferStatus } from "@authsignal-ts/scripts/contract-testing";
import { describe, expect, it } from "vitest";
import type { CreatePasskeyAuthenticatorConfigurationBody } from "../../src/index.ts";
import { apiError, documentedErrors, expectRefused, mgmt } from "./support.ts";

const web: CreatePasskeyAuthenticatorConfigurationBody = {
  relyingParty: "acme.com",
  expectedOrigins: ["https://acme.com", "android:apk-key-hash:abc"],
};

describe("createPasskeyAuthenticatorConfiguration", () => {
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

  it.each([...documentedErrors, [409, "already_exists"] as const])(
    "surfaces the documented %i error",
    async (status, errorCode) => {
      const error = await apiError(mgmt.createPasskeyAuthenticatorConfiguration(web, preferStatus(status)));
      expect(error.statusCode).toBe(status);
      expect(error.errorCode).toBe(errorCode);
    },
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

  it.each(documentedErrors)("surfaces the documented %i error", async (status, errorCode) => {
    const error = await apiError(mgmt.getPasskeyAuthenticatorConfiguration({}, preferStatus(status)));
    expect(error.statusCode).toBe(status);
    expect(error.errorCode).toBe(errorCode);
  });
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

  it.each(documentedErrors)("surfaces the documented %i error", async (status, errorCode) => {
    const error = await apiError(
      mgmt.updatePasskeyAuthenticatorConfiguration({ isActive: true }, preferStatus(status)),
    );
    expect(error.statusCode).toBe(status);
    expect(error.errorCode).toBe(errorCode);
  });

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

  it.each(documentedErrors)("surfaces the documented %i error", async (status, errorCode) => {
    const error = await apiError(mgmt.deletePasskeyAuthenticatorConfiguration({}, preferStatus(status)));
    expect(error.statusCode).toBe(status);
    expect(error.errorCode).toBe(errorCode);
  });
});
