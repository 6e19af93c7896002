import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { origin, setup } from "../../support.ts";

async function signedIn(options: Parameters<typeof setup>[0] = {}) {
  const clients = setup({
    seed: {
      users: [
        {
          userId: "usr_s",
          email: "s@example.com",
          authenticators: [{ verificationMethod: "EMAIL_OTP", email: "s@example.com" }],
        },
      ],
      appClients: [{ clientId: "mobile", accessTokenLifetimeMinutes: 5 }],
    },
    ...options,
  });
  const tracked = await clients.server.track({ userId: "usr_s", action: "signIn" });
  const { token } = await clients.emulator.completeAction({
    userId: "usr_s",
    action: "signIn",
    idempotencyKey: tracked.idempotencyKey,
    outcome: "SUCCEEDED",
  });
  return { ...clients, token };
}

describe("sessions", () => {
  it("issues an RS256 access token that the served JWKS verifies, with sub, aud, iss and email", async () => {
    const { server, emulator, token } = await signedIn();
    const { accessToken, refreshToken } = await server.createSession({ token, clientId: "mobile" });
    expect(refreshToken).toMatch(/^[0-9a-f]{64}$/);
    expect(decodeProtectedHeader(accessToken)).toMatchObject({ alg: "RS256", kid: expect.any(String) });
    const tenantId = emulator.exportState().management.tenant.tenantId;
    const issuer = `${origin}/v1/client/public/${tenantId}`;
    const jwks = await (await emulator.fetch(`${issuer}/.well-known/jwks`)).json();
    const { payload } = await jwtVerify(accessToken, createLocalJWKSet(jwks), { issuer, audience: "mobile" });
    expect(payload).toMatchObject({ sub: "usr_s", email: "s@example.com" });
    expect(payload.exp! - payload.iat!).toBe(300);
    const discovery = await (await emulator.fetch(`${issuer}/.well-known/openid-configuration`)).json();
    expect(discovery).toMatchObject({ issuer, jwks_uri: `${issuer}/.well-known/jwks` });
  });

  it("refuses a client ID not in the list, an expired token, and every session of a revoked user", async () => {
    const { server, emulator, token } = await signedIn();
    const first = await server.createSession({ token, clientId: "mobile" });
    const second = await server.createSession({ token, clientId: "web" });
    await expect(server.validateSession({ accessToken: first.accessToken, clientIds: ["web"] })).rejects.toMatchObject({
      statusCode: 400,
    });
    await server.revokeUserSessions({ userId: "usr_s" });
    await expect(server.validateSession({ accessToken: second.accessToken })).rejects.toMatchObject({
      statusCode: 400,
    });
    const third = await server.createSession({ token, clientId: "mobile" });
    emulator.advanceClock(5 * 60_000 + 1000);
    await expect(server.validateSession({ accessToken: third.accessToken })).rejects.toMatchObject({ statusCode: 400 });
  });

  it("refuses unknown client IDs when the setting says so", async () => {
    const { server, token } = await signedIn({ settings: { acceptUnknownClientIds: false } });
    await expect(server.createSession({ token, clientId: "unlisted" })).rejects.toMatchObject({ statusCode: 400 });
    await expect(server.createSession({ token, clientId: "mobile" })).resolves.toHaveProperty("accessToken");
  });
});
