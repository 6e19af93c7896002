// The official @authsignal/node client, calling every method it has with the call shapes its own
// integration tests, the server SDK docs and its types use, through Prism proxies of our bundled
// specs. A request that breaks our spec comes back as a 422, which the official client throws as
// an AuthsignalError, so a call that resolves proves its request validated. Each upstream answer
// is shaped as the official types declare the response, so the fields it reads validate too.
import {
  AuthScope,
  Authsignal,
  AuthsignalError,
  CallConnect,
  CallConnectMessageChannel,
  CallState,
  handleAuth0ContinuePostLogin,
  handleAuth0ExecutePostLogin,
  SmsChannel,
  UserActionState,
  VerificationMethod,
} from "@authsignal/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProxies, type ValidatingProxy } from "../src/proxies.ts";
import type { ReceivedRequest } from "../src/upstream.ts";

const apiSecretKey = "sk_test_fidelity";
/** The package and commit the call shapes are read from: @authsignal/node 2.21.0. */
export const nodeSdk = { repo: "authsignal/authsignal-node", commit: "dca8a296e677dbc06cd0f2fd609f4f73f28eada5" };

/** Every method of the official classes that ran, as `Class.method`, recorded on their prototypes. */
const called = new Set<string>();
const restorers: (() => void)[] = [];
function recordCalls(owner: string, prototype: Record<string, unknown>) {
  for (const name of Object.getOwnPropertyNames(prototype)) {
    const original = prototype[name];
    if (name === "constructor" || typeof original !== "function") continue;
    prototype[name] = function (this: unknown, ...args: unknown[]) {
      called.add(`${owner}.${name}`);
      return original.apply(this, args);
    };
    restorers.push(() => {
      prototype[name] = original;
    });
  }
}
recordCalls("Authsignal", Authsignal.prototype as unknown as Record<string, unknown>);
recordCalls("CallConnect", CallConnect.prototype as unknown as Record<string, unknown>);

let server: ValidatingProxy;
let callConnectProxy: ValidatingProxy;
let stop: () => Promise<void>;
let client: Authsignal;
let callConnect: CallConnect;

beforeAll(async () => {
  const started = await startProxies(["server", "call-connect"] as const);
  ({ stop } = started);
  server = started.proxies.server;
  callConnectProxy = started.proxies["call-connect"];
  client = new Authsignal({ apiSecretKey, apiUrl: server.url, retries: 0 });
  callConnect = new CallConnect({ apiSecretKey, apiUrl: callConnectProxy.url, retries: 0 });
});
afterAll(async () => {
  for (const restore of restorers) restore();
  await stop?.();
});

/** Queues `body` as the upstream's answer, makes the call, and returns what reached the upstream. */
async function exchange<T>(proxy: ValidatingProxy, body: unknown, call: () => Promise<T>) {
  proxy.upstream.answer({ status: 200, body });
  const result = await call();
  const [request, ...more] = proxy.upstream.received();
  expect(more, "one request reached the upstream").toEqual([]);
  return { result, request: request as ReceivedRequest };
}

const userId = "0b8f8a3c-8f0e-4c1b-9a4e-2d6c7b5a1e3f";
const idempotencyKey = "5f3e5c1e-3c2a-4a8e-9d1b-6b2f1c0a9e7d";
const challengeId = "3a991a14-690c-492b-a5e5-02b9056a4b7d";
const token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyMTIzIn0.sig";
const accessToken = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImtleS0xIn0.eyJzdWIiOiJ1c3JfMTIzIn0.sig";
const clientId = "46e10ac5-cb9c-458f-ad86-0f698f67b365";
const tracked = {
  idempotencyKey,
  state: UserActionState.CHALLENGE_REQUIRED,
  url: "https://mfa.authsignal.com/challenge?token=eyJhbGciOiJIUzI1NiJ9",
  token,
  isEnrolled: true,
  enrolledVerificationMethods: [VerificationMethod.SMS],
  allowedVerificationMethods: [VerificationMethod.SMS, VerificationMethod.EMAIL_OTP],
  defaultVerificationMethod: VerificationMethod.SMS,
  ruleIds: [],
};
const smsAuthenticator = {
  userId,
  userAuthenticatorId: "9d1c2b3a-4e5f-4a6b-8c7d-0e1f2a3b4c5d",
  verificationMethod: VerificationMethod.SMS,
  createdAt: "2025-02-01T18:00:00.000Z",
  phoneNumber: "+64270000000",
};
const userAttributes = {
  email: "test@example.com",
  emailVerified: true,
  phoneNumber: "+6427123456",
  phoneNumberVerified: false,
  username: "test@example.com",
  displayName: "Test User",
  custom: { foo: "bar" },
};
const sessionTokens = { accessToken, refreshToken: "3f72a26e6834b4da9c1e" };

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

describe("Authsignal: challenges (test/client.test.ts, docs sdks/server/challenges, src/types.ts)", () => {
  const started = { challengeId, idempotencyKey, expiresAt: 1748898820 };

  it.each([
    ["the docs' SMS code", { verificationMethod: "SMS", action: "signInWithSms", phoneNumber: "+64270000000" }],
    [
      "a WhatsApp code over the WhatsApp SMS channel",
      {
        verificationMethod: "WHATSAPP",
        action: "signIn",
        phoneNumber: "+64270000000",
        smsChannel: SmsChannel.WHATSAPP,
      },
    ],
    [
      "an email code with every optional field the types have",
      {
        verificationMethod: "EMAIL_OTP",
        action: "addEmail",
        email: "jane@example.com",
        idempotencyKey,
        userId,
        locale: "en-NZ",
        deviceId: "dev_42",
        ipAddress: "203.0.113.7",
        userAgent: "Mozilla/5.0",
        custom: { plan: "pro" },
        scope: AuthScope.addAuthenticators,
      },
    ],
    [
      "the scope that removes an authenticator",
      {
        verificationMethod: "EMAIL_OTP",
        action: "manage",
        email: "jane@example.com",
        userId,
        scope: AuthScope.removeAuthenticators,
      },
    ],
    ["another code for an earlier challenge, by its ID alone", { challengeId }],
  ] as const)("challenge with %s", async (_, request) => {
    const { result, request: received } = await exchange(server, started, () => client.challenge(request));
    expect(received.body).toEqual(request);
    expect(result.challengeId).toBe(challengeId);
  });

  it("verify, as the docs verify a code", async () => {
    const body = { isVerified: true, phoneNumber: "+64270000000", verificationMethod: "SMS" };
    const { result } = await exchange(server, body, () => client.verify({ challengeId, verificationCode: "123456" }));
    expect(result.isVerified).toBe(true);
  });

  it.each([
    ["the docs' claim", { challengeId, userId: "dc58c6dc-a1fd-4a4f-8e2f-846636dd4833" }],
    ["no verification check, from the types", { challengeId, userId, skipVerificationCheck: true }],
  ])("claimChallenge with %s", async (_, request) => {
    const body = { token, verificationMethod: VerificationMethod.SMS };
    const { result } = await exchange(server, body, () => client.claimChallenge(request));
    expect(result.token).toBe(token);
  });

  it.each([
    ["a token alone, as the action tests validate", { token }],
    ["the docs' action and token", { action: "Login", token }],
    ["a user and an action", { token, userId, action: "Login" }],
  ])("validateChallenge with %s, reading action from the wire's actionCode", async (_, request) => {
    const wire = {
      isValid: false,
      state: UserActionState.CHALLENGE_REQUIRED,
      stateUpdatedAt: "2025-06-02T21:03:40.512Z",
      userId,
      action: "Login",
      actionCode: "Login",
      idempotencyKey,
      veriffSessionId: "2b9f6c1e",
    };
    const { result } = await exchange(server, wire, () => client.validateChallenge(request));
    expect(result).toMatchObject({
      action: "Login",
      userId,
      state: UserActionState.CHALLENGE_REQUIRED,
      isValid: false,
    });
  });

  it.each([
    ["the docs' challenge ID", { challengeId }, `?challengeId=${challengeId}`],
    [
      "a user, an action and a method",
      { userId, action: "signIn", verificationMethod: VerificationMethod.SMS },
      `?userId=${userId}&action=signIn&verificationMethod=SMS`,
    ],
  ])("getChallenge with %s", async (_, request, query) => {
    const body = {
      challengeId,
      expiresAt: 1748898820,
      verificationMethod: VerificationMethod.SMS,
      smsChannel: SmsChannel.DEFAULT,
      phoneNumber: "+64270000000",
      action: "signIn",
    };
    const { result, request: received } = await exchange(server, body, () => client.getChallenge(request));
    expect(received.url).toBe(`/challenges${query}`);
    expect(result.action).toBe("signIn");
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

describe("CallConnect (test/call-connect.test.ts, src/call-connect.ts)", () => {
  it.each([
    [
      "a caller found by phone number, as the integration test sends it",
      { referenceId: "0b8f8a3c", phoneNumber: "+6427123456" },
    ],
    [
      "a local number and every other field the types have",
      {
        referenceId: "call-0042",
        phoneNumber: "027 123 456",
        country: "NZ",
        userId,
        username: "customer-0042",
        channel: CallConnectMessageChannel.SMS,
        locale: "en",
        actionCode: "callerAuthentication",
      },
    ],
    [
      "a caller found by email",
      { referenceId: "call-0043", email: "jane@example.com", channel: CallConnectMessageChannel.EMAIL },
    ],
  ])("startCall with %s", async (_, request) => {
    const body = {
      messageId: "ef6b3212-6121-4a9e-92ef-09d819e36e93",
      channel: CallConnectMessageChannel.WHATSAPP,
      phoneNumber: "+6427123456",
    };
    const { result, request: received } = await exchange(callConnectProxy, body, () => callConnect.startCall(request));
    expect(received.body).toEqual(request);
    expect(result.channel).toBe("WHATSAPP");
  });

  it.each([
    [
      "every field the types have",
      { referenceId: "0b8f8a3c", state: CallState.CHALLENGE_SUCCEEDED, userId, payload: { agentId: "agent-17" } },
    ],
    ["a failed call", { referenceId: "0b8f8a3c", state: CallState.CHALLENGE_FAILED }],
  ])("finishCall with %s", async (_, request) => {
    const { result } = await exchange(callConnectProxy, { success: true }, () => callConnect.finishCall(request));
    expect(result.success).toBe(true);
  });
});

// The helpers build their own client with the default retries, which installs axios-retry on the
// shared axios instance, so they run after every other call.
describe("Auth0 integration (src/integrations/auth0.ts)", () => {
  const event = {
    secrets: { AUTHSIGNAL_SECRET: apiSecretKey },
    user: { user_id: "auth0|64f1c2", email: "jane@example.com" },
    request: {
      hostname: "tenant.eu.auth0.com",
      ip: "203.0.113.7",
      user_agent: "Mozilla/5.0",
      query: { device_id: "dev_42", token },
    },
    authentication: { methods: [] as { name: string }[] },
  };
  const actions: string[] = [];
  const api = {
    redirect: { sendUserTo: (url: string) => actions.push(`redirect ${url}`) },
    access: { deny: (reason: string) => actions.push(`deny ${reason}`) },
    authentication: { recordMethod: (name: string) => actions.push(`record ${name}`) },
  };

  it("handleAuth0ExecutePostLogin tracks the login and redirects to the challenge", async () => {
    const { request } = await exchange(server, tracked, () =>
      handleAuth0ExecutePostLogin(event, api, { apiUrl: server.url }),
    );
    expect(request.url).toBe("/users/auth0%7C64f1c2/actions/auth0-login");
    expect(request.body).toEqual({
      redirectUrl: "https://tenant.eu.auth0.com/continue",
      custom: {},
      email: "jane@example.com",
      ipAddress: "203.0.113.7",
      userAgent: "Mozilla/5.0",
      deviceId: "dev_42",
    });
    expect(actions.pop()).toBe(`redirect ${tracked.url}`);
  });

  it("handleAuth0ContinuePostLogin validates the token and records the method", async () => {
    const wire = {
      isValid: true,
      state: UserActionState.CHALLENGE_SUCCEEDED,
      userId: "auth0|64f1c2",
      action: "auth0-login",
      actionCode: "auth0-login",
    };
    const { request } = await exchange(server, wire, () =>
      handleAuth0ContinuePostLogin(event, api, { apiUrl: server.url }),
    );
    expect(request.body).toEqual({ token, action: "auth0-login", userId: "auth0|64f1c2" });
    expect(actions.pop()).toBe(`record ${server.url}`);
  });
});

describe("coverage of the official client", () => {
  it("exercised every method of Authsignal and CallConnect", () => {
    const methods = (owner: string, prototype: object) =>
      Object.getOwnPropertyNames(prototype)
        .filter((name) => name !== "constructor")
        .map((name) => `${owner}.${name}`);
    const all = [...methods("Authsignal", Authsignal.prototype), ...methods("CallConnect", CallConnect.prototype)];
    expect(all.length).toBeGreaterThanOrEqual(23);
    expect(
      all.filter((name) => !called.has(name)),
      "methods no test called",
    ).toEqual([]);
  });
});
