import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { resolveConfig, secretKeyCredentials } from "../src/config.ts";
import { AuthsignalValidationError } from "../src/errors.ts";

const servers = { us: "https://api.authsignal.com/v1", eu: "https://eu.api.authsignal.com/v1" };
const api = { headers: { "user-agent": "@authsignal-ts/test/1.2.3" }, servers, credentials: secretKeyCredentials };
const secret = "sk_live_do_not_leak_0123456789";

describe("resolveConfig", () => {
  it("defaults to the us region", () => {
    expect(resolveConfig({ apiSecretKey: secret }, api).baseUrl).toBe(servers.us);
  });

  it("maps a region to its server", () => {
    expect(resolveConfig({ apiSecretKey: secret, region: "eu" }, api).baseUrl).toBe(servers.eu);
  });

  it("lets baseUrl override the region and trims trailing slashes", () => {
    const config = resolveConfig({ apiSecretKey: secret, region: "eu", baseUrl: "http://127.0.0.1:4010//" }, api);
    expect(config.baseUrl).toBe("http://127.0.0.1:4010");
  });

  it("authenticates with the secret as the Basic username and an empty password", () => {
    const { authorization } = resolveConfig({ apiSecretKey: secret }, api);
    expect(authorization()).toBe(`Basic ${Buffer.from(`${secret}:`).toString("base64")}`);
  });

  it("sends the API's own headers, such as its package's user agent", () => {
    expect(resolveConfig({ apiSecretKey: secret }, api).headers["user-agent"]).toBe("@authsignal-ts/test/1.2.3");
  });

  it("lower-cases custom headers and never lets them replace authorization", () => {
    const { headers } = resolveConfig(
      { apiSecretKey: secret, headers: { "X-Trace": "1", Authorization: "Basic other" } },
      api,
    );
    expect(headers).toMatchObject({ "x-trace": "1" });
    expect(Object.keys(headers).map((name) => name.toLowerCase())).not.toContain("authorization");
  });

  it.each([
    ["apiSecretKey", { apiSecretKey: "" }],
    ["apiSecretKey", { apiSecretKey: 42 }],
    ["region", { apiSecretKey: secret, region: "mars" }],
    ["region", { apiSecretKey: secret, region: "toString" }],
    ["baseUrl", { apiSecretKey: secret, baseUrl: "not a url" }],
    ["baseUrl", { apiSecretKey: secret, baseUrl: "ftp://example.com" }],
    ["fetch", { apiSecretKey: secret, fetch: "nope" }],
    ["options", null],
  ])("rejects a bad %s with a typed error naming it", (field, options) => {
    let caught: unknown;
    try {
      resolveConfig(options as never, api);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AuthsignalValidationError);
    expect((caught as AuthsignalValidationError).field).toBe(field);
  });

  it("keeps the secret out of errors about other options", () => {
    let caught: unknown;
    try {
      resolveConfig({ apiSecretKey: secret, region: "mars" } as never, api);
    } catch (error) {
      caught = error;
    }
    const error = caught as Error;
    for (const text of [error.message, error.stack, JSON.stringify(error), inspect(error, { depth: 5 })]) {
      expect(text).not.toContain(secret);
    }
  });
});
