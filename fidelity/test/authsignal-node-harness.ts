// Shared by the two files that drive the official @authsignal/node client through Prism proxies
// of our specs: the proxies and clients, the record of which official methods ran, and the
// fixtures both files answer with. Each file checks that its share of the methods ran, and
// together the two shares must cover every method the official classes have.
import { Authsignal, CallConnect, UserActionState, VerificationMethod } from "@authsignal/node";
import { afterAll, beforeAll, expect } from "vitest";
import { startProxies, type ValidatingProxy } from "../src/proxies.ts";
import type { ReceivedRequest } from "../src/upstream.ts";

export const apiSecretKey = "sk_test_fidelity";

/** The methods authsignal-node.test.ts calls. */
export const usersActionsAndSessions = [
  "Authsignal.getUser",
  "Authsignal.queryUsers",
  "Authsignal.updateUser",
  "Authsignal.deleteUser",
  "Authsignal.getAuthenticators",
  "Authsignal.enrollVerifiedAuthenticator",
  "Authsignal.deleteAuthenticator",
  "Authsignal.track",
  "Authsignal.getAction",
  "Authsignal.updateAction",
  "Authsignal.queryUserActions",
  "Authsignal.createSession",
  "Authsignal.validateSession",
  "Authsignal.refreshSession",
  "Authsignal.revokeSession",
  "Authsignal.revokeUserSessions",
  "Authsignal.getRequestConfig",
];
/** The methods authsignal-node-challenges.test.ts calls. */
export const challengesCallsAndAuth0 = [
  "Authsignal.challenge",
  "Authsignal.verify",
  "Authsignal.claimChallenge",
  "Authsignal.validateChallenge",
  "Authsignal.getChallenge",
  "Authsignal.track",
  "Authsignal.getRequestConfig",
  "CallConnect.startCall",
  "CallConnect.finishCall",
  "CallConnect.getRequestConfig",
];

/** Every own method of the official classes, as `Class.method`. */
export function officialMethods(): string[] {
  const methods = (owner: string, prototype: object) =>
    Object.getOwnPropertyNames(prototype)
      .filter((name) => name !== "constructor")
      .map((name) => `${owner}.${name}`);
  return [...methods("Authsignal", Authsignal.prototype), ...methods("CallConnect", CallConnect.prototype)];
}

/** The official methods that ran in this file, recorded on the classes' prototypes. */
export const called = new Set<string>();
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

export let server: ValidatingProxy;
export let callConnectProxy: ValidatingProxy;
export let client: Authsignal;
export let callConnect: CallConnect;

/** Starts the proxies and the official clients before the file's tests, and stops them after. */
export function useOfficialClients() {
  let stop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    recordCalls("Authsignal", Authsignal.prototype as unknown as Record<string, unknown>);
    recordCalls("CallConnect", CallConnect.prototype as unknown as Record<string, unknown>);
    const started = await startProxies(["server", "call-connect"] as const);
    ({ stop } = started);
    server = started.proxies.server;
    callConnectProxy = started.proxies["call-connect"];
    client = new Authsignal({ apiSecretKey, apiUrl: server.url, retries: 0 });
    callConnect = new CallConnect({ apiSecretKey, apiUrl: callConnectProxy.url, retries: 0 });
  });
  afterAll(async () => {
    for (const restore of restorers.splice(0)) restore();
    await stop?.();
  });
}

/** Queues `body` as the upstream's answer, makes the call, and returns what reached the upstream. */
export async function exchange<T>(proxy: ValidatingProxy, body: unknown, call: () => Promise<T>) {
  proxy.upstream.answer({ status: 200, body });
  const result = await call();
  const [request, ...more] = proxy.upstream.received();
  expect(more, "one request reached the upstream").toEqual([]);
  return { result, request: request as ReceivedRequest };
}

export const userId = "0b8f8a3c-8f0e-4c1b-9a4e-2d6c7b5a1e3f";
export const idempotencyKey = "5f3e5c1e-3c2a-4a8e-9d1b-6b2f1c0a9e7d";
export const challengeId = "3a991a14-690c-492b-a5e5-02b9056a4b7d";
export const token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyMTIzIn0.sig";
export const accessToken = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImtleS0xIn0.eyJzdWIiOiJ1c3JfMTIzIn0.sig";
export const clientId = "46e10ac5-cb9c-458f-ad86-0f698f67b365";
export const tracked = {
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
export const smsAuthenticator = {
  userId,
  userAuthenticatorId: "9d1c2b3a-4e5f-4a6b-8c7d-0e1f2a3b4c5d",
  verificationMethod: VerificationMethod.SMS,
  createdAt: "2025-02-01T18:00:00.000Z",
  phoneNumber: "+64270000000",
};
export const userAttributes = {
  email: "test@example.com",
  emailVerified: true,
  phoneNumber: "+6427123456",
  phoneNumberVerified: false,
  username: "test@example.com",
  displayName: "Test User",
  custom: { foo: "bar" },
};
export const sessionTokens = { accessToken, refreshToken: "3f72a26e6834b4da9c1e" };
