// The official @authsignal/node client's challenge methods, its CallConnect class and its Auth0
// helpers, through Prism proxies of our specs, with the call shapes its integration tests, the
// server SDK docs and its types use (see authsignal-node.test.ts for the rest). A call that
// resolves proves its request validated: Prism answers a spec-breaking one with a 422, which the
// official client throws.
import {
  AuthScope,
  CallConnectMessageChannel,
  CallState,
  handleAuth0ContinuePostLogin,
  handleAuth0ExecutePostLogin,
  SmsChannel,
  UserActionState,
  VerificationMethod,
} from "@authsignal/node";
import { describe, expect, it } from "vitest";
import {
  apiSecretKey,
  callConnect,
  callConnectProxy,
  called,
  challengeId,
  challengesCallsAndAuth0,
  client,
  exchange,
  idempotencyKey,
  server,
  token,
  tracked,
  useOfficialClients,
  userId,
} from "./authsignal-node-harness.ts";

useOfficialClients();

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
  it("exercised this file's share of the official methods", () => {
    expect(
      challengesCallsAndAuth0.filter((name) => !called.has(name)),
      "methods no test called",
    ).toEqual([]);
  });
});
