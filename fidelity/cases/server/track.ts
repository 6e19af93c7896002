// Track Action (POST /users/{userId}/actions/{action}) as each official SDK sends it.
import type { operations, TrackResponse } from "@authsignal-ts/server";
import { caseBuilder } from "../../src/case.ts";
import { dotnet, go, java, node, php, ruby } from "../sdks.ts";

const serverCase = caseBuilder<operations>();

/** What the live tests read back from a track: a challenge for an enrolled user. */
const challengeRequired: TrackResponse = {
  state: "CHALLENGE_REQUIRED",
  idempotencyKey: "5f3e5c1e-3c2a-4a8e-9d1b-6b2f1c0a9e7d",
  url: "https://mfa.authsignal.com/challenge?token=eyJhbGciOiJIUzI1NiJ9",
  token: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyMTIzIn0.sig",
  isEnrolled: true,
  allowedVerificationMethods: ["SMS", "EMAIL_OTP"],
  enrolledVerificationMethods: ["SMS"],
  defaultVerificationMethod: "SMS",
  ruleIds: [],
};

export default [
  serverCase("track", {
    name: "track with no attributes sends an empty object",
    source: { ...go, path: "client/actions.go", at: "Track, when Attributes is nil" },
    method: "POST",
    path: "/users/user123/actions/go-sdk-test",
    body: {},
  }),
  serverCase("track", {
    name: "Go: track with every attribute its live test sets, including a local phone number",
    source: { ...go, path: "client/actions_test.go", at: "TestActions, trackInput" },
    method: "POST",
    path: "/users/user123/actions/go-sdk-test",
    body: {
      redirectUrl: "http://localhost:3000",
      redirectToSettings: true,
      email: "not-a-real-email@authsignal.com",
      phoneNumber: "1234567890",
      ipAddress: "127.0.0.1",
      userAgent: "Authsignal-Go-SDK-Tests/1.0",
      deviceId: "device123",
      custom: { hello: "world" },
    },
    response: {
      status: 200,
      body: challengeRequired,
      source: {
        ...go,
        path: "client/actions_test.go",
        at: "TestActions: state, idempotencyKey, isEnrolled, url, token",
      },
    },
  }),
  serverCase("track", {
    name: "Go: attributes without redirectToSettings or crypto amounts send them as null",
    source: {
      ...go,
      path: "client/types.go",
      at: "TrackAttributes.RedirectToSettings and Crypto amounts have no omitempty",
    },
    method: "POST",
    path: "/users/user123/actions/withdraw",
    body: {
      redirectToSettings: null,
      email: "jane@example.com",
      crypto: {
        asset: "BTC",
        address: "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
        assetAmount: null,
        assetAmountUsd: null,
      },
    },
  }),
  serverCase("track", {
    name: "Node: the Auth0 post-login helper's attributes",
    source: { ...node, path: "src/integrations/auth0.ts", at: "handleAuth0ExecutePostLogin" },
    method: "POST",
    path: "/users/auth0%7C64f1c2/actions/auth0-login",
    body: {
      redirectUrl: "https://tenant.eu.auth0.com/continue",
      custom: {},
      email: "jane@example.com",
      ipAddress: "203.0.113.7",
      userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/605.1.15",
      deviceId: "5c8e1f5a-2a0b-4b7e-9a51-8d3c4f1f7e21",
    },
    response: {
      status: 200,
      body: { ...challengeRequired, isEnrolled: false, state: "ALLOW" },
      source: { ...node, path: "src/integrations/auth0.ts", at: "reads isEnrolled, state and url" },
    },
  }),
  serverCase("track", {
    name: "Ruby: an idempotency key of the caller's own",
    source: { ...ruby, path: "spec/authsignal/authsignal_spec.rb", at: "action tests, track" },
    method: "POST",
    path: "/users/0b8f8a3c-8f0e-4c1b-9a4e-2d6c7b5a1e3f/actions/Login",
    body: { idempotencyKey: "9a1d3c5e-7f2b-4d6a-8c0e-1b3d5f7a9c2e" },
    response: {
      status: 200,
      body: { ...challengeRequired, idempotencyKey: "9a1d3c5e-7f2b-4d6a-8c0e-1b3d5f7a9c2e" },
      source: {
        ...ruby,
        path: "spec/authsignal/authsignal_spec.rb",
        at: "action tests: state, token, idempotency_key",
      },
    },
  }),
  serverCase("track", {
    name: ".NET: a track with no attributes still sends redirectToSettings false",
    source: {
      ...dotnet,
      path: "src/Models.cs",
      at: "TrackAttributes: RedirectToSettings = false; Track uses new TrackAttributes()",
    },
    method: "POST",
    path: "/users/0b8f8a3c-8f0e-4c1b-9a4e-2d6c7b5a1e3f/actions/Login",
    body: { redirectToSettings: false },
    response: {
      status: 200,
      body: challengeRequired,
      source: { ...dotnet, path: "tests/ClientTests.cs", at: "TestAction: IdempotencyKey, State, Token" },
    },
  }),
  serverCase("track", {
    name: "Java: custom data with a string and a number",
    source: {
      ...java,
      path: "src/test/java/com/authsignal/AuthsignalClientTests.java",
      at: "testAction, trackRequest",
    },
    method: "POST",
    path: "/users/0b8f8a3c-8f0e-4c1b-9a4e-2d6c7b5a1e3f/actions/signIn",
    body: { custom: { foo: "bar", baz: 1 } },
  }),
  serverCase("track", {
    name: "PHP: a track with no attributes sends no body at all",
    source: {
      ...php,
      path: "lib/Authsignal/AuthsignalRequestTransport.php",
      at: "send: an empty payload is not encoded",
    },
    method: "POST",
    path: "/users/123%3Atest/actions/signIn",
  }),
  serverCase("track", {
    name: "PHP: the attributes its test tracks, with custom data of three types",
    // The test's placeholder email "test@email" is replaced by an address: it only reaches a
    // mock server, so it says nothing about what the API accepts.
    source: { ...php, path: "test/AuthsignalTest.php", at: "testTrackAction" },
    method: "POST",
    path: "/users/123%3Atest/actions/signIn",
    body: {
      redirectUrl: "https://www.yourapp.com/back_to_your_app",
      email: "test@example.com",
      deviceId: "123",
      userAgent: "Mozilla/5.0 (platform; rv:geckoversion) Gecko/geckotrail Firefox/firefoxversion",
      ipAddress: "1.1.1.1",
      custom: { yourCustomBoolean: true, yourCustomString: true, yourCustomNumber: 1.12 },
    },
  }),
];
