// The Auth0 Actions helpers, run beside the official ones on the same Auth0 event and the same
// answers from a loopback server: each must send the same requests and call the same Auth0 api.
import {
  handleAuth0ContinuePostLogin as officialContinue,
  handleAuth0ExecutePostLogin as officialExecute,
} from "@authsignal/node";
import { describe, expect, it } from "vitest";
import { handleAuth0ContinuePostLogin, handleAuth0ExecutePostLogin } from "../../src/compat/index.ts";
import { type Answer, type RecordedRequest, useLoopbackServer } from "./support.ts";

const apiSecretKey = "sk_test_auth0_77c2";
const server = useLoopbackServer();

function auth0Event(overrides: Record<string, unknown> = {}) {
  return {
    secrets: { AUTHSIGNAL_SECRET: apiSecretKey },
    user: { user_id: "auth0|123", email: "jane@example.com" },
    request: {
      hostname: "tenant.example.com",
      ip: "203.0.113.7",
      user_agent: "Mozilla/5.0",
      query: { device_id: "dev_1", token: "tok_1" },
    },
    transaction: { protocol: "oidc-basic-profile" },
    authentication: { methods: [{ name: "pwd" }] },
    ...overrides,
  };
}

/** Auth0's `api` object, recording each call the helper makes on it. */
function recordingApi() {
  const calls: [string, unknown][] = [];
  const record = (name: string) => (value: unknown) => calls.push([name, value]);
  return {
    calls,
    api: {
      redirect: { sendUserTo: record("sendUserTo") },
      access: { deny: record("deny") },
      authentication: { recordMethod: record("recordMethod") },
    },
  };
}

type Helper = (event: unknown, api: unknown, options: Record<string, unknown>) => Promise<void>;
const helpers: Record<string, [ours: Helper, theirs: Helper]> = {
  handleAuth0ExecutePostLogin: [handleAuth0ExecutePostLogin, officialExecute],
  handleAuth0ContinuePostLogin: [handleAuth0ContinuePostLogin, officialContinue],
};

/**
 * Runs a helper and returns the Auth0 calls it made and the requests it sent: paths decoded (the
 * official client sends `auth0|123` raw, ours percent-encodes it), track's generated
 * idempotency key aside.
 */
async function run(helper: Helper, event: unknown, options: Record<string, unknown>) {
  const { api, calls } = recordingApi();
  const before = server.requests.length;
  await helper(event, api, options);
  const requests = server.requests.slice(before).map(({ method, path, body }: RecordedRequest) => {
    const { idempotencyKey: _generated, ...rest } = (body ?? {}) as Record<string, unknown>;
    return { method, path: decodeURIComponent(path), body: rest };
  });
  return { calls, requests };
}

async function both(
  name: "handleAuth0ExecutePostLogin" | "handleAuth0ContinuePostLogin",
  answer: Answer,
  event: unknown,
  options: Record<string, unknown> = {},
) {
  server.answer(() => answer);
  const withApiUrl = { apiUrl: `${server.url}/v1`, ...options };
  const [compatHelper, officialHelper] = helpers[name] as [Helper, Helper];
  const ours = await run(compatHelper, event, withApiUrl);
  const theirs = await run(officialHelper, event, withApiUrl);
  expect(ours).toEqual(theirs);
  return ours;
}

const trackAnswer = (state: string, isEnrolled = true): Answer => ({
  body: { state, isEnrolled, url: "https://challenge.example.com/?token=t", token: "t", idempotencyKey: "i" },
});

describe("handleAuth0ExecutePostLogin", () => {
  it("tracks the login with the event's details and sends the user to a required challenge", async () => {
    const { calls, requests } = await both(
      "handleAuth0ExecutePostLogin",
      trackAnswer("CHALLENGE_REQUIRED"),
      auth0Event(),
    );
    expect(calls).toEqual([["sendUserTo", "https://challenge.example.com/?token=t"]]);
    expect(server.requests[0]?.path).toBe("/v1/users/auth0%7C123/actions/auth0-login");
    expect(requests).toEqual([
      {
        method: "POST",
        path: "/v1/users/auth0|123/actions/auth0-login",
        body: {
          redirectUrl: "https://tenant.example.com/continue",
          custom: {},
          email: "jane@example.com",
          ipAddress: "203.0.113.7",
          userAgent: "Mozilla/5.0",
          deviceId: "dev_1",
        },
      },
    ]);
  });

  it.each([
    [
      "a user with no authenticator yet is sent to enrol",
      trackAnswer("ALLOW", false),
      {},
      [["sendUserTo", "https://challenge.example.com/?token=t"]],
    ],
    [
      "forceEnrollment adds force_enrollment=true",
      trackAnswer("CHALLENGE_REQUIRED"),
      { forceEnrollment: true },
      [["sendUserTo", "https://challenge.example.com/?token=t&force_enrollment=true"]],
    ],
    ["a blocked login is denied", trackAnswer("BLOCK"), {}, [["deny", "Action blocked"]]],
    ["an allowed login goes on", trackAnswer("ALLOW"), {}, []],
    [
      "the options replace the defaults",
      trackAnswer("CHALLENGE_REQUIRED"),
      { userId: "usr_9", action: "signIn", redirectUrl: "https://app.example.com/back", custom: { plan: "pro" } },
      [["sendUserTo", "https://challenge.example.com/?token=t"]],
    ],
  ])("%s", async (_, answer, options, expected) => {
    const { calls } = await both("handleAuth0ExecutePostLogin", answer, auth0Event(), options);
    expect(calls).toEqual(expected);
  });

  it("does nothing for a refresh-token exchange, or a session that already passed the challenge", async () => {
    const refresh = auth0Event({ transaction: { protocol: "oauth2-refresh-token" } });
    const challenged = auth0Event({ authentication: { methods: [{ name: `${server.url}/v1` }] } });
    for (const event of [refresh, challenged]) {
      expect(await both("handleAuth0ExecutePostLogin", trackAnswer("CHALLENGE_REQUIRED"), event)).toEqual({
        calls: [],
        requests: [],
      });
    }
  });
});

describe("handleAuth0ContinuePostLogin", () => {
  const validated = (state: string, action = "auth0-login"): Answer => ({
    body: { isValid: true, state, actionCode: action, userId: "auth0|123" },
  });

  it("validates the token from the query and records the method when the challenge succeeded", async () => {
    const { calls, requests } = await both(
      "handleAuth0ContinuePostLogin",
      validated("CHALLENGE_SUCCEEDED"),
      auth0Event(),
    );
    expect(calls).toEqual([["recordMethod", `${server.url}/v1`]]);
    expect(requests).toEqual([
      { method: "POST", path: "/v1/validate", body: { token: "tok_1", action: "auth0-login", userId: "auth0|123" } },
    ]);
  });

  it.each([
    ["a failed challenge is denied", validated("CHALLENGE_FAILED"), {}, [["deny", "MFA challenge failed"]]],
    [
      "a challenge for another action is denied",
      validated("CHALLENGE_SUCCEEDED", "withdraw"),
      {},
      [["deny", "MFA challenge failed"]],
    ],
    [
      "failureMessage replaces the default",
      validated("CHALLENGE_FAILED"),
      { failureMessage: "Try again" },
      [["deny", "Try again"]],
    ],
  ])("%s", async (_, answer, options, expected) => {
    const { calls } = await both("handleAuth0ContinuePostLogin", answer, auth0Event(), options);
    expect(calls).toEqual(expected);
  });
});
