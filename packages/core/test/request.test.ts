import { describe, expect, it } from "vitest";
import { AuthsignalValidationError } from "../src/errors.ts";
import type { OperationSpec } from "../src/operation.ts";
import { buildUrl, pickBody } from "../src/request.ts";

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
