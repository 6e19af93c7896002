// Each of the 21 methods of the compat `Authsignal`, against a loopback server: the request it
// sends (method, path, query, body, auth), what it resolves to, and that the official
// @authsignal/node client sends the same request and resolves to the same value for the same answer.
import { Authsignal as OfficialAuthsignal } from "@authsignal/node";
import { beforeAll, describe, expect, it } from "vitest";
import { Authsignal } from "../../src/compat/index.ts";
import { type Answer, type RecordedRequest, useLoopbackServer } from "./support.ts";

const apiSecretKey = "sk_test_compat_9d41";
const authorization = `Basic ${Buffer.from(`${apiSecretKey}:`).toString("base64")}`;

interface Case {
  method: string;
  request: unknown;
  answer: Answer;
  sent: { method: string; path: string; query?: Record<string, string[]>; body?: unknown };
  result: unknown;
  /**
   * The native client adds an `idempotencyKey` to a track body that has none, so a retried
   * attempt cannot track the action twice; the official client sends none.
   */
  addsIdempotencyKey?: boolean;
}

const user = { isEnrolled: true, email: "jane@example.com", emailVerified: true };
const authenticator = {
  userId: "usr_1",
  userAuthenticatorId: "auth_1",
  verificationMethod: "SMS",
  createdAt: "2025-01-01T00:00:00.000Z",
};
const track = {
  idempotencyKey: "idem_1",
  state: "CHALLENGE_REQUIRED",
  url: "https://example.authsignal.com/challenge",
  token: "tok",
  isEnrolled: true,
};
const tokens = { accessToken: "at", refreshToken: "rt" };

const cases: [string, Case][] = [
  [
    "getUser",
    {
      method: "getUser",
      request: { userId: "usr_1" },
      answer: { body: user },
      sent: { method: "GET", path: "/v1/users/usr_1" },
      result: user,
    },
  ],
  [
    "queryUsers, every parameter",
    {
      method: "queryUsers",
      request: {
        username: "jane",
        email: "jane@example.com",
        phoneNumber: "+6427000000",
        token: "t",
        limit: 10,
        lastEvaluatedUserId: "usr_0",
      },
      answer: { body: { users: [], lastEvaluatedUserId: "usr_9" } },
      sent: {
        method: "GET",
        path: "/v1/users",
        query: {
          username: ["jane"],
          email: ["jane@example.com"],
          phoneNumber: ["+6427000000"],
          token: ["t"],
          limit: ["10"],
          lastEvaluatedUserId: ["usr_0"],
        },
      },
      result: { users: [], lastEvaluatedUserId: "usr_9" },
    },
  ],
  [
    "queryUsers, falsy parameters left out",
    {
      method: "queryUsers",
      request: { email: "jane@example.com", username: "", limit: 0 },
      answer: { body: { users: [] } },
      sent: { method: "GET", path: "/v1/users", query: { email: ["jane@example.com"] } },
      result: { users: [] },
    },
  ],
  [
    "updateUser",
    {
      method: "updateUser",
      request: { userId: "usr_1", attributes: { email: "new@example.com", custom: { tier: "gold" } } },
      answer: { body: { email: "new@example.com" } },
      sent: { method: "PATCH", path: "/v1/users/usr_1", body: { email: "new@example.com", custom: { tier: "gold" } } },
      result: { email: "new@example.com" },
    },
  ],
  [
    "deleteUser, void",
    {
      method: "deleteUser",
      request: { userId: "usr_1" },
      answer: { body: { success: true } },
      sent: { method: "DELETE", path: "/v1/users/usr_1" },
      result: undefined,
    },
  ],
  [
    "getAuthenticators",
    {
      method: "getAuthenticators",
      request: { userId: "usr_1" },
      answer: { body: [authenticator] },
      sent: { method: "GET", path: "/v1/users/usr_1/authenticators" },
      result: [authenticator],
    },
  ],
  [
    "enrollVerifiedAuthenticator",
    {
      method: "enrollVerifiedAuthenticator",
      request: { userId: "usr_1", attributes: { verificationMethod: "SMS", phoneNumber: "+6427000000" } },
      answer: { body: { authenticator } },
      sent: {
        method: "POST",
        path: "/v1/users/usr_1/authenticators",
        body: { verificationMethod: "SMS", phoneNumber: "+6427000000" },
      },
      result: { authenticator },
    },
  ],
  [
    "deleteAuthenticator, void",
    {
      method: "deleteAuthenticator",
      request: { userId: "usr_1", userAuthenticatorId: "auth_1" },
      answer: { body: { success: true } },
      sent: { method: "DELETE", path: "/v1/users/usr_1/authenticators/auth_1" },
      result: undefined,
    },
  ],
  [
    "track, no attributes",
    {
      method: "track",
      request: { userId: "usr_1", action: "signIn" },
      answer: { body: track },
      sent: { method: "POST", path: "/v1/users/usr_1/actions/signIn", body: {} },
      result: track,
      addsIdempotencyKey: true,
    },
  ],
  [
    "track, attributes as the body",
    {
      method: "track",
      request: { userId: "usr_1", action: "signIn", attributes: { ipAddress: "203.0.113.7", custom: { amount: 5 } } },
      answer: { body: track },
      sent: {
        method: "POST",
        path: "/v1/users/usr_1/actions/signIn",
        body: { ipAddress: "203.0.113.7", custom: { amount: 5 } },
      },
      result: track,
      addsIdempotencyKey: true,
    },
  ],
  [
    "validateChallenge, action and actionCode on the wire",
    {
      method: "validateChallenge",
      request: { token: "tok", action: "signIn" },
      answer: {
        body: { isValid: true, state: "CHALLENGE_SUCCEEDED", action: "signIn", actionCode: "signIn", userId: "usr_1" },
      },
      sent: { method: "POST", path: "/v1/validate", body: { token: "tok", action: "signIn" } },
      result: { isValid: true, state: "CHALLENGE_SUCCEEDED", action: "signIn", userId: "usr_1" },
    },
  ],
  [
    "validateChallenge, only the deprecated actionCode on the wire",
    {
      method: "validateChallenge",
      request: { token: "tok" },
      answer: { body: { isValid: false, actionCode: "withdraw" } },
      sent: { method: "POST", path: "/v1/validate", body: { token: "tok" } },
      result: { isValid: false, action: "withdraw" },
    },
  ],
  [
    "validateChallenge, only action on the wire",
    {
      method: "validateChallenge",
      request: { token: "tok" },
      answer: { body: { isValid: true, action: "signIn" } },
      sent: { method: "POST", path: "/v1/validate", body: { token: "tok" } },
      result: { isValid: true, action: "signIn" },
    },
  ],
  [
    "claimChallenge",
    {
      method: "claimChallenge",
      request: { challengeId: "ch_1", userId: "usr_1" },
      answer: { body: { token: "tok", verificationMethod: "SMS" } },
      sent: { method: "POST", path: "/v1/claim", body: { challengeId: "ch_1", userId: "usr_1" } },
      result: { token: "tok", verificationMethod: "SMS" },
    },
  ],
  [
    "getAction",
    {
      method: "getAction",
      request: { userId: "usr_1", action: "signIn", idempotencyKey: "idem_1" },
      answer: { body: { state: "ALLOW", stateUpdatedAt: "t", createdAt: "t" } },
      sent: { method: "GET", path: "/v1/users/usr_1/actions/signIn/idem_1" },
      result: { state: "ALLOW", stateUpdatedAt: "t", createdAt: "t" },
    },
  ],
  [
    "queryUserActions, actionCodes sent as codes",
    {
      method: "queryUserActions",
      request: {
        userId: "usr_1",
        actionCodes: ["signIn", "withdraw"],
        fromDate: "2025-06-01T00:00:00.000Z",
        state: "ALLOW",
      },
      answer: { body: [] },
      sent: {
        method: "GET",
        path: "/v1/users/usr_1/actions",
        query: { codes: ["signIn,withdraw"], fromDate: ["2025-06-01T00:00:00.000Z"], state: ["ALLOW"] },
      },
      result: [],
    },
  ],
  [
    "queryUserActions, no filters",
    {
      method: "queryUserActions",
      request: { userId: "usr_1", actionCodes: [] },
      answer: { body: [] },
      sent: { method: "GET", path: "/v1/users/usr_1/actions" },
      result: [],
    },
  ],
  [
    "updateAction",
    {
      method: "updateAction",
      request: {
        userId: "usr_1",
        action: "signIn",
        idempotencyKey: "idem_1",
        attributes: { state: "REVIEW_REQUIRED" },
      },
      answer: { body: { state: "REVIEW_REQUIRED" } },
      sent: { method: "PATCH", path: "/v1/users/usr_1/actions/signIn/idem_1", body: { state: "REVIEW_REQUIRED" } },
      result: { state: "REVIEW_REQUIRED" },
    },
  ],
  [
    "challenge",
    {
      method: "challenge",
      request: { verificationMethod: "SMS", action: "signIn", phoneNumber: "+6427000000" },
      answer: { body: { challengeId: "ch_1", expiresAt: 1, idempotencyKey: "idem_1" } },
      sent: {
        method: "POST",
        path: "/v1/challenge",
        body: { verificationMethod: "SMS", action: "signIn", phoneNumber: "+6427000000" },
      },
      result: { challengeId: "ch_1", expiresAt: 1, idempotencyKey: "idem_1" },
    },
  ],
  [
    "verify",
    {
      method: "verify",
      request: { challengeId: "ch_1", verificationCode: "123456" },
      answer: { body: { isVerified: false, failureReason: "CODE_INVALID_OR_EXPIRED" } },
      sent: { method: "POST", path: "/v1/verify", body: { challengeId: "ch_1", verificationCode: "123456" } },
      result: { isVerified: false, failureReason: "CODE_INVALID_OR_EXPIRED" },
    },
  ],
  [
    "getChallenge, falsy parameters left out",
    {
      method: "getChallenge",
      request: { challengeId: "ch_1", userId: "", verificationMethod: "SMS" },
      answer: { body: { challengeId: "ch_1" } },
      sent: { method: "GET", path: "/v1/challenges", query: { challengeId: ["ch_1"], verificationMethod: ["SMS"] } },
      result: { challengeId: "ch_1" },
    },
  ],
  [
    "createSession",
    {
      method: "createSession",
      request: { clientId: "c", token: "tok" },
      answer: { body: tokens },
      sent: { method: "POST", path: "/v1/sessions", body: { clientId: "c", token: "tok" } },
      result: tokens,
    },
  ],
  [
    "validateSession",
    {
      method: "validateSession",
      request: { accessToken: "at", clientIds: ["c"] },
      answer: { body: { user: { userId: "usr_1" }, expiresAt: 1, verificationMethod: "PASSKEY" } },
      sent: { method: "POST", path: "/v1/sessions/validate", body: { accessToken: "at", clientIds: ["c"] } },
      result: { user: { userId: "usr_1" }, expiresAt: 1, verificationMethod: "PASSKEY" },
    },
  ],
  [
    "refreshSession",
    {
      method: "refreshSession",
      request: { refreshToken: "rt" },
      answer: { body: tokens },
      sent: { method: "POST", path: "/v1/sessions/refresh", body: { refreshToken: "rt" } },
      result: tokens,
    },
  ],
  [
    "revokeSession, void",
    {
      method: "revokeSession",
      request: { accessToken: "at" },
      answer: {},
      sent: { method: "POST", path: "/v1/sessions/revoke", body: { accessToken: "at" } },
      result: undefined,
    },
  ],
  [
    "revokeUserSessions, void",
    {
      method: "revokeUserSessions",
      request: { userId: "usr_1" },
      answer: {},
      sent: { method: "POST", path: "/v1/sessions/user/revoke", body: { userId: "usr_1" } },
      result: undefined,
    },
  ],
];

type Methods = Record<string, (request: unknown) => Promise<unknown>>;
const server = useLoopbackServer();
let compat: Methods;
let official: Methods;

beforeAll(() => {
  // Retries off for the official client: with retries it patches the global axios instance.
  compat = new Authsignal({ apiSecretKey, apiUrl: `${server.url}/v1` }) as unknown as Methods;
  official = new OfficialAuthsignal({ apiSecretKey, apiUrl: `${server.url}/v1`, retries: 0 }) as unknown as Methods;
});

const wire = ({ method, path, query, body }: RecordedRequest) => ({ method, path, query, body });

describe("the 21 methods", () => {
  it("cover every method of the official client", () => {
    const methodsOf = (prototype: object) =>
      Object.getOwnPropertyNames(prototype).filter((name) => name !== "constructor" && name !== "getRequestConfig");
    const officialMethods = methodsOf(OfficialAuthsignal.prototype).sort();
    expect(officialMethods).toHaveLength(21);
    expect(new Set(cases.map(([, { method }]) => method))).toEqual(new Set(officialMethods));
    expect(
      methodsOf(Authsignal.prototype)
        .filter((name) => name !== "apiSecretKey")
        .sort(),
    ).toEqual(officialMethods);
  });

  it.each(cases)("%s", async (_, { method, request, answer, sent, result, addsIdempotencyKey }) => {
    server.answer(() => answer);
    await expect(compat[method]?.(request)).resolves.toStrictEqual(result);
    const ours = wire(server.requests[0] as RecordedRequest);
    expect(server.requests[0]?.headers.authorization).toBe(authorization);
    if (addsIdempotencyKey) {
      const { idempotencyKey, ...body } = ours.body as Record<string, unknown>;
      expect(idempotencyKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      ours.body = body;
    }
    expect(ours).toEqual({ query: {}, body: undefined, ...sent });

    await expect(official[method]?.(request)).resolves.toEqual(result);
    expect(server.requests).toHaveLength(2);
    expect(wire(server.requests[1] as RecordedRequest)).toEqual(ours);
  });

  it("resolves validateChallenge without the deprecated actionCode key", async () => {
    server.answer(() => ({ body: { isValid: true, action: "signIn", actionCode: "signIn" } }));
    const result = await compat.validateChallenge?.({ token: "tok" });
    expect(Object.keys(result as object).sort()).toEqual(["action", "isValid"]);
  });
});
