// `new CallConnect({ apiSecretKey, apiUrl, retries })` with the official `startCall` and
// `finishCall`, on the same generated Call Connect table and transport as createCallConnectClient.
import { createApiClient, secretKeyCredentials } from "@authsignal-ts/core";
import type { FinishCallRequest, FinishCallResponse, StartCallResponse } from "../generated/call-connect/methods.ts";
import { operationTable, servers } from "../generated/call-connect/operation-table.ts";
import type { operations, StartCallRequest } from "../generated/call-connect/schema.ts";
import { headers } from "../user-agent.ts";
import { maxRetriesFor } from "./authsignal.ts";
import { nativeCaller } from "./errors.ts";
import type { AuthsignalConstructor } from "./types.ts";

export type { FinishCallRequest, FinishCallResponse, StartCallRequest, StartCallResponse };

const definition = { headers, servers, operations: operationTable, credentials: secretKeyCredentials };

/**
 * The Call Connect client of `@authsignal/node` 2.x. Call Connect has its own host (`apiUrl`
 * defaults to `https://us-connect.authsignal.com`) and its own secret key. Both methods reject
 * with `AuthsignalError`.
 */
export class CallConnect {
  /** The Call Connect API's base URL. */
  apiUrl: string;
  readonly #apiSecretKey: string;
  readonly #call;

  constructor({ apiSecretKey, apiUrl, retries }: AuthsignalConstructor) {
    this.apiUrl = apiUrl ?? servers.us;
    this.#apiSecretKey = apiSecretKey;
    const baseUrl = this.apiUrl;
    const maxRetries = maxRetriesFor(retries);
    this.#call = nativeCaller(() =>
      createApiClient<operations, typeof operationTable>(definition, { apiSecretKey, baseUrl, maxRetries }),
    );
  }

  /** The Call Connect secret key. Not an own property, so it stays out of logs of the client. */
  get apiSecretKey(): string {
    return this.#apiSecretKey;
  }

  /** Sends the caller a link to authenticate with, found by phone number or email address. */
  startCall(request: StartCallRequest): Promise<StartCallResponse> {
    return this.#call((api) => api.startCall(request));
  }

  /** Records how the call ended. */
  finishCall(request: FinishCallRequest): Promise<FinishCallResponse> {
    return this.#call((api) => api.finishCall(request));
  }
}
