// Tokens, adversarially: track tokens (HS256) and session access tokens (RS256) that are forged
// (a wrong signature, `alg: none`, another emulator's key, an HMAC over the public key), tampered,
// expired or revoked are refused wherever a token is read, and nothing is done for them.
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { createEmulator } from "../../src/index.ts";
import { type CliEmulator, expectNormalTrack, healthSeed, useEmulatorCli } from "./support.ts";

const cli = useEmulatorCli();

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const decode = (token: string, index: 0 | 1) =>
  JSON.parse(Buffer.from(token.split(".")[index] as string, "base64url").toString());

/** The same claims under another header, with no signature. */
const unsigned = (token: string) => `${part({ alg: "none", typ: "JWT" })}.${token.split(".")[1]}.`;
/** The token with its signature's last character changed. */
const resigned = (token: string) => `${token.slice(0, -2)}${token.at(-2) === "A" ? "B" : "A"}${token.at(-1)}`;
/** The token's claims changed, its signature kept. */
const tampered = (token: string, claims: Record<string, unknown>) => {
  const [header, payload, signature] = token.split(".") as [string, string, string];
  const changed = { ...decode(`${header}.${payload}`, 1), ...claims };
  return `${header}.${part(changed)}.${signature}`;
};

/** A tracked action of the health seed, completed as the pre-built UI would: its token can make a session. */
async function succeededToken(emulator: CliEmulator, userId = "usr_token"): Promise<string> {
  const idempotencyKey = randomUUID();
  const tracked = await emulator.server("POST", `/users/${userId}/actions/healthCheck`, { idempotencyKey });
  expect(tracked.status).toBe(200);
  const completed = await emulator.testApi("POST", `/actions/${userId}/healthCheck/${idempotencyKey}/complete`, {
    outcome: "SUCCEEDED",
  });
  expect(completed.status).toBe(200);
  return completed.json.token;
}

async function session(emulator: CliEmulator) {
  const created = await emulator.server("POST", "/sessions", {
    token: await succeededToken(emulator),
    clientId: "web",
  });
  expect(created.status).toBe(200);
  return created.json as { accessToken: string; refreshToken: string };
}

/** What another emulator, with keys of its own, signs. */
async function anotherEmulatorsTokens() {
  const other = createEmulator({ seed: healthSeed });
  const auth = { authorization: `Basic ${btoa(`${other.serverSecret}:`)}`, "content-type": "application/json" };
  const call = async (path: string, body: unknown) =>
    (
      await other.fetch(`http://other.test/v1${path}`, { method: "POST", headers: auth, body: JSON.stringify(body) })
    ).json();
  const idempotencyKey = randomUUID();
  await call("/users/usr_token/actions/healthCheck", { idempotencyKey });
  const { token } = await other.completeAction({
    userId: "usr_token",
    action: "healthCheck",
    idempotencyKey,
    outcome: "SUCCEEDED",
  });
  const { accessToken } = await call("/sessions", { token, clientId: "web" });
  return { trackToken: token, accessToken: accessToken as string };
}

async function expectTrackTokenRefused(emulator: CliEmulator, token: string, error = "invalid_token") {
  expect((await emulator.server("POST", "/validate", { token })).json).toEqual({ isValid: false, error });
  const created = await emulator.server("POST", "/sessions", { token, clientId: "web" });
  expect(created).toMatchObject({ status: 400, json: { errorCode: "invalid_request" } });
  const ui = await emulator.testApi("GET", `/ui?token=${encodeURIComponent(token)}`);
  expect(ui).toMatchObject({ status: 400, json: { errorCode: error } });
  const query = await emulator.server("GET", `/users?token=${encodeURIComponent(token)}`);
  expect(query).toMatchObject({ status: 400, json: { errorDescription: "query.token is not a valid token." } });
  const { json } = await emulator.testApi("GET", "/state");
  expect(Object.keys(json.server.sessions)).toEqual([]);
}

async function expectAccessTokenRefused(emulator: CliEmulator, accessToken: string) {
  const refused = { status: 400, json: { errorDescription: "The access token is invalid, expired or revoked." } };
  expect(await emulator.server("POST", "/sessions/validate", { accessToken })).toMatchObject(refused);
  expect(await emulator.server("POST", "/sessions/revoke", { accessToken })).toMatchObject(refused);
}

describe("a forged track token", () => {
  it("with a wrong signature, alg none, changed claims or another emulator's key is invalid everywhere", async () => {
    const token = await succeededToken(cli());
    const { trackToken } = await anotherEmulatorsTokens();
    for (const forged of [
      resigned(token),
      unsigned(token),
      tampered(token, { sub: "usr_other" }),
      trackToken,
      "not.a.token",
    ]) {
      await expectTrackTokenRefused(cli(), forged);
    }
    expect((await cli().server("POST", "/validate", { token })).json).toMatchObject({ isValid: true });
    await expectNormalTrack(cli());
  });

  it("signed with HS256 over the Server API key, a guess an attacker would try, is invalid", async () => {
    const token = await succeededToken(cli());
    const claims = decode(token, 1);
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .sign(new TextEncoder().encode("sk_emulator_server"));
    await expectTrackTokenRefused(cli(), forged);
    await expectNormalTrack(cli());
  });
});

describe("an expired or outlived track token", () => {
  it("is expired_token once the clock passes its lifetime", async () => {
    const token = await succeededToken(cli());
    expect((await cli().testApi("POST", "/clock/advance", { minutes: 11 })).status).toBe(200);
    await expectTrackTokenRefused(cli(), token, "expired_token");
    await expectNormalTrack(cli());
  });

  it("is invalid after a reset, which makes new keys", async () => {
    const token = await succeededToken(cli());
    expect((await cli().testApi("POST", "/reset")).status).toBe(200);
    await expectTrackTokenRefused(cli(), token);
    await expectNormalTrack(cli());
  });
});

describe("a forged access token", () => {
  it("with a wrong signature, alg none, changed claims, HS256 over the public key or another emulator's key is refused", async () => {
    const { accessToken } = await session(cli());
    const other = await anotherEmulatorsTokens();
    const { keys } = (
      await cli().raw({ path: "/v1/client/public/00000000-0000-4000-8000-000000000001/.well-known/jwks" })
    ).json as { keys: object[] };
    const confused = await new SignJWT(decode(accessToken, 1))
      .setProtectedHeader({ alg: "HS256", typ: "JWT", kid: decode(accessToken, 0).kid })
      .sign(new TextEncoder().encode(JSON.stringify(keys[0])));
    for (const forged of [
      resigned(accessToken),
      unsigned(accessToken),
      tampered(accessToken, { sub: "usr_other" }),
      tampered(accessToken, { exp: 4102444800 }),
      confused,
      other.accessToken,
    ]) {
      await expectAccessTokenRefused(cli(), forged);
    }
    expect((await cli().server("POST", "/sessions/validate", { accessToken })).status).toBe(200);
    await expectNormalTrack(cli());
  });
});

describe("an expired or revoked session", () => {
  it("is refused once the access token's lifetime has passed", async () => {
    const { accessToken } = await session(cli());
    await cli().testApi("POST", "/clock/advance", { minutes: 61 });
    await expectAccessTokenRefused(cli(), accessToken);
    await expectNormalTrack(cli());
  });

  it("is refused once revoked, alone or with all of the user's, and its refresh token with it", async () => {
    const first = await session(cli());
    expect((await cli().server("POST", "/sessions/revoke", { accessToken: first.accessToken })).status).toBe(200);
    await expectAccessTokenRefused(cli(), first.accessToken);
    const refreshed = await cli().server("POST", "/sessions/refresh", { refreshToken: first.refreshToken });
    expect(refreshed).toMatchObject({ status: 400 });

    const second = await session(cli());
    await cli().server("POST", "/sessions/user/revoke", { userId: "usr_token" });
    await expectAccessTokenRefused(cli(), second.accessToken);
    await expectNormalTrack(cli());
  });

  it("is refused once refreshed: the old access and refresh tokens are spent", async () => {
    const first = await session(cli());
    const refreshed = await cli().server("POST", "/sessions/refresh", { refreshToken: first.refreshToken });
    expect(refreshed.status).toBe(200);
    await expectAccessTokenRefused(cli(), first.accessToken);
    expect((await cli().server("POST", "/sessions/refresh", { refreshToken: first.refreshToken })).status).toBe(400);
    expect((await cli().server("POST", "/sessions/validate", { accessToken: refreshed.json.accessToken })).status).toBe(
      200,
    );
    await expectNormalTrack(cli());
  });
});
