// The compat AuthsignalError: the official fields and message, the official mapping of failures
// without a status, `instanceof` against the native classes both ways, and the native behaviour
// underneath (no request for a bad argument, retries, refused redirects).
import { inspect } from "node:util";
import {
  Authsignal as OfficialAuthsignal,
  AuthsignalError as OfficialAuthsignalError,
  mapToAuthsignalError as officialMapping,
} from "@authsignal/node";
import { refusedUrl } from "@authsignal-ts/scripts/testing/loopback";
import { describe, expect, it } from "vitest";
import { Authsignal, AuthsignalError, mapToAuthsignalError } from "../../src/compat/index.ts";
import {
  AuthsignalApiError,
  AuthsignalAuthenticationError,
  AuthsignalConnectionError,
  AuthsignalInternalServerError,
  AuthsignalValidationError,
  createServerClient,
  AuthsignalError as NativeAuthsignalError,
} from "../../src/index.ts";
import { settle, useLoopbackServer } from "./support.ts";

const apiSecretKey = "sk_test_compat_errors_5e7a";
const unauthorized = {
  error: "unauthorized",
  errorDescription:
    "The request is unauthorized. Check that your API key and region base URL are correctly configured.",
};

const server = useLoopbackServer();

const compatClient = (options: { retries?: number; apiUrl?: string; apiSecretKey?: string } = {}) =>
  new Authsignal({ apiSecretKey, apiUrl: `${server.url}/v1`, retries: 0, ...options });

async function rejection(promise: Promise<unknown>): Promise<AuthsignalError> {
  const outcome = await settle(promise);
  if (!("error" in outcome)) throw new Error("expected the call to reject");
  expect(outcome.error).toBeInstanceOf(AuthsignalError);
  return outcome.error as AuthsignalError;
}

/** The fields code written against @authsignal/node reads. */
const fields = (error: {
  statusCode: number;
  errorCode: string;
  errorDescription?: string;
  message: string;
  name: string;
}) => ({
  statusCode: error.statusCode,
  errorCode: error.errorCode,
  errorDescription: error.errorDescription,
  message: error.message,
  name: error.name,
});

describe("HTTP failures", () => {
  it.each([
    ["a code and a description", 401, unauthorized, `AuthsignalError: 401 - ${unauthorized.errorDescription}`],
    ["a code alone", 400, { error: "invalid_request" }, "AuthsignalError: 400 - invalid_request"],
    ["an empty description", 404, { error: "not_found", errorDescription: "" }, "AuthsignalError: 404 - not_found"],
  ])("keep the status, %s, in the official message format", async (_, status, body, message) => {
    server.answer(() => ({ status, body }));
    const error = await rejection(compatClient().getUser({ userId: "usr_1" }));
    expect(error.message).toBe(message);
    const official = await settle(
      new OfficialAuthsignal({ apiSecretKey, apiUrl: `${server.url}/v1`, retries: 0 }).getUser({ userId: "usr_1" }),
    );
    expect(fields(error)).toEqual(fields((official as { error: OfficialAuthsignalError }).error));
  });

  it("keep the native error as the cause, with its class and headers", async () => {
    server.answer(() => ({ status: 401, body: unauthorized, headers: { "x-request-id": "req_42" } }));
    const error = await rejection(compatClient().track({ userId: "usr_1", action: "signIn" }));
    expect(error.cause).toBeInstanceOf(AuthsignalAuthenticationError);
    expect((error.cause as AuthsignalApiError).requestId).toBe("req_42");
  });

  // Where @authsignal/node reports 500 unexpected_error "Request failed with status code 404".
  it("keep the status of a response without a JSON body", async () => {
    server.answer(() => ({ status: 404, body: "" }));
    const error = await rejection(compatClient().getUser({ userId: "usr_1" }));
    expect(fields(error)).toMatchObject({
      statusCode: 404,
      errorCode: "http_404",
      message: "AuthsignalError: 404 - http_404",
    });
  });

  it("put one line of a long or multi-line description in the message, and all of it in errorDescription", async () => {
    const errorDescription = `first line\nsecond line ${"x".repeat(400)}`;
    server.answer(() => ({ status: 400, body: { error: "invalid_request", errorDescription } }));
    const error = await rejection(compatClient().getUser({ userId: "usr_1" }));
    expect(error.errorDescription).toBe(errorDescription);
    expect(error.message).toMatch(/^AuthsignalError: 400 - first line second line x+…$/);
    expect(error.message.length).toBeLessThan(340);
  });

  it("refuse a redirect instead of following it", async () => {
    server.answer(() => ({ status: 302, headers: { location: "http://203.0.113.9/steal" } }));
    const error = await rejection(compatClient().getUser({ userId: "usr_1" }));
    expect(fields(error)).toMatchObject({ statusCode: 302, errorCode: "redirect_not_followed" });
    expect(server.requests).toHaveLength(1);
  });
});

describe("failures without a status, mapped as @authsignal/node maps them", () => {
  it("a refused connection is 500 unexpected_error, with the native connection error as the cause", async () => {
    const apiUrl = await refusedUrl();
    const error = await rejection(compatClient({ apiUrl }).getUser({ userId: "usr_1" }));
    expect(error.cause).toBeInstanceOf(AuthsignalConnectionError);
    expect(fields(error)).toEqual({
      statusCode: 500,
      errorCode: "unexpected_error",
      errorDescription: (error.cause as Error).message,
      message: `AuthsignalError: 500 - ${(error.cause as Error).message}`,
      name: "AuthsignalError",
    });
    const official = (await settle(
      new OfficialAuthsignal({ apiSecretKey, apiUrl, retries: 0 }).getUser({ userId: "u" }),
    )) as {
      error: OfficialAuthsignalError;
    };
    expect([official.error.statusCode, official.error.errorCode]).toEqual([500, "unexpected_error"]);
  });

  it("an argument that cannot be sent rejects before any request, with the native validation error as the cause", async () => {
    const error = await rejection(compatClient().getUser({ userId: ".." }));
    expect(error).toMatchObject({ statusCode: 500, errorCode: "unexpected_error" });
    expect(error.cause).toBeInstanceOf(AuthsignalValidationError);
    expect(error.errorDescription).toBe('Invalid "userId": ".." is not a usable path segment');
    expect(server.requests).toEqual([]);
  });

  it("a configuration problem never throws from the constructor, as the official one does not: each call rejects", async () => {
    for (const client of [compatClient({ apiSecretKey: "" }), compatClient({ apiUrl: "not a url" })]) {
      const error = await rejection(client.getUser({ userId: "usr_1" }));
      expect(error).toMatchObject({ statusCode: 500, errorCode: "unexpected_error" });
      expect(error.cause).toBeInstanceOf(AuthsignalValidationError);
    }
    expect(server.requests).toEqual([]);
  });

  it("mapToAuthsignalError maps what it is given as the official function does", () => {
    for (const thrown of [new Error("boom"), new TypeError("x is not a function"), "a string", undefined]) {
      const ours = mapToAuthsignalError(thrown);
      const theirs = officialMapping(thrown);
      expect(fields(ours)).toEqual(fields(theirs));
      expect(ours.cause).toBe(thrown);
    }
    const compat = new AuthsignalError(409, "conflict");
    expect(mapToAuthsignalError(compat)).toBe(compat);
  });
});

describe("retries", () => {
  const flaky = (failures: number) => {
    let calls = 0;
    server.answer(() =>
      ++calls <= failures
        ? { status: 503, body: { error: "unavailable" }, headers: { "retry-after": "0" } }
        : { body: { isEnrolled: false } },
    );
  };

  it.each([
    [undefined, 2, true],
    [1, 1, true],
    [1, 2, false],
    [0, 1, false],
    [-1, 1, false],
  ])("retries: %s against %i failures: succeeds %s", async (retries, failures, succeeds) => {
    flaky(failures);
    const outcome = await settle(compatClient({ retries }).getUser({ userId: "usr_1" }));
    if (succeeds) expect(outcome).toEqual({ value: { isEnrolled: false } });
    else
      expect((outcome as { error: AuthsignalError }).error).toMatchObject({
        statusCode: 503,
        errorCode: "unavailable",
      });
  });
});

describe("instanceof", () => {
  it("a compat error is the native AuthsignalError too, but not an AuthsignalApiError", async () => {
    server.answer(() => ({ status: 500, body: { error: "internal_error" } }));
    const error = await rejection(compatClient().getUser({ userId: "usr_1" }));
    expect(error).toBeInstanceOf(NativeAuthsignalError);
    expect(error).not.toBeInstanceOf(AuthsignalApiError);
    expect(error.cause).toBeInstanceOf(AuthsignalInternalServerError);
  });

  it("a native HTTP error is a compat AuthsignalError; a native error without a status is not", async () => {
    server.answer(() => ({ status: 401, body: unauthorized }));
    const native = createServerClient({ apiSecretKey, baseUrl: `${server.url}/v1`, maxRetries: 0 });
    const apiError = await native.getUser({ userId: "usr_1" }).catch((error: unknown) => error);
    expect(apiError).toBeInstanceOf(AuthsignalAuthenticationError);
    expect(apiError).toBeInstanceOf(AuthsignalError);
    const validation = await native.getUser({ userId: ".." }).catch((error: unknown) => error);
    expect(validation).toBeInstanceOf(AuthsignalValidationError);
    expect(validation).not.toBeInstanceOf(AuthsignalError);
  });

  it("a caller's own subclass matches only its own instances", () => {
    class AppError extends AuthsignalError {}
    const own = new AppError(400, "bad_request");
    expect(own).toBeInstanceOf(AuthsignalError);
    expect(own.name).toBe("AuthsignalError");
    expect(new AuthsignalError(400, "bad_request")).not.toBeInstanceOf(AppError);
  });

  it("constructed by hand, it matches the official constructor's fields and message", () => {
    const argumentLists: [number, string, string?][] = [
      [404, "not_found"],
      [400, "invalid_request", "The token is missing."],
      [500, "x", ""],
    ];
    for (const args of argumentLists) {
      expect(fields(new AuthsignalError(...args))).toEqual(fields(new OfficialAuthsignalError(...args)));
    }
  });
});

describe("the secret key", () => {
  it("stays out of inspect, JSON and errors of the client, and is readable as apiSecretKey", async () => {
    server.answer(() => ({ status: 401, body: unauthorized }));
    const client = compatClient();
    const error = await rejection(client.getUser({ userId: "usr_1" }));
    for (const shown of [
      inspect(client, { depth: 10, showHidden: true }),
      JSON.stringify(client),
      inspect(error, { depth: 10 }),
    ]) {
      expect(shown).not.toContain(apiSecretKey);
      expect(shown).not.toContain(Buffer.from(`${apiSecretKey}:`).toString("base64"));
    }
    expect(client.apiSecretKey).toBe(apiSecretKey);
    expect(client.webhook.apiSecretKey).toBe(apiSecretKey);
  });

  it("apiUrl defaults to the official default", () => {
    expect(new Authsignal({ apiSecretKey }).apiUrl).toBe(new OfficialAuthsignal({ apiSecretKey, retries: 0 }).apiUrl);
  });
});
