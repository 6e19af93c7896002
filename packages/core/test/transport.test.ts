import { describe, expect, it } from "vitest";
import { resolveConfig } from "../src/config.ts";
import {
  AuthsignalAbortError,
  AuthsignalApiError,
  AuthsignalError,
  AuthsignalInternalServerError,
  AuthsignalNotFoundError,
  AuthsignalRateLimitError,
  AuthsignalResponseError,
} from "../src/errors.ts";
import { sendRequest } from "../src/fetch-client.ts";
import type { OperationSpec } from "../src/operation.ts";
import { createTransport } from "../src/transport.ts";
import { recordingFetch } from "./helpers.ts";

const secret = "sk_test_transport_secret";
const identity = { name: "@authsignal-ts/test", version: "0.0.1" };
const servers = { us: "https://api.authsignal.com/v1" };

const getUser: OperationSpec = { method: "GET", path: "/users/{userId}" };
const updateUser: OperationSpec = { method: "PATCH", path: "/users/{userId}", hasBody: true };

function transportWith(respond?: () => Response) {
  const recorder = recordingFetch(respond);
  const transport = createTransport(resolveConfig({ apiSecretKey: secret, fetch: recorder.fetch }, servers, identity));
  return { transport, requests: recorder.requests };
}

async function rejection(promise: Promise<unknown>): Promise<AuthsignalError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AuthsignalError);
  return error as AuthsignalError;
}

describe("transport.call", () => {
  it("sends a GET with auth, accept and user agent but no body or content type", async () => {
    const { transport, requests } = transportWith(() => Response.json({ userId: "u1" }));
    await expect(transport.call(getUser, { userId: "u1" })).resolves.toEqual({ userId: "u1" });
    const [request] = requests;
    expect(request?.method).toBe("GET");
    expect(request?.url).toBe("https://api.authsignal.com/v1/users/u1");
    expect(request?.headers.authorization).toBe(`Basic ${btoa(`${secret}:`)}`);
    expect(request?.headers.accept).toBe("application/json");
    expect(request?.headers["user-agent"]).toBe("@authsignal-ts/test/0.0.1");
    expect(request?.headers["content-type"]).toBeUndefined();
    expect(request?.body).toBeUndefined();
  });

  it("sends attributes as a JSON body", async () => {
    const { transport, requests } = transportWith();
    await transport.call(updateUser, { userId: "u1", attributes: { email: "jane@example.com", custom: null } });
    expect(requests[0]?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(requests[0]?.body ?? "")).toEqual({ email: "jane@example.com", custom: null });
  });

  it("joins the caller's signal to the attempt's, and never lets per-call headers replace authorization", async () => {
    const { transport, requests } = transportWith();
    const controller = new AbortController();
    await transport.call(
      getUser,
      { userId: "u1" },
      { signal: controller.signal, headers: { Prefer: "code=200", authorization: "Basic evil" } },
    );
    expect(requests[0]?.signal).toBeInstanceOf(AbortSignal);
    expect(requests[0]?.headers.prefer).toBe("code=200");
    expect(requests[0]?.headers.authorization).toBe(`Basic ${btoa(`${secret}:`)}`);
  });

  it("aborts the fetch when the caller aborts, rejecting with AuthsignalAbortError", async () => {
    let seen: AbortSignal | undefined;
    const fetch = ((_input: string, init: RequestInit) => {
      seen = init.signal ?? undefined;
      return new Promise((_resolve, reject) =>
        init.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
      );
    }) as unknown as typeof globalThis.fetch;
    const transport = createTransport(resolveConfig({ apiSecretKey: secret, fetch }, servers, identity));
    const controller = new AbortController();
    const call = transport.call(getUser, { userId: "u1" }, { signal: controller.signal });
    controller.abort(new Error("user navigated away"));
    const error = await rejection(call);
    expect(error).toBeInstanceOf(AuthsignalAbortError);
    expect(error.statusCode).toBeUndefined();
    expect((error.cause as Error).message).toBe("user navigated away");
    expect(seen?.aborted).toBe(true);
  });

  it("sends nothing when a path parameter is invalid", async () => {
    const { transport, requests } = transportWith();
    await expect(transport.call(getUser, { userId: ".." })).rejects.toMatchObject({ field: "userId" });
    expect(requests).toHaveLength(0);
  });

  it("resolves to undefined for an operation the spec gives no response body, whatever arrives", async () => {
    const revoke: OperationSpec = { method: "POST", path: "/revoke", hasBody: true, result: "none" };
    for (const respond of [() => new Response(null, { status: 204 }), () => Response.json({ success: true })]) {
      await expect(transportWith(respond).transport.call(revoke, {})).resolves.toBeUndefined();
    }
  });

  it("turns an API error body into an AuthsignalApiError", async () => {
    const { transport } = transportWith(() =>
      Response.json(
        { error: "not_found", errorDescription: "No such user." },
        { status: 404, headers: { "x-a": "b" } },
      ),
    );
    const error = await rejection(transport.call(getUser, { userId: "u1" }));
    expect(error).toBeInstanceOf(AuthsignalNotFoundError);
    expect(error).toBeInstanceOf(AuthsignalApiError);
    expect(error).toMatchObject({ statusCode: 404, errorCode: "not_found", errorDescription: "No such user." });
    expect(error.message).toBe("404 not_found: No such user.");
    expect((error as AuthsignalApiError).headers.get("x-a")).toBe("b");
  });

  it("reads errorCode when the body uses that name instead of error", async () => {
    const { transport } = transportWith(() =>
      Response.json(
        { errorCode: "too_many_requests" },
        { status: 429, headers: { "retry-after": "7", "x-amzn-requestid": "req-1" } },
      ),
    );
    const error = await rejection(transport.call(getUser, { userId: "u1" }, { maxRetries: 0 }));
    expect(error).toBeInstanceOf(AuthsignalRateLimitError);
    expect(error).toMatchObject({
      statusCode: 429,
      errorCode: "too_many_requests",
      retryAfterMs: 7000,
      requestId: "req-1",
    });
  });

  it("still yields a proper error for an HTML error page", async () => {
    const { transport } = transportWith(() => new Response("<html>Bad gateway</html>", { status: 502 }));
    const error = await rejection(transport.call(getUser, { userId: "u1" }, { maxRetries: 0 }));
    expect(error).toBeInstanceOf(AuthsignalInternalServerError);
    expect(error).toMatchObject({ statusCode: 502, errorCode: "http_502", errorDescription: undefined });
  });

  it("still yields a proper error for an empty error body", async () => {
    const { transport } = transportWith(() => new Response(null, { status: 503 }));
    const error = await rejection(transport.call(getUser, { userId: "u1" }, { maxRetries: 0 }));
    expect(error).toBeInstanceOf(AuthsignalInternalServerError);
    expect(error).toMatchObject({ statusCode: 503, errorCode: "http_503", errorDescription: undefined });
    expect(error.message).toBe("503 http_503");
  });

  it("reports a success body that is not JSON", async () => {
    const { transport } = transportWith(() => new Response("{ truncated", { status: 200 }));
    const error = await rejection(transport.call(getUser, { userId: "u1" }));
    expect(error).toBeInstanceOf(AuthsignalResponseError);
    expect(error).toMatchObject({ statusCode: 200, errorCode: "invalid_response" });
  });
});

describe("sendRequest (the openapi-fetch adapter)", () => {
  it("adds auth and default headers to an openapi-fetch request", async () => {
    const { transport, requests } = transportWith();
    await sendRequest(
      transport,
      new Request("https://api.authsignal.com/v1/users/u1", { headers: { accept: "text/plain" } }),
    );
    expect(requests[0]?.headers.authorization).toBe(`Basic ${btoa(`${secret}:`)}`);
    expect(requests[0]?.headers["user-agent"]).toBe("@authsignal-ts/test/0.0.1");
    expect(requests[0]?.headers.accept).toBe("text/plain");
  });
});
