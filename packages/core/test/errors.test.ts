import { describe, expect, it } from "vitest";
import type * as errors from "../src/errors.ts";
import {
  AuthsignalApiError,
  AuthsignalConflictError,
  AuthsignalConnectionError,
  AuthsignalError,
  AuthsignalNotFoundError,
  AuthsignalTimeoutError,
  AuthsignalValidationError,
} from "../src/errors.ts";
import { apiErrorFor } from "../src/response.ts";

// A second evaluation of the same module (a new URL) stands in for the copy another package
// bundles. The specifier is a variable so TypeScript doesn't try to resolve the query string.
const otherCopyUrl = new URL("../src/errors.ts?another-package", import.meta.url).href;
const otherCopy: typeof errors = await import(otherCopyUrl);

describe("instanceof across copies of the SDK", () => {
  it("loads a genuinely separate copy of the classes", () => {
    expect(otherCopy.AuthsignalNotFoundError).not.toBe(AuthsignalNotFoundError);
  });

  it("recognizes an error from the other copy as the same class and its ancestors", () => {
    const error = new otherCopy.AuthsignalNotFoundError(404, new Headers(), { error: "not_found" });
    expect(error instanceof AuthsignalNotFoundError).toBe(true);
    expect(error instanceof AuthsignalApiError).toBe(true);
    expect(error instanceof AuthsignalError).toBe(true);
    expect(error instanceof Error).toBe(true);
  });

  it("still tells sibling classes apart", () => {
    const notFound = new otherCopy.AuthsignalNotFoundError(404, new Headers(), undefined);
    const connection = new otherCopy.AuthsignalConnectionError("refused", undefined);
    expect(notFound instanceof AuthsignalConflictError).toBe(false);
    expect(notFound instanceof AuthsignalConnectionError).toBe(false);
    expect(connection instanceof AuthsignalTimeoutError).toBe(false);
    expect(connection instanceof AuthsignalApiError).toBe(false);
    expect(new AuthsignalTimeoutError(5) instanceof otherCopy.AuthsignalConnectionError).toBe(true);
  });

  it("answers false for values that are not errors", () => {
    for (const value of [undefined, null, 404, "AuthsignalError", {}, Object.create(null), new Error("plain")]) {
      expect(value instanceof AuthsignalError).toBe(false);
    }
  });
});

describe("error names", () => {
  it("is each class's own name", () => {
    expect(apiErrorFor(409, new Headers(), undefined).name).toBe("AuthsignalConflictError");
    expect(apiErrorFor(418, new Headers(), undefined).name).toBe("AuthsignalApiError");
    expect(apiErrorFor(503, new Headers(), undefined).name).toBe("AuthsignalInternalServerError");
    expect(new AuthsignalTimeoutError(5).name).toBe("AuthsignalTimeoutError");
    expect(new AuthsignalValidationError("userId", "expected a string").name).toBe("AuthsignalValidationError");
  });

  it("leads the stack trace", () => {
    expect(new AuthsignalTimeoutError(5).stack).toMatch(/^AuthsignalTimeoutError: The request timed out after 5 ms/);
  });
});

describe("a caller's own subclass", () => {
  class AppError extends AuthsignalError {}

  it("is matched by identity, and still is an AuthsignalError", () => {
    const mine = new AppError("app", { errorCode: "app" });
    expect(mine instanceof AppError).toBe(true);
    expect(mine instanceof AuthsignalError).toBe(true);
    expect(new AuthsignalError("sdk", { errorCode: "sdk" }) instanceof AppError).toBe(false);
    expect(new otherCopy.AuthsignalError("sdk", { errorCode: "sdk" }) instanceof AppError).toBe(false);
  });

  it("takes the name of the class it extends", () => {
    expect(new AppError("app", { errorCode: "app" }).name).toBe("AuthsignalError");
  });
});
