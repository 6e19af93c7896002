// Contract tests for the Authenticators and Authenticator configurations operations, against
// the Prism mock (see support.ts).
import { mockOnly } from "@authsignal-ts/scripts/testing/contract";
import { describe, expect, it } from "vitest";
import type { BatchPasskeyAuthenticator, EnrollVerifiedAuthenticatorAttributes } from "../../src/index.ts";
import { apiError, contractServer, surfacesDocumentedErrors, violationLocations } from "./support.ts";

const server = contractServer();

const passkey: BatchPasskeyAuthenticator = {
  userId: "usr_123",
  verificationMethod: "PASSKEY",
  credentialId: "AdKXJEch1aV5Wo7bj7qLHskVY4OoNaj9qu8TPdJ7kSAgUeRxWNngXlcNIGt4gexZGKVGcqZpqqWordXb_he1izY",
  credentialPublicKey:
    "pQECAyYgASFYIBWoBeLQ2hqUyzsP0w2MqyXX6DUm7BMpyVVNi9m06VkXIlggK9dzvtXR2k3gN2u3L0jSXPWg8Xs6TjNmIlgc8Lg8Jo0",
  transports: ["internal", "hybrid"],
};

describe("getAuthenticators", () => {
  it("lists the user's authenticators", async () => {
    const authenticators = await server.getAuthenticators({ userId: "usr_123" });
    expect(authenticators.map((authenticator) => authenticator.verificationMethod)).toEqual(["PASSKEY", "SMS"]);
    const [passkeyAuthenticator] = authenticators;
    expect(passkeyAuthenticator?.webauthnCredential?.name).toBe("iCloud Keychain");
    expect(passkeyAuthenticator?.webauthnCredential?.parsedUserAgent?.browser?.name).toBe("Safari");
    expect(Date.parse(passkeyAuthenticator?.createdAt ?? "")).not.toBeNaN();
  });

  surfacesDocumentedErrors((options) => server.getAuthenticators({ userId: "usr_123" }, options));
});

describe("enrollVerifiedAuthenticator", () => {
  it.each<[string, EnrollVerifiedAuthenticatorAttributes]>([
    ["a phone number for SMS", { verificationMethod: "SMS", phoneNumber: "+6421555123", isDefault: true }],
    ["a phone number for WhatsApp", { verificationMethod: "WHATSAPP", phoneNumber: "+6421555123" }],
    ["an email address for email OTP", { verificationMethod: "EMAIL_OTP", email: "jane@example.com" }],
    ["an email address for magic links", { verificationMethod: "EMAIL_MAGIC_LINK", email: "jane@example.com" }],
    [
      "an authenticator app secret",
      { verificationMethod: "AUTHENTICATOR_APP", otpUri: "otpauth://totp/Example:jane?secret=JBSWY3DPEHPK3PXP" },
    ],
    [
      "a passkey",
      {
        verificationMethod: "PASSKEY",
        credentialId: passkey.credentialId,
        credentialPublicKey: passkey.credentialPublicKey,
        signCount: 0,
        name: "1Password",
      },
    ],
    [
      "a phone number by the deprecated oobChannel, as the PHP SDK's tests do",
      { oobChannel: "SMS", phoneNumber: "+6427000000" },
    ],
    ["an email address by the deprecated oobChannel", { oobChannel: "EMAIL_MAGIC_LINK", email: "jane@example.com" }],
  ])("enrolls %s", async (_, attributes) => {
    const result = await server.enrollVerifiedAuthenticator({ userId: "usr_123", attributes });
    expect(result.authenticator).toMatchObject({ userId: "usr_123" });
    expect(result.authenticator.userAuthenticatorId).toBeTruthy();
    // The mock accepts each variant, then answers with the documented example (an SMS authenticator,
    // the user's first, so with recovery codes); the emulator enrolls what was sent, for a user who
    // has authenticators already.
    mockOnly("server", () => {
      expect(result.authenticator.verificationMethod).toBe("SMS");
      expect(result.recoveryCodes).toHaveLength(3);
    });
  });

  surfacesDocumentedErrors((options) =>
    server.enrollVerifiedAuthenticator(
      { userId: "usr_123", attributes: { verificationMethod: "EMAIL_OTP", email: "jane@example.com" } },
      options,
    ),
  );

  it("is refused by the mock when an SMS authenticator has no phone number", async () => {
    // Cast on purpose: the types already require phoneNumber for SMS; this proves the spec does too.
    const attributes = { verificationMethod: "SMS" } as EnrollVerifiedAuthenticatorAttributes;
    const error = await apiError(server.enrollVerifiedAuthenticator({ userId: "usr_123", attributes }));
    expect(violationLocations(error)).toContain("request.body");
  });

  it("is refused by the mock when the phone number is not E.164", async () => {
    const error = await apiError(
      server.enrollVerifiedAuthenticator({
        userId: "usr_123",
        attributes: { verificationMethod: "SMS", phoneNumber: "021 555 123" },
      }),
    );
    expect(violationLocations(error)).toContain("request.body.phoneNumber");
  });

  it("is refused by the mock when the deprecated oobChannel names SMS but an email is sent", async () => {
    // Cast on purpose: the types already pair the SMS channel with a phone number.
    const attributes = {
      oobChannel: "SMS",
      email: "jane@example.com",
    } as unknown as EnrollVerifiedAuthenticatorAttributes;
    const error = await apiError(server.enrollVerifiedAuthenticator({ userId: "usr_123", attributes }));
    expect(violationLocations(error)).toContain("request.body");
  });

  it("is refused by the mock when the method cannot be enrolled from the server", async () => {
    // Cast on purpose: PUSH is a verification method, but not one this endpoint enrolls.
    const attributes = { verificationMethod: "PUSH" } as unknown as EnrollVerifiedAuthenticatorAttributes;
    const error = await apiError(server.enrollVerifiedAuthenticator({ userId: "usr_123", attributes }));
    expect(violationLocations(error)).toContain("request.body");
  });
});

describe("enrollVerifiedAuthenticators", () => {
  it("reports which passkeys were enrolled and why the others were not", async () => {
    const result = await server.enrollVerifiedAuthenticators({
      authenticators: [passkey, { ...passkey, userId: "usr_456", aaguid: "fbfc3007-154e-4ecc-8c0b-6e020557d7bd" }],
    });
    expect(result.total).toBe(2);
    const conflict = expect.objectContaining({ userId: "usr_456", errorCode: "conflict" });
    expect(result.failures).toEqual(expect.arrayContaining([conflict]));
    // Against the emulator the first passkey conflicts too: "enrolls a passkey" above enrolled it for usr_123.
    mockOnly("server", () => {
      expect(result).toMatchObject({ succeeded: 1, failed: 1 });
      expect(result.failures).toEqual([conflict]);
    });
  });

  surfacesDocumentedErrors((options) => server.enrollVerifiedAuthenticators({ authenticators: [passkey] }, options));

  it("is refused by the mock with more than 1000 passkeys", async () => {
    const authenticators = Array.from({ length: 1001 }, (_, index) => ({ ...passkey, userId: `usr_${index}` }));
    const error = await apiError(server.enrollVerifiedAuthenticators({ authenticators }));
    expect(violationLocations(error)).toContain("request.body.authenticators");
  });

  it("is refused by the mock with no passkeys", async () => {
    const error = await apiError(server.enrollVerifiedAuthenticators({ authenticators: [] }));
    expect(violationLocations(error)).toContain("request.body.authenticators");
  });

  it("is refused by the mock when a public key is not base64url", async () => {
    const error = await apiError(
      server.enrollVerifiedAuthenticators({ authenticators: [{ ...passkey, credentialPublicKey: "pQECAyYg+/==" }] }),
    );
    expect(violationLocations(error)).toContain("request.body.authenticators.0.credentialPublicKey");
  });
});

describe("deleteAuthenticator", () => {
  it("resolves to a success body, which the Ruby and PHP SDKs read", async () => {
    await expect(
      server.deleteAuthenticator({ userId: "usr_123", userAuthenticatorId: "3f2a9c1e-7b4d-4e8a-9c2f-5d6e7f8a9b0c" }),
    ).resolves.toEqual({ success: true });
  });

  surfacesDocumentedErrors((options) =>
    server.deleteAuthenticator({ userId: "usr_123", userAuthenticatorId: "auth_1" }, options),
  );
});

describe("getAuthenticatorConfigurations", () => {
  it("lists the tenant's verification methods", async () => {
    const configurations = await server.getAuthenticatorConfigurations();
    expect(configurations.map((configuration) => configuration.verificationMethod)).toEqual(["PASSKEY", "SMS"]);
    expect(configurations.every((configuration) => configuration.isActive)).toBe(true);
    // The Management API's SMS configuration has no channel for the emulator to report.
    mockOnly("server", () => expect(configurations[1]?.smsChannel).toBe("WHATSAPP"));
  });

  surfacesDocumentedErrors((options) => server.getAuthenticatorConfigurations({}, options));
});
