// Contract tests for passkeys: the sign-in challenge, registration and authentication options,
// the two verifications and the credential lookup, and the /web routes the browser SDK calls
// with cookies (through the openapi-fetch client, since they have no methods).
import { preferStatus } from "@authsignal-ts/scripts/testing/contract";
import { describe, expect, it } from "vitest";
import { expectRefused, fetchApi, surfacesDocumentedErrors, tenantApi, userApi } from "./support.ts";

const registrationCredential = {
  id: "cred_abc",
  rawId: "cred_abc",
  type: "public-key" as const,
  clientExtensionResults: {},
  response: { clientDataJSON: "eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIn0", attestationObject: "o2NmbXRkbm9uZQ" },
};
const authenticationCredential = {
  id: "cred_abc",
  rawId: "cred_abc",
  type: "public-key" as const,
  clientExtensionResults: {},
  response: {
    clientDataJSON: "eyJ0eXBlIjoid2ViYXV0aG4uZ2V0In0",
    authenticatorData: "SZYN5YgOjGh0NBcPZHZgW4",
    signature: "MEUCIQ",
    userHandle: "dXNyXzEyMw",
  },
};

describe("challenge", () => {
  it("starts a sign-in with the tenant ID and answers its challenge ID", async () => {
    const { challengeId } = await tenantApi.challenge({ action: "signIn" });
    expect(challengeId).toBeTruthy();
  });

  it("is refused when the action is not a string", async () => {
    await expectRefused(tenantApi.challenge({ action: 7 as never }), "action");
  });

  surfacesDocumentedErrors((options) => tenantApi.challenge({ action: "signIn" }, options));
});

describe("challengeWeb (POST /challenge/web)", () => {
  it("answers a challenge ID as the plain route does", async () => {
    const { data, error } = await fetchApi.POST("/challenge/web", { body: { action: "signIn" } });
    expect(error).toBeUndefined();
    expect(data?.challengeId).toBeTruthy();
  });

  it("surfaces a documented error as openapi-fetch's error", async () => {
    const { data, error, response } = await fetchApi.POST("/challenge/web", {
      body: { action: "signIn" },
      ...preferStatus(429),
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(429);
    expect(error?.errorCode).toBe("too_many_requests");
  });
});

describe("passkeyRegistrationOptions", () => {
  it("answers creation options for the token's user", async () => {
    const { options, challengeId } = await userApi.passkeyRegistrationOptions({ username: "jane@example.com" });
    expect(options.challenge).toBeTruthy();
    expect(options.rp.name).toBeTruthy();
    expect(options.user.id).toBeTruthy();
    expect(challengeId).toBeTruthy();
  });

  it("accepts a null authenticatorAttachment, as the SDK sends when given none", async () => {
    const { options } = await userApi.passkeyRegistrationOptions({ authenticatorAttachment: null });
    expect(options.pubKeyCredParams.length).toBeGreaterThan(0);
  });

  surfacesDocumentedErrors((options) => userApi.passkeyRegistrationOptions({}, options));
});

describe("passkeyRegistrationOptionsWeb (POST …/registration-options/web)", () => {
  it("answers creation options", async () => {
    const { data } = await fetchApi.POST("/user-authenticators/passkey/registration-options/web", {
      body: { username: "jane@example.com" },
    });
    expect(data?.options.challenge).toBeTruthy();
  });

  it("surfaces a documented error", async () => {
    const { response } = await fetchApi.POST("/user-authenticators/passkey/registration-options/web", {
      body: {},
      ...preferStatus(401),
    });
    expect(response.status).toBe(401);
  });
});

describe("addPasskeyAuthenticator", () => {
  it("verifies the new credential and answers the token and the authenticator", async () => {
    const result = await userApi.addPasskeyAuthenticator({ registrationCredential, challengeId: "c1" });
    expect(result.isVerified).toBe(true);
    expect(result.accessToken).toBeTruthy();
    expect(result.userAuthenticatorId).toBeTruthy();
  });

  it("is refused without the credential's response", async () => {
    const { response: _, ...incomplete } = registrationCredential;
    await expectRefused(
      userApi.addPasskeyAuthenticator({ registrationCredential: incomplete as never }),
      "registrationCredential",
    );
  });

  surfacesDocumentedErrors((options) => userApi.addPasskeyAuthenticator({ registrationCredential }, options));
});

describe("getPasskeyAuthenticator", () => {
  it("looks credentials up with the tenant ID, the IDs comma-joined", async () => {
    const found = await tenantApi.getPasskeyAuthenticator({ credentialIds: ["cred_abc", "cred_def"] });
    expect(found.credentialId).toBeTruthy();
    expect(found.verifiedAt).toBeTruthy();
  });

  surfacesDocumentedErrors((options) => tenantApi.getPasskeyAuthenticator({ credentialIds: ["cred_abc"] }, options));
});

describe("passkeyAuthenticationOptions", () => {
  it("answers request options to a sign-in without a token", async () => {
    const { options } = await tenantApi.passkeyAuthenticationOptions({ challengeId: "c1" });
    expect(options.challenge).toBeTruthy();
  });

  it("answers them to a token's user too", async () => {
    const { options } = await userApi.passkeyAuthenticationOptions();
    expect(options.challenge).toBeTruthy();
  });

  surfacesDocumentedErrors((options) => tenantApi.passkeyAuthenticationOptions({}, options));
});

describe("passkeyAuthenticationOptionsWeb (POST …/authentication-options/web)", () => {
  it("answers request options", async () => {
    const { data } = await fetchApi.POST("/user-authenticators/passkey/authentication-options/web", { body: {} });
    expect(data?.options.challenge).toBeTruthy();
  });

  it("surfaces a documented error", async () => {
    const { response } = await fetchApi.POST("/user-authenticators/passkey/authentication-options/web", {
      body: {},
      ...preferStatus(500),
    });
    expect(response.status).toBe(500);
  });
});

describe("verifyPasskey", () => {
  it("verifies a sign-in and answers the token and the user it found", async () => {
    const result = await tenantApi.verifyPasskey({ authenticationCredential, challengeId: "c1" });
    expect(result.isVerified).toBe(true);
    expect(result.accessToken).toBeTruthy();
    expect(result.userId).toBeTruthy();
  });

  surfacesDocumentedErrors((options) => tenantApi.verifyPasskey({ authenticationCredential }, options));
});
