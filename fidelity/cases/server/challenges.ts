// Initiate, verify, claim, validate and look up challenges as each official SDK sends them.
import type { operations } from "@authsignal-ts/server";
import { caseBuilder } from "../../src/case.ts";
import { dotnet, go, java, node, php, python, ruby } from "../sdks.ts";

const serverCase = caseBuilder<operations>();

const challengeId = "3a991a14-690c-492b-a5e5-02b9056a4b7d";
const token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyMTIzIn0.sig";
const started = {
  challengeId,
  idempotencyKey: "5f3e5c1e-3c2a-4a8e-9d1b-6b2f1c0a9e7d",
  expiresAt: 1748898820,
};

export default [
  serverCase("challenge", {
    name: "Node: an SMS code, as the server SDK docs call it",
    source: { ...node, path: "src/types.ts", at: "ChallengeRequest (docs sdks/server/challenges example)" },
    method: "POST",
    path: "/challenge",
    body: { verificationMethod: "SMS", action: "signInWithSms", phoneNumber: "+64270000000" },
    response: { status: 200, body: started, source: { ...node, path: "src/types.ts", at: "ChallengeResponse" } },
  }),
  serverCase("challenge", {
    name: "Node: another code for an earlier challenge, by its ID alone",
    source: { ...node, path: "src/types.ts", at: "ChallengeRequest: every field optional, challengeId among them" },
    method: "POST",
    path: "/challenge",
    body: { challengeId },
    response: { status: 200, body: started },
  }),
  serverCase("challenge", {
    name: "Node: an email code that lets the token read the user's authenticators",
    source: { ...node, path: "src/types.ts", at: "ChallengeRequest.scope: AuthScope" },
    method: "POST",
    path: "/challenge",
    body: {
      verificationMethod: "EMAIL_OTP",
      action: "manageAuthenticators",
      email: "jane@example.com",
      userId: "usr_123",
      scope: "read:authenticators",
      locale: "en-NZ",
      ipAddress: "203.0.113.7",
      userAgent: "Mozilla/5.0",
      deviceId: "5c8e1f5a-2a0b-4b7e-9a51-8d3c4f1f7e21",
      custom: { plan: "pro" },
    },
  }),
  serverCase("challenge", {
    name: "Go: the method and action always, with an SMS channel",
    source: { ...go, path: "client/types.go", at: "ChallengeRequest: VerificationMethod and Action have no omitempty" },
    method: "POST",
    path: "/challenge",
    body: { verificationMethod: "SMS", action: "signIn", phoneNumber: "+64270000000", smsChannel: "WHATSAPP" },
    response: { status: 200, body: { challengeId, expiresAt: 1748898820, idempotencyKey: started.idempotencyKey } },
  }),
  serverCase("challenge", {
    name: "Go and Java: an email code",
    source: { ...java, path: "src/main/java/com/authsignal/model/ChallengeRequest.java", at: "fields" },
    method: "POST",
    path: "/challenge",
    body: { verificationMethod: "EMAIL_OTP", action: "signIn", email: "jane@example.com" },
  }),
  serverCase("challenge", {
    name: ".NET: a locale and the idempotency key of an earlier challenge",
    source: { ...dotnet, path: "src/Models.cs", at: "ChallengeRequest" },
    method: "POST",
    path: "/challenge",
    body: {
      verificationMethod: "WHATSAPP",
      action: "signIn",
      phoneNumber: "+64270000000",
      locale: "en-NZ",
      idempotencyKey: started.idempotencyKey,
    },
    response: { status: 200, body: started, source: { ...dotnet, path: "src/Models.cs", at: "ChallengeResponse" } },
  }),
  serverCase("verify", {
    name: "Every SDK: the code the user entered",
    source: { ...node, path: "src/types.ts", at: "VerifyRequest, VerifyResponse" },
    method: "POST",
    path: "/verify",
    body: { challengeId, verificationCode: "123456" },
    response: {
      status: 200,
      body: { isVerified: true, phoneNumber: "+64270000000", verificationMethod: "SMS" },
    },
  }),
  serverCase("verify", {
    name: "Node: a wrong code, with the failure reason",
    source: { ...node, path: "src/types.ts", at: "VerifyResponse.failureReason" },
    method: "POST",
    path: "/verify",
    body: { challengeId, verificationCode: "000000" },
    response: { status: 200, body: { isVerified: false, failureReason: "CODE_INVALID_OR_EXPIRED" } },
  }),
  serverCase("claimChallenge", {
    name: "Node: claim without a verification check",
    source: { ...node, path: "src/types.ts", at: "ClaimChallengeRequest" },
    method: "POST",
    path: "/claim",
    body: { challengeId, userId: "usr_123", skipVerificationCheck: true },
    response: {
      status: 200,
      body: { token, verificationMethod: "SMS" },
      source: { ...node, path: "src/types.ts", at: "ClaimChallengeResponse" },
    },
  }),
  serverCase("claimChallenge", {
    name: ".NET: skipVerificationCheck is always sent, false by default",
    source: { ...dotnet, path: "src/Models.cs", at: "ClaimChallengeRequest: SkipVerificationCheck = false" },
    method: "POST",
    path: "/claim",
    body: { challengeId, userId: "usr_123", skipVerificationCheck: false },
  }),
  serverCase("claimChallenge", {
    name: "Go and Java: the challenge and the user only",
    source: { ...go, path: "client/types.go", at: "ClaimChallengeRequest" },
    method: "POST",
    path: "/claim",
    body: { challengeId, userId: "usr_123" },
  }),
  serverCase("validateChallenge", {
    name: "Node, Python, Ruby, .NET, Java, PHP: a token alone; the answer carries action and actionCode",
    source: { ...node, path: "test/client.test.ts", at: "action tests, validateChallenge" },
    method: "POST",
    path: "/validate",
    body: { token },
    response: {
      status: 200,
      body: {
        isValid: false,
        state: "CHALLENGE_REQUIRED",
        stateUpdatedAt: "2025-06-02T21:03:40.512Z",
        userId: "0b8f8a3c-8f0e-4c1b-9a4e-2d6c7b5a1e3f",
        action: "Login",
        actionCode: "Login",
        idempotencyKey: "5f3e5c1e-3c2a-4a8e-9d1b-6b2f1c0a9e7d",
      },
      source: {
        ...ruby,
        path: "lib/authsignal/middleware/json_response.rb",
        at: "deletes the deprecated actionCode; the spec then reads action",
      },
    },
  }),
  serverCase("validateChallenge", {
    name: "Go: the token checked against its user and action",
    source: { ...go, path: "client/actions_test.go", at: "TestValidateChallenge" },
    method: "POST",
    path: "/validate",
    body: { token, userId: "user123", action: "go-sdk-test" },
    response: {
      status: 200,
      body: {
        isValid: false,
        state: "CHALLENGE_REQUIRED",
        userId: "user123",
        action: "go-sdk-test",
        actionCode: "go-sdk-test",
        idempotencyKey: "5f3e5c1e-3c2a-4a8e-9d1b-6b2f1c0a9e7d",
      },
      source: { ...python, path: "authsignal/client_tests.py", at: "test_validate_challenge reads action" },
    },
  }),
  serverCase("validateChallenge", {
    name: "Node: the Auth0 continue helper, and a completed Veriff challenge",
    source: { ...node, path: "src/integrations/auth0.ts", at: "handleAuth0ContinuePostLogin" },
    method: "POST",
    path: "/validate",
    body: { token, action: "auth0-login", userId: "auth0|64f1c2" },
    response: {
      status: 200,
      body: {
        isValid: true,
        state: "CHALLENGE_SUCCEEDED",
        userId: "auth0|64f1c2",
        action: "auth0-login",
        actionCode: "auth0-login",
        verificationMethod: "VERIFF",
        veriffSessionId: "2b9f6c1e-8a4d-4f3b-9e7c-1d5a3b7f9c2e",
      },
      source: { ...php, path: "lib/Authsignal/Authsignal.php", at: "validateChallenge unsets actionCode" },
    },
  }),
  serverCase("getChallenge", {
    name: "Node: a challenge by its ID, as the server SDK docs look it up",
    source: { ...node, path: "src/authsignal.ts", at: "getChallenge" },
    method: "GET",
    path: "/challenges",
    query: { challengeId },
    response: {
      status: 200,
      body: {
        challengeId,
        expiresAt: 1748898820,
        verificationMethod: "SMS",
        smsChannel: "DEFAULT",
        phoneNumber: "+64270000000",
        action: "signInWithSms",
      },
      source: { ...node, path: "src/types.ts", at: "GetChallengeResponse" },
    },
  }),
  serverCase("getChallenge", {
    name: "Node and Go: a challenge by its user, action and method",
    source: { ...go, path: "client/challenges.go", at: "GetChallenge query" },
    method: "GET",
    path: "/challenges",
    query: { userId: "usr_123", action: "signIn", verificationMethod: "EMAIL_OTP" },
    response: {
      status: 200,
      body: { challengeId, expiresAt: 1748898820, verificationMethod: "EMAIL_OTP", email: "jane@example.com" },
    },
  }),
];
