// Create, validate, refresh and revoke sessions as each official SDK sends them.
import type { operations } from "@authsignal-ts/server";
import { caseBuilder } from "../../src/case.ts";
import { dotnet, go, java, node } from "../sdks.ts";

const serverCase = caseBuilder<operations>();

const clientId = "46e10ac5-cb9c-458f-ad86-0f698f67b365";
const accessToken = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImtleS0xIn0.eyJzdWIiOiJ1c3JfMTIzIn0.sig";
const tokens = { accessToken, refreshToken: "3f72a26e6834b4da9c1e" };

export default [
  serverCase("createSession", {
    name: "Go, .NET, Java: a challenge token for an app client",
    source: { ...dotnet, path: "src/Models.cs", at: "CreateSessionRequest, CreateSessionResponse" },
    method: "POST",
    path: "/sessions",
    body: { clientId, token: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfMTIzIn0.sig" },
    response: { status: 200, body: tokens },
  }),
  serverCase("createSession", {
    name: "Node: with the action the token must belong to",
    source: { ...node, path: "src/types.ts", at: "CreateSessionRequest.action" },
    method: "POST",
    path: "/sessions",
    body: { clientId, token: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfMTIzIn0.sig", action: "signIn" },
    response: { status: 200, body: tokens, source: { ...node, path: "src/types.ts", at: "CreateSessionResponse" } },
  }),
  serverCase("validateSession", {
    name: "Node: an access token for given app clients",
    source: { ...node, path: "src/types.ts", at: "ValidateSessionRequest, ValidateSessionResponse" },
    method: "POST",
    path: "/sessions/validate",
    body: { accessToken, clientIds: [clientId] },
    response: {
      status: 200,
      body: {
        user: {
          userId: "usr_123",
          email: "jane@authsignal.com",
          emailVerified: true,
          phoneNumber: "+64270000000",
          phoneNumberVerified: false,
          username: "jane",
          displayName: "Jane Smith",
          custom: { plan: "pro" },
          locale: "en-NZ",
        },
        expiresAt: 1748899720,
        verificationMethod: "EMAIL_OTP",
      },
      source: { ...node, path: "src/types.ts", at: "ValidateSessionResponse: user is userId & UserAttributes" },
    },
  }),
  serverCase("validateSession", {
    name: "Go and Java: an access token alone",
    source: { ...go, path: "client/types.go", at: "ValidateSessionRequest: ClientIds omitempty" },
    method: "POST",
    path: "/sessions/validate",
    body: { accessToken },
    response: {
      status: 200,
      body: { user: { userId: "usr_123", email: "jane@authsignal.com" }, expiresAt: 1748899720 },
      source: {
        ...java,
        path: "src/main/java/com/authsignal/model/ValidateSessionResponse.java",
        at: "user, expiresAt",
      },
    },
  }),
  serverCase("refreshSession", {
    name: "Every SDK: a refresh token",
    source: { ...node, path: "src/types.ts", at: "RefreshSessionRequest, RefreshSessionResponse" },
    method: "POST",
    path: "/sessions/refresh",
    body: { refreshToken: "3f72a26e6834b4da9c1e" },
    response: { status: 200, body: { accessToken, refreshToken: "9a8b7c6d5e4f3a2b1c0d" } },
  }),
  serverCase("revokeSession", {
    name: "Every SDK: an access token",
    source: { ...node, path: "src/authsignal.ts", at: "revokeSession" },
    method: "POST",
    path: "/sessions/revoke",
    body: { accessToken },
    response: { status: 200 },
  }),
  serverCase("revokeUserSessions", {
    name: "Every SDK: a user's ID",
    source: { ...node, path: "src/authsignal.ts", at: "revokeUserSessions" },
    method: "POST",
    path: "/sessions/user/revoke",
    body: { userId: "dc58c6dc-a1fd-4a4f-8e2f-846636dd4833" },
    response: { status: 200 },
  }),
];
