// Contract tests for the Sessions operations, against the Prism mock (see support.ts).
import { contractMode, mockOnly } from "@authsignal-ts/scripts/testing/contract";
import { beforeAll, describe, expect, it } from "vitest";
import {
  apiError,
  contractServer,
  succeededChallengeToken,
  surfacesDocumentedErrors,
  violationLocations,
} from "./support.ts";

const server = contractServer();
const clientId = "8f7e6d5c-4b3a-4291-8f7e-6d5c4b3a2918";
const exampleRefreshToken = "rt_5f1c9a7e3b2d4c8a9e6f0b1d2c3a4e5f";
let challengeToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3JfMTIzIn0.sig";
let accessToken = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImtleS0xIn0.eyJzdWIiOiJ1c3JfMTIzIiwiYXVkIjoiOGY3ZTZkNWMifQ.sig";
let refreshToken = exampleRefreshToken;

// The emulator checks the tokens it is given, so it gets real ones: a succeeded challenge's, and
// two sessions from it (refreshing one revokes its access token; the other is validated and revoked).
beforeAll(async () => {
  if (contractMode("server") === "mock") return;
  challengeToken = await succeededChallengeToken(challengeToken);
  ({ accessToken } = await server.createSession({ token: challengeToken, clientId }));
  ({ refreshToken } = await server.createSession({ token: challengeToken, clientId }));
});

describe("createSession", () => {
  it("exchanges a challenge token for session tokens", async () => {
    const session = await server.createSession({ token: challengeToken, clientId, action: "signIn" });
    expect(session.accessToken.split(".")).toHaveLength(3);
    // The emulator's refresh tokens are random.
    mockOnly("server", () => expect(session.refreshToken).toBe(exampleRefreshToken));
    expect(session.refreshToken).toBeTruthy();
  });

  surfacesDocumentedErrors((options) => server.createSession({ token: challengeToken, clientId }, options));

  it("is refused by the mock without a client ID", async () => {
    // Cast on purpose: clientId is required by the types too.
    const request = { token: challengeToken } as { token: string; clientId: string };
    expect(violationLocations(await apiError(server.createSession(request)))).toContain("request.body");
  });
});

describe("validateSession", () => {
  it("returns the session's user and expiry", async () => {
    const session = await server.validateSession({ accessToken, clientIds: [clientId] });
    expect(session.user.userId).toBe("usr_123");
    expect(session.user.email).toBe("jane@example.com");
    expect(Number.isInteger(session.expiresAt)).toBe(true);
    // The example's session came from a passkey; the emulator completes challenges by OTP only.
    mockOnly("server", () => expect(session.verificationMethod).toBe("PASSKEY"));
  });

  surfacesDocumentedErrors((options) => server.validateSession({ accessToken }, options));

  it("is refused by the mock when clientIds is empty", async () => {
    const error = await apiError(server.validateSession({ accessToken, clientIds: [] }));
    expect(violationLocations(error)).toContain("request.body.clientIds");
  });
});

describe("refreshSession", () => {
  it("returns new tokens", async () => {
    const session = await server.refreshSession({ refreshToken });
    expect(session.accessToken).not.toBe(accessToken);
    expect(session.refreshToken).not.toBe(refreshToken);
  });

  surfacesDocumentedErrors((options) => server.refreshSession({ refreshToken }, options));
});

describe("revokeSession", () => {
  it("resolves to undefined, as the API documents no body", async () => {
    await expect(server.revokeSession({ accessToken })).resolves.toBeUndefined();
  });

  surfacesDocumentedErrors((options) => server.revokeSession({ accessToken }, options));
});

describe("revokeUserSessions", () => {
  it("resolves to undefined, as the API documents no body", async () => {
    await expect(server.revokeUserSessions({ userId: "usr_123" })).resolves.toBeUndefined();
  });

  surfacesDocumentedErrors((options) => server.revokeUserSessions({ userId: "usr_123" }, options));

  it("is refused by the mock with an empty user ID", async () => {
    expect(violationLocations(await apiError(server.revokeUserSessions({ userId: "" })))).toContain(
      "request.body.userId",
    );
  });
});
