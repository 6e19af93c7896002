// A fetch stub that records what it was asked to send and answers every request itself. It
// proves how requests are built and responses read, never how the transport behaves on a
// network (that is tested against a real loopback server).
import { expect } from "vitest";
import { createApiClient } from "../src/client.ts";
import { secretKeyCredentials } from "../src/config.ts";
import { AuthsignalError } from "../src/errors.ts";
import type { OperationSpec } from "../src/operation.ts";
import type { RequestOptions } from "../src/request-options.ts";

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal | undefined;
}

export function stubFetch(respond: () => Response = () => Response.json({ ok: true })) {
  const requests: RecordedRequest[] = [];
  const fetch = async (input: string | URL | Request, init: RequestInit = {}) => {
    const request = new Request(input, init);
    requests.push({
      url: request.url,
      method: request.method,
      headers: Object.fromEntries(request.headers),
      body: init.body === undefined ? undefined : await request.text(),
      signal: init.signal ?? undefined,
    });
    return respond();
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

export const stubSecret = "sk_test_transport_secret";
export const stubServers = { us: "https://api.authsignal.com/v1" };
/** A definition as the Server and Management packages give theirs, less the operations. */
export const stubApi = {
  headers: { "user-agent": "@authsignal-ts/test/0.0.1" },
  servers: stubServers,
  credentials: secretKeyCredentials,
};

/**
 * Calls one operation as a method of a real client whose fetch is `stubFetch(respond)`;
 * `requests` is what the client asked it to send.
 */
export function stubbedCall(respond?: () => Response, fetch?: typeof globalThis.fetch) {
  const stub = stubFetch(respond);
  const call = (operation: OperationSpec, args?: object, options?: RequestOptions) => {
    const client = createApiClient(
      { ...stubApi, operations: { operation } },
      { apiSecretKey: stubSecret, fetch: fetch ?? stub.fetch },
    ) as unknown as Record<string, (args?: object, options?: RequestOptions) => Promise<unknown>>;
    return (client.operation as (args?: object, options?: RequestOptions) => Promise<unknown>)(args, options);
  };
  return { call, requests: stub.requests };
}

/** What `promise` rejected with, which must be an AuthsignalError. */
export async function rejection(promise: Promise<unknown>): Promise<AuthsignalError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AuthsignalError);
  return error as AuthsignalError;
}
