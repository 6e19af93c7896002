// A client over a small table with one operation of each retry class, for the fault suite.
import { createApiClient } from "../../src/client.ts";
import { type ClientOptions, secretKeyCredentials } from "../../src/config.ts";
import type { OperationTable } from "../../src/operation.ts";

export const faultOperations = {
  getUser: { method: "GET", path: "/users/{userId}" },
  verify: { method: "POST", path: "/verify", hasBody: true },
  track: {
    method: "POST",
    path: "/users/{userId}/actions/{action}",
    hasBody: true,
    idempotencyKeyField: "idempotencyKey",
  },
  listThings: { method: "GET", path: "/things", query: { filter: "repeat" }, result: "array" },
  revoke: { method: "POST", path: "/revoke", hasBody: true, result: "none" },
} as const satisfies OperationTable;

type Json = { 200: { content: { "application/json": Record<string, unknown> } } };
interface FaultOperations {
  getUser: { parameters: { path: { userId: string } }; requestBody?: never; responses: Json };
  verify: {
    parameters: { path?: never };
    requestBody: { content: { "application/json": { challengeId: string; verificationCode: string } } };
    responses: Json;
  };
  track: {
    parameters: { path: { userId: string; action: string } };
    requestBody?: { content: { "application/json": { idempotencyKey?: string; email?: string; custom?: unknown } } };
    responses: Json;
  };
  listThings: {
    parameters: { path?: never; query?: { filter?: string } };
    requestBody?: never;
    responses: { 200: { content: { "application/json": { id: string }[] } } };
  };
  revoke: {
    parameters: { path?: never };
    requestBody: { content: { "application/json": { token: string } } };
    responses: { 200: { content?: never } };
  };
}

/** Fast retries by default, so the suite proves the policy without waiting out real backoff. */
export function faultClient(baseUrl: string, options: Partial<ClientOptions> = {}) {
  return createApiClient<FaultOperations, typeof faultOperations>(
    {
      headers: { "user-agent": "@authsignal-ts/fault-suite/0.0.0" },
      servers: { us: baseUrl },
      operations: faultOperations,
      credentials: secretKeyCredentials,
    },
    { apiSecretKey: "sk_fault_suite_secret", baseUrl, initialRetryDelayMs: 1, maxRetryDelayMs: 5, ...options },
  );
}

/** A fetch that counts the attempts the client makes, whether or not the server saw them. */
export function countingFetch() {
  const counter = {
    attempts: 0,
    fetch: ((input, init) => {
      counter.attempts++;
      return fetch(input, init);
    }) as typeof fetch,
  };
  return counter;
}
