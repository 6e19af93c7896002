// The official @authsignal/node client, calling every method it has with the call shapes its own
// integration tests, the server SDK docs and its types use, through Prism proxies of our bundled
// specs. A request that breaks our spec comes back as a 422, which the official client throws as
// an AuthsignalError, so a call that resolves proves its request validated. Each upstream answer
// is shaped as the official types declare the response, so the fields it reads validate too.
// This file covers users, authenticators, actions and sessions; authsignal-node-challenges.test.ts
// covers challenges, Call Connect and the Auth0 helpers.
import { AuthScope, Authsignal, AuthsignalError, UserActionState, VerificationMethod } from "@authsignal/node";
import { describe, expect, it } from "vitest";
import {
  accessToken,
  called,
  challengeId,
  challengesCallsAndAuth0,
  client,
  clientId,
  exchange,
  idempotencyKey,
  officialMethods,
  server,
  sessionTokens,
  smsAuthenticator,
  token,
  tracked,
  useOfficialClients,
  userAttributes,
  userId,
  usersActionsAndSessions,
} from "./authsignal-node-harness.ts";

useOfficialClients();

describe("Authsignal: users and authenticators (test/client.test.ts, docs, src/types.ts)", () => {
  it("getUser, as the user tests read it", async () => {
    const body = { isEnrolled: true, emailVerified: false, phoneNumberVerified: false, custom: { foo: "bar" } };
    const { result, request } = await exchange(server, body, () => client.getUser({ userId }));
    expect(request.url).toBe(`/users/${userId}`);
    expect(result.isEnrolled).toBe(true);
    expect(result.email).toBeUndefined();
  });

  it.each([
    [
      "every filter the types have",
      {
        username: "jane",
        email: "jane@example.com",
        phoneNumber: "+6421555123",
        token,
        limit: 10,
        lastEvaluatedUserId: "usr_122",
      },
    ],
    ["an email address", { email: "jane@example.com" }],
  ])("queryUsers with %s", async (_, request) => {
    const body = {
      users: [{ userId, email: "jane@example.com", emailVerified: true, phoneNumberVerified: false }],
      lastEvaluatedUserId: userId,
      tokenPayload: { sub: userId },
    };
    const { result, request: received } = await exchange(server, body, () => client.queryUsers(request));
    expect(new URL(received.url, "http://upstream").searchParams.get("email")).toBe("jane@example.com");
    expect(result.users[0]?.userId).toBe(userId);
  });

  it.each([
    ["every attribute the user tests set", userAttributes],
    [
      "the docs' attributes",
      {
        email: "jane.smith@authsignal.com",
        phoneNumber: "+64271234567",
        username: "jane.smith@authsignal.com",
        displayName: "Jane Smith",
      },
    ],
    ["a locale, from the types", { locale: "en-NZ" }],
  ])("updateUser with %s", async (_, attributes) => {
    const { result, request } = await exchange(server, attributes, () => client.updateUser({ userId, attributes }));
    expect(request).toMatchObject({ method: "PATCH", body: attributes });
    expect(result).toEqual(attributes);
  });

  it("deleteUser", async () => {
    const { request } = await exchange(server, { success: true }, () => client.deleteUser({ userId }));
    expect(request).toMatchObject({ method: "DELETE", url: `/users/${userId}` });
  });

  it("getAuthenticators, with the passkey fields the passkey test reads", async () => {
    const passkey = {
      ...smsAuthenticator,
      verificationMethod: VerificationMethod.PASSKEY,
      phoneNumber: undefined,
      webauthnCredential: {
        credentialId: "AdKXJEch1aV5Wo7bj7qLHskVY4OoNaj9qu8TPdJ7kSAgUeRxWNngXlcNIGt4gexZGKVGcqZpqqWordXb_he1izY",
        deviceId: "5c8e1f5a-2a0b-4b7e-9a51-8d3c4f1f7e21",
        name: "iCloud Keychain",
        aaguidMapping: {
          name: "iCloud Keychain",
          svgIconLight: "data:image/svg+xml;base64,PHN2Zz4=",
          svgIconDark: "data:image/svg+xml;base64,PHN2Zz4=",
        },
        parsedUserAgent: {
          ua: "Mozilla/5.0 Chrome/126.0",
          browser: { name: "Chrome", version: "126.0", major: "126" },
        },
      },
    };
    const { result } = await exchange(server, [smsAuthenticator, passkey], () => client.getAuthenticators({ userId }));
    expect(result[1]?.webauthnCredential?.aaguidMapping?.name).toBe("iCloud Keychain");
    expect(result[1]?.webauthnCredential?.parsedUserAgent?.browser?.name).toBe("Chrome");
  });

  it.each([
    [
      "a verified phone number, as the tests and docs enroll it",
      { verificationMethod: VerificationMethod.SMS, phoneNumber: "+64270000000" },
    ],
    [
      "a default email authenticator, from the types",
      { verificationMethod: VerificationMethod.EMAIL_OTP, email: "jane@example.com", isDefault: true },
    ],
  ])("enrollVerifiedAuthenticator with %s", async (_, attributes) => {
    const body = { authenticator: smsAuthenticator, recoveryCodes: ["7f3k-9q2m"] };
    const { result, request } = await exchange(server, body, () =>
      client.enrollVerifiedAuthenticator({ userId, attributes }),
    );
    expect(request.body).toEqual(attributes);
    expect(result.authenticator.userAuthenticatorId).toBe(smsAuthenticator.userAuthenticatorId);
  });

  it("deleteAuthenticator", async () => {
    const { request } = await exchange(server, { success: true }, () =>
      client.deleteAuthenticator({ userId, userAuthenticatorId: smsAuthenticator.userAuthenticatorId }),
    );
    expect(request.url).toBe(`/users/${userId}/authenticators/${smsAuthenticator.userAuthenticatorId}`);
  });
});

describe("Authsignal: actions (test/client.test.ts, docs, src/types.ts)", () => {
  it.each([
    ["no attributes, as the action tests track", undefined, {}],
    ["the docs' email", { email: "jane.smith@authsignal.com" }, undefined],
    [
      "every attribute the types have",
      {
        idempotencyKey,
        redirectUrl: "https://app.example.com/callback",
        redirectToSettings: false,
        ipAddress: "203.0.113.7",
        userAgent: "Mozilla/5.0",
        deviceId: "dev_42",
        scope: `${AuthScope.readAuthenticators} ${AuthScope.addAuthenticators}`,
        email: "jane@example.com",
        phoneNumber: "+6421555123",
        username: "jane",
        custom: { plan: "pro", seats: 3, trial: false },
        challengeId,
        locale: "en-NZ",
        customDomain: "auth.example.com",
      },
      undefined,
    ],
  ])("track with %s", async (_, attributes, sent) => {
    const { result, request } = await exchange(server, tracked, () =>
      client.track({ userId, action: "Login", attributes }),
    );
    expect(request.body).toEqual(sent ?? attributes);
    expect(result.state).toBe(UserActionState.CHALLENGE_REQUIRED);
  });

  it("getAction, after the review the action tests request", async () => {
    const body = {
      state: UserActionState.REVIEW_REQUIRED,
      stateUpdatedAt: "2025-06-02T21:05:00.000Z",
      createdAt: "2025-06-02T21:03:40.512Z",
      verificationMethod: VerificationMethod.SMS,
      rules: [{ ruleId: "7b8f5d6c", name: "Review" }],
      output: {},
    };
    const { result } = await exchange(server, body, () =>
      client.getAction({ userId, action: "Login", idempotencyKey }),
    );
    expect(result.state).toBe(UserActionState.REVIEW_REQUIRED);
  });

  it("updateAction, to the state the action tests set", async () => {
    const attributes = { state: UserActionState.REVIEW_REQUIRED };
    const { result, request } = await exchange(server, attributes, () =>
      client.updateAction({ userId, action: "Login", idempotencyKey, attributes }),
    );
    expect(request).toMatchObject({ method: "PATCH", body: attributes });
    expect(result.state).toBe(UserActionState.REVIEW_REQUIRED);
  });

  it.each([
    ["no filter", { userId }, ""],
    [
      "every filter the types have",
      {
        userId,
        fromDate: "2025-06-01T00:00:00.000Z",
        actionCodes: ["signIn", "withdrawFunds"],
        state: UserActionState.CHALLENGE_SUCCEEDED,
      },
      "?fromDate=2025-06-01T00%3A00%3A00.000Z&codes=signIn%2CwithdrawFunds&state=CHALLENGE_SUCCEEDED",
    ],
  ])("queryUserActions with %s", async (_, request, query) => {
    const body = [
      {
        actionCode: "signIn",
        idempotencyKey,
        createdAt: "2025-06-02T21:03:40.512Z",
        state: "CHALLENGE_SUCCEEDED",
        verificationMethod: VerificationMethod.PASSKEY,
      },
    ];
    const { result, request: received } = await exchange(server, body, () => client.queryUserActions(request));
    expect(received.url).toBe(`/users/${userId}/actions${query}`);
    expect(result[0]?.actionCode).toBe("signIn");
  });
});

describe("Authsignal: sessions (docs sdks/server/sessions, src/types.ts)", () => {
  it.each([
    ["the docs' token and client", { token, clientId }],
    ["an action, from the types", { token, clientId, action: "signIn" }],
  ])("createSession with %s", async (_, request) => {
    const { result } = await exchange(server, sessionTokens, () => client.createSession(request));
    expect(result.refreshToken).toBe(sessionTokens.refreshToken);
  });

  it.each([
    ["the docs' client IDs", { accessToken, clientIds: [clientId] }],
    ["an access token alone", { accessToken }],
  ])("validateSession with %s", async (_, request) => {
    const body = {
      user: { userId, ...userAttributes, locale: "en-NZ" },
      expiresAt: 1748899720,
      verificationMethod: VerificationMethod.EMAIL_OTP,
    };
    const { result } = await exchange(server, body, () => client.validateSession(request));
    expect(result.user).toMatchObject({ userId, email: userAttributes.email });
  });

  it("refreshSession, revokeSession and revokeUserSessions, as the docs call them", async () => {
    await exchange(server, sessionTokens, () => client.refreshSession({ refreshToken: sessionTokens.refreshToken }));
    await exchange(server, undefined, () => client.revokeSession({ accessToken }));
    const { request } = await exchange(server, undefined, () => client.revokeUserSessions({ userId }));
    expect(request).toMatchObject({ url: "/sessions/user/revoke", body: { userId } });
  });

  it("reads the 401 body of the invalid secret test", async () => {
    const errorDescription =
      "The request is unauthorized. Check that your API key and region base URL are correctly configured.";
    server.upstream.answer({ status: 401, body: { error: "unauthorized", errorDescription } });
    const invalid = new Authsignal({ apiSecretKey: "invalid_secret", apiUrl: server.url, retries: 0 });
    const error = await invalid.getUser({ userId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthsignalError);
    expect(error).toMatchObject({ statusCode: 401, errorCode: "unauthorized", errorDescription });
  });

  it("throws an AuthsignalError when Prism refuses a request that breaks the spec", async () => {
    server.upstream.answer({ status: 200, body: { challengeId, expiresAt: 1 } });
    // An SMS challenge with no phone number: the official types allow it, our spec does not.
    const error = await client
      .challenge({ verificationMethod: "SMS", action: "signIn" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthsignalError);
    expect((error as AuthsignalError).statusCode).toBe(422);
    expect(server.upstream.received()).toEqual([]);
  });
});

describe("coverage of the official client", () => {
  it("exercised this file's share of the official methods", () => {
    expect(
      usersActionsAndSessions.filter((name) => !called.has(name)),
      "methods no test called",
    ).toEqual([]);
  });

  it("leaves no official method out of the two files' shares, so a new SDK method needs a call", () => {
    const shared = new Set([...usersActionsAndSessions, ...challengesCallsAndAuth0]);
    const all = officialMethods();
    expect(all.length).toBeGreaterThanOrEqual(23);
    expect(
      all.filter((name) => !shared.has(name)),
      "methods in neither share",
    ).toEqual([]);
  });
});
