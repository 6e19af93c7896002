import { AuthsignalAuthenticationError, AuthsignalValidationError } from "@authsignal-ts/server";
import { describe, expect, it } from "vitest";
import { createChangeFeed } from "../../src/api/console/changes.ts";
import { EmulatorApiError } from "../../src/domain/errors.ts";
import { callOfRequest } from "../../src/http/exchange.ts";
import { route } from "../../src/http/router.ts";
import { emulatorVersion } from "../../src/index.ts";
import { createStore } from "../../src/state/store.ts";
import { basic, origin, raw, setup } from "../support.ts";

const officialUnauthorized = {
  error: "unauthorized",
  errorCode: "unauthorized",
  errorDescription:
    "The request is unauthorized. Check that your API key and region base URL are correctly configured.",
};

describe("auth", () => {
  it("answers a wrong key with the exact official 401 body", async () => {
    const { emulator } = setup();
    const result = await raw(emulator, "GET", "/v1/users/usr_1", { secret: "sk_wrong" });
    expect(result.status).toBe(401);
    expect(result.json).toEqual(officialUnauthorized);
  });

  it("checks the key before the path, as the live API does", async () => {
    const { emulator } = setup();
    expect((await raw(emulator, "GET", "/v1/users/x/actions/y/", { secret: "sk_wrong" })).status).toBe(401);
    expect((await raw(emulator, "GET", "/v1/users/x/actions/y/")).status).toBe(404);
  });

  it("keeps the two APIs' keys apart", async () => {
    const { emulator } = setup();
    const serverKeyOnManagement = await raw(emulator, "GET", "/v1/management/tenant", {
      secret: emulator.serverSecret,
    });
    expect(serverKeyOnManagement.status).toBe(401);
  });

  it("accepts pinned secrets from the seed, and options over the seed", async () => {
    const { emulator } = setup({ seed: { secrets: { server: "sk_seeded" } }, managementSecret: "sk_option" });
    expect(emulator.serverSecret).toBe("sk_seeded");
    expect(emulator.managementSecret).toBe("sk_option");
    expect((await raw(emulator, "GET", "/v1/users/u", { secret: "sk_emulator_server" })).status).toBe(401);
    expect((await raw(emulator, "GET", "/v1/users/u", { secret: "sk_seeded" })).status).toBe(200);
  });

  it("gives our client an AuthsignalAuthenticationError for a wrong key", async () => {
    const { emulator } = setup();
    const { createServerClient } = await import("@authsignal-ts/server");
    const client = createServerClient({ apiSecretKey: "sk_nope", baseUrl: "http://e.test/v1", fetch: emulator.fetch });
    await expect(client.getUser({ userId: "u" })).rejects.toBeInstanceOf(AuthsignalAuthenticationError);
  });

  it("keeps secrets out of JSON.stringify", () => {
    const { emulator } = setup({ serverSecret: "sk_very_secret" });
    expect(JSON.stringify(emulator)).not.toContain("sk_very_secret");
  });
});

describe("routing", () => {
  it("answers an unknown path with 404 and a wrong method with 405 naming the allowed ones", async () => {
    const { emulator } = setup();
    const unknown = await raw(emulator, "GET", "/v1/nothing-here");
    expect(unknown.status).toBe(404);
    expect(unknown.json.errorCode).toBe("not_found");
    const wrongMethod = await raw(emulator, "DELETE", "/v1/users");
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.response.headers.get("allow")).toBe("GET");
  });

  it("prefers a literal path over a parameter", async () => {
    const { emulator } = setup();
    const result = await raw(emulator, "POST", "/v1/users/authenticators", {
      body: JSON.stringify({
        authenticators: [
          { userId: "u1", verificationMethod: "PASSKEY", credentialId: "c1", credentialPublicKey: "pk" },
        ],
      }),
    });
    expect(result.json).toMatchObject({ total: 1, succeeded: 1 });
  });

  it("percent-decodes path parameters", async () => {
    const { emulator } = setup();
    await raw(emulator, "PATCH", "/v1/users/123%3Atest", { body: JSON.stringify({ username: "colon" }) });
    expect((await raw(emulator, "GET", "/v1/users/123:test")).json.username).toBe("colon");
  });

  it("sends exactly application/json and the emulator header on every answer", async () => {
    const { emulator } = setup();
    for (const [method, path] of [
      ["GET", "/v1/users/u"],
      ["GET", "/nowhere"],
      ["DELETE", "/v1/users"],
    ] as const) {
      const { response } = await raw(emulator, method, path);
      expect(response.headers.get("content-type")).toBe("application/json");
      expect(response.headers.get("x-authsignal-emulator")).toBe(emulatorVersion);
    }
  });

  it("serves the issuer's well-known routes without a key, for the emulator's tenant only", async () => {
    const { emulator, management } = setup();
    const { tenantId } = await management.getTenant();
    const wellKnown = (tenant: string, leaf: string) =>
      emulator.fetch(`${origin}/v1/client/public/${tenant}/.well-known/${leaf}`);
    const jwks = await wellKnown(tenantId as string, "jwks");
    expect(jwks.status).toBe(200);
    expect((await jwks.json()).keys).toEqual([expect.objectContaining({ kty: "RSA", alg: "RS256" })]);
    const configuration = await (await wellKnown(tenantId as string, "openid-configuration")).json();
    expect(configuration.jwks_uri).toBe(`${origin}/v1/client/public/${tenantId}/.well-known/jwks`);
    const other = await wellKnown("another-tenant", "jwks");
    expect(other.status).toBe(404);
    expect((await other.json()).errorCode).toBe("not_found");
  });

  it("routes each area's paths within it: a Server API path under the test-only API is not found", async () => {
    const { emulator } = setup();
    const response = await emulator.fetch(`${origin}/_emulator/v1/users/u1`);
    expect(response.status).toBe(404);
    expect((await response.json()).errorDescription).toBe("The test-only API has no GET /users/u1.");
  });

  /** GET /v1/users/u1 routed with `handlers` for the Server API. */
  function getUserWith(handlers: Record<string, unknown>) {
    const { emulator } = setup();
    const state = emulator.exportState();
    const store = createStore(
      () => state,
      () => {},
    );
    const context = () => ({ state, store, now: Date.now, randomId: () => "id", emit: async () => {} });
    const request = new Request("http://e.test/v1/users/u1", { headers: { authorization: basic("sk") } });
    return Promise.resolve().then(() =>
      route(callOfRequest(request), {
        secrets: { server: "sk", management: "sk_m" },
        handlers: { server: handlers as never, management: {}, client: {} },
        maxBodyBytes: 1024,
        context,
        changes: createChangeFeed(),
        testApi: emulator,
        testApiLimits: { body: 1024, import: 1024 },
      }),
    );
  }

  it("answers an operation with no handler with 501 not_implemented_in_emulator", async () => {
    const response = await getUserWith({});
    expect(response.status).toBe(501);
    expect(JSON.parse(response.body ?? "")).toEqual({
      error: "not_implemented_in_emulator",
      errorCode: "not_implemented_in_emulator",
      errorDescription: "getUser (GET /users/{userId}) is not implemented in the Authsignal emulator.",
    });
  });

  it("answers a handler's API error, thrown or rejected, and passes any other failure on", async () => {
    const notFound = new EmulatorApiError(404, "not_found", "No such user.");
    for (const getUser of [
      () => {
        throw notFound;
      },
      () => Promise.reject(notFound),
    ]) {
      const response = await getUserWith({ getUser });
      expect([response.status, JSON.parse(response.body ?? "").errorDescription]).toEqual([404, "No such user."]);
    }
    for (const getUser of [
      () => {
        throw new TypeError("a bug");
      },
      () => Promise.reject(new TypeError("a bug")),
    ]) {
      await expect(getUserWith({ getUser })).rejects.toThrow("a bug");
    }
    expect((await getUserWith({ getUser: () => ({ status: 200, body: { user: "u1" } }) })).body).toBe('{"user":"u1"}');
  });
});

describe("bad input", () => {
  it("names the field that breaks the spec", async () => {
    const { emulator } = setup();
    const result = await raw(emulator, "POST", "/v1/users/u1/actions/signIn", {
      body: JSON.stringify({ email: "not-an-email" }),
    });
    expect(result.status).toBe(400);
    expect(result.json).toEqual({
      error: "invalid_request",
      errorCode: "invalid_request",
      errorDescription: 'body.email must match format "email"',
    });
    const badCode = await raw(emulator, "POST", "/v1/users/u1/actions/sign%20in", { body: "{}" });
    expect(badCode.json.errorDescription).toMatch(/^path\.action must match pattern/);
  });

  it("refuses malformed JSON and huge bodies without changing state", async () => {
    const { emulator } = setup({ maxBodyBytes: 1024 });
    const malformed = await raw(emulator, "PATCH", "/v1/users/u1", { body: '{"username": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.json.errorDescription).toBe("The request body is not valid JSON.");
    const huge = await raw(emulator, "PATCH", "/v1/users/u1", {
      body: JSON.stringify({ displayName: "x".repeat(2000) }),
    });
    expect(huge.status).toBe(413);
    expect(huge.json.errorCode).toBe("request_too_large");
    expect(emulator.exportState().server.users).toEqual({});
  });

  it("lets our client's own checks run before anything is sent", async () => {
    const { server } = setup();
    await expect(server.track({ userId: "", action: "signIn" })).rejects.toBeInstanceOf(AuthsignalValidationError);
  });
});
