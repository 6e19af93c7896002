// How a method reads the response: success bodies, the error class for each status, and bodies
// that are not what the operation returns. The fetch is a stub; the same cases from a real
// server are in transport-faults/responses.test.ts.
import { describe, expect, it } from "vitest";
import {
  AuthsignalApiError,
  AuthsignalInternalServerError,
  AuthsignalNotFoundError,
  AuthsignalRateLimitError,
  AuthsignalResponseError,
} from "../src/errors.ts";
import type { OperationSpec } from "../src/operation.ts";
import { rejection, stubbedCall } from "./helpers.ts";

const getUser: OperationSpec = { method: "GET", path: "/users/{userId}" };

describe("decoding a method's response", () => {
  it("resolves to undefined for an operation the spec gives no response body, whatever arrives", async () => {
    const revoke: OperationSpec = { method: "POST", path: "/revoke", hasBody: true, result: "none" };
    for (const respond of [() => new Response(null, { status: 204 }), () => Response.json({ success: true })]) {
      await expect(stubbedCall(respond).call(revoke, {})).resolves.toBeUndefined();
    }
  });

  it("turns an API error body into an AuthsignalApiError", async () => {
    const { call } = stubbedCall(() =>
      Response.json(
        { error: "not_found", errorDescription: "No such user." },
        { status: 404, headers: { "x-a": "b" } },
      ),
    );
    const error = await rejection(call(getUser, { userId: "u1" }));
    expect(error).toBeInstanceOf(AuthsignalNotFoundError);
    expect(error).toBeInstanceOf(AuthsignalApiError);
    expect(error).toMatchObject({ statusCode: 404, errorCode: "not_found", errorDescription: "No such user." });
    expect(error.message).toBe("404 not_found: No such user.");
    expect((error as AuthsignalApiError).headers.get("x-a")).toBe("b");
  });

  it("reads errorCode when the body uses that name instead of error", async () => {
    const { call } = stubbedCall(() =>
      Response.json(
        { errorCode: "too_many_requests" },
        { status: 429, headers: { "retry-after": "7", "x-amzn-requestid": "req-1" } },
      ),
    );
    const error = await rejection(call(getUser, { userId: "u1" }, { maxRetries: 0 }));
    expect(error).toBeInstanceOf(AuthsignalRateLimitError);
    expect(error).toMatchObject({
      statusCode: 429,
      errorCode: "too_many_requests",
      retryAfterMs: 7000,
      requestId: "req-1",
    });
  });

  it("prefers errorCode where the body's two codes differ, as the Client API's expired token does", async () => {
    const { call } = stubbedCall(() =>
      Response.json({ error: "unauthorized", errorCode: "expired_token" }, { status: 401 }),
    );
    const error = await rejection(call(getUser, { userId: "u1" }, { maxRetries: 0 }));
    expect(error).toMatchObject({ statusCode: 401, errorCode: "expired_token" });
  });

  it("still yields a proper error for an HTML error page", async () => {
    const { call } = stubbedCall(() => new Response("<html>Bad gateway</html>", { status: 502 }));
    const error = await rejection(call(getUser, { userId: "u1" }, { maxRetries: 0 }));
    expect(error).toBeInstanceOf(AuthsignalInternalServerError);
    expect(error).toMatchObject({ statusCode: 502, errorCode: "http_502", errorDescription: undefined });
  });

  it("still yields a proper error for an empty error body", async () => {
    const { call } = stubbedCall(() => new Response(null, { status: 503 }));
    const error = await rejection(call(getUser, { userId: "u1" }, { maxRetries: 0 }));
    expect(error).toBeInstanceOf(AuthsignalInternalServerError);
    expect(error).toMatchObject({ statusCode: 503, errorCode: "http_503", errorDescription: undefined });
    expect(error.message).toBe("503 http_503");
  });

  it("reports a success body that is not JSON", async () => {
    const { call } = stubbedCall(() => new Response("{ truncated", { status: 200 }));
    const error = await rejection(call(getUser, { userId: "u1" }));
    expect(error).toBeInstanceOf(AuthsignalResponseError);
    expect(error).toMatchObject({ statusCode: 200, errorCode: "invalid_response" });
  });
});
