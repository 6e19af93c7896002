import { describe, expect, it } from "vitest";
import { resolveConfig } from "../src/config.ts";
import { AuthsignalValidationError } from "../src/errors.ts";
import { sendRequest } from "../src/fetch-client.ts";
import type { OperationSpec } from "../src/operation.ts";
import { adoptRequest, buildUrl, pickBody } from "../src/request-builder.ts";
import { createTransport } from "../src/transport.ts";
import { stubApi, stubbedCall, stubFetch, stubSecret } from "./helpers.ts";

const track: OperationSpec = {
  method: "POST",
  path: "/users/{userId}/actions/{action}",
  patterns: { action: /^[a-zA-Z0-9_-]{1,64}$/ },
  hasBody: true,
  idempotencyKeyField: "idempotencyKey",
};

const queryActions: OperationSpec = {
  method: "GET",
  path: "/users/{userId}/actions",
  query: { codes: "comma", state: "repeat", limit: "repeat" },
};

const validate: OperationSpec = { method: "POST", path: "/validate", query: { dryRun: "repeat" }, hasBody: true };

const base = "https://api.authsignal.com/v1";

function validationError(run: () => unknown): AuthsignalValidationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AuthsignalValidationError);
    return error as AuthsignalValidationError;
  }
  throw new Error("expected a validation error");
}

describe("buildUrl", () => {
  it("fills path parameters", () => {
    expect(buildUrl(base, track, { userId: "usr_123", action: "signIn" })).toBe(`${base}/users/usr_123/actions/signIn`);
  });

  it("percent-encodes characters that would change the route", () => {
    expect(buildUrl(base, track, { userId: "../admin?x=1#y", action: "signIn" })).toBe(
      `${base}/users/..%2Fadmin%3Fx%3D1%23y/actions/signIn`,
    );
    expect(buildUrl(base, track, { userId: "jane doe@example.com", action: "signIn" })).toBe(
      `${base}/users/jane%20doe%40example.com/actions/signIn`,
    );
  });

  it.each([
    ["missing", undefined, "required"],
    ["null", null, "required"],
    ["empty", "", "not a usable path segment"],
    ["dot", ".", "not a usable path segment"],
    ["dot-dot", "..", "not a usable path segment"],
    ["an object", { id: 1 }, "expected a string, got an object"],
    ["an array", ["a"], "expected a string, got an array"],
    ["NaN", Number.NaN, "expected a string, got number"],
  ])("rejects a userId that is %s, naming the parameter", (_label, userId, problem) => {
    const error = validationError(() => buildUrl(base, track, { userId, action: "signIn" }));
    expect(error.field).toBe("userId");
    expect(error.message).toContain('"userId"');
    expect(error.message).toContain(problem);
    expect(error.errorCode).toBe("invalid_argument");
    expect(error.statusCode).toBeUndefined();
  });

  it("checks a path parameter against the pattern the spec gives it", () => {
    const error = validationError(() => buildUrl(base, track, { userId: "usr_1", action: "sign in" }));
    expect(error.field).toBe("action");
    expect(error.message).toContain("^[a-zA-Z0-9_-]{1,64}$");
    expect(() => buildUrl(base, track, { userId: "usr_1", action: "a".repeat(65) })).toThrow(AuthsignalValidationError);
    expect(buildUrl(base, track, { userId: "usr_1", action: "a".repeat(64) })).toContain("/actions/aaaa");
  });

  it("serializes query parameters by their style and skips absent ones", () => {
    const url = buildUrl(base, queryActions, { userId: "u", codes: ["signIn", "withdraw"], state: "ALLOW", limit: 5 });
    expect(url).toBe(`${base}/users/u/actions?codes=signIn%2Cwithdraw&state=ALLOW&limit=5`);
    expect(buildUrl(base, queryActions, { userId: "u", state: undefined })).toBe(`${base}/users/u/actions`);
  });

  it("rejects a query value that cannot be serialized", () => {
    const error = validationError(() => buildUrl(base, queryActions, { userId: "u", state: { a: 1 } }));
    expect(error.field).toBe("state");
  });
});

describe("pickBody", () => {
  it("takes the body from attributes when the operation has path parameters", () => {
    expect(pickBody(track, { userId: "u", action: "a", attributes: { email: "e" } })).toEqual({ email: "e" });
    expect(pickBody(track, { userId: "u", action: "a" })).toEqual({});
  });

  it("rejects attributes that are not an object", () => {
    expect(validationError(() => pickBody(track, { userId: "u", action: "a", attributes: "x" })).field).toBe(
      "attributes",
    );
  });

  it("uses the argument itself, minus query parameters, when there are no path parameters", () => {
    expect(pickBody(validate, { token: "t", dryRun: true })).toEqual({ token: "t" });
  });

  it("sends no body for operations without one", () => {
    expect(pickBody(queryActions, { userId: "u" })).toBeUndefined();
  });
});

describe("the request a method sends", () => {
  const getUser: OperationSpec = { method: "GET", path: "/users/{userId}" };
  const updateUser: OperationSpec = { method: "PATCH", path: "/users/{userId}", hasBody: true };

  it("sends a GET with auth, accept and user agent but no body or content type", async () => {
    const { call, requests } = stubbedCall(() => Response.json({ userId: "u1" }));
    await expect(call(getUser, { userId: "u1" })).resolves.toEqual({ userId: "u1" });
    const [request] = requests;
    expect(request?.method).toBe("GET");
    expect(request?.url).toBe("https://api.authsignal.com/v1/users/u1");
    expect(request?.headers.authorization).toBe(`Basic ${btoa(`${stubSecret}:`)}`);
    expect(request?.headers.accept).toBe("application/json");
    expect(request?.headers["user-agent"]).toBe("@authsignal-ts/test/0.0.1");
    expect(request?.headers["content-type"]).toBeUndefined();
    expect(request?.body).toBeUndefined();
  });

  it("sends attributes as a JSON body", async () => {
    const { call, requests } = stubbedCall();
    await call(updateUser, { userId: "u1", attributes: { email: "jane@example.com", custom: null } });
    expect(requests[0]?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(requests[0]?.body ?? "")).toEqual({ email: "jane@example.com", custom: null });
  });

  it("adds per-call headers, and never lets them replace authorization", async () => {
    const { call, requests } = stubbedCall();
    await call(getUser, { userId: "u1" }, { headers: { Prefer: "code=200", authorization: "Basic evil" } });
    expect(requests[0]?.headers.prefer).toBe("code=200");
    expect(requests[0]?.headers.authorization).toBe(`Basic ${btoa(`${stubSecret}:`)}`);
  });

  it("sends nothing when a path parameter is invalid", async () => {
    const { call, requests } = stubbedCall();
    await expect(call(getUser, { userId: ".." })).rejects.toMatchObject({ field: "userId" });
    expect(requests).toHaveLength(0);
  });
});

describe("sendRequest (the openapi-fetch adapter)", () => {
  it("adds auth and default headers to an openapi-fetch request", async () => {
    const { fetch, requests } = stubFetch();
    const transport = createTransport(resolveConfig({ apiSecretKey: stubSecret, fetch }, stubApi));
    await sendRequest(
      transport,
      new Request("https://api.authsignal.com/v1/users/u1", { headers: { accept: "text/plain" } }),
    );
    expect(requests[0]?.headers.authorization).toBe(`Basic ${btoa(`${stubSecret}:`)}`);
    expect(requests[0]?.headers["user-agent"]).toBe("@authsignal-ts/test/0.0.1");
    expect(requests[0]?.headers.accept).toBe("text/plain");
  });
});

describe("adoptRequest (an openapi-fetch request)", () => {
  const config = resolveConfig({ apiSecretKey: stubSecret }, stubApi);
  const url = `${base}/users/u1/actions/signIn`;
  const post = (body?: string) =>
    new Request(url, {
      method: "POST",
      ...(body === undefined ? {} : { body, headers: { "content-type": "application/json" } }),
    });
  const text = (body: string | ArrayBuffer | undefined) =>
    typeof body === "string" || body === undefined ? body : new TextDecoder().decode(body);

  it("is idempotent as the table's entry for it is", async () => {
    const validate: OperationSpec = { method: "POST", path: "/validate", hasBody: true, idempotent: true };
    const challenge: OperationSpec = { method: "POST", path: "/challenge", hasBody: true };
    expect((await adoptRequest(config, post("{}"), validate)).idempotent).toBe(true);
    expect((await adoptRequest(config, post("{}"), challenge)).idempotent).toBe(false);
  });

  it("goes by its method alone when the table does not list it", async () => {
    expect((await adoptRequest(config, post("{}"), undefined)).idempotent).toBe(false);
    for (const method of ["GET", "DELETE", "PUT"]) {
      expect((await adoptRequest(config, new Request(url, { method }), undefined)).idempotent).toBe(true);
    }
  });

  it("gives the JSON body of a keyed operation a key, as a method does, and keeps the caller's", async () => {
    const generated = await adoptRequest(config, post('{"email":"e"}'), track);
    expect(JSON.parse(text(generated.body) ?? "")).toEqual({ email: "e", idempotencyKey: expect.any(String) });
    expect(generated.idempotent).toBe(true);
    const own = await adoptRequest(config, post('{"idempotencyKey":"k1"}'), track);
    expect(text(own.body)).toBe('{"idempotencyKey":"k1"}');
    expect(own.idempotent).toBe(true);
  });

  it("is not idempotent when the body of a keyed operation cannot carry the key", async () => {
    for (const body of [undefined, "not json", "[1]", "null"]) {
      const adopted = await adoptRequest(config, post(body), { ...track, idempotent: true });
      expect(adopted.idempotent, String(body)).toBe(false);
      expect(text(adopted.body)).toBe(body);
    }
  });
});
