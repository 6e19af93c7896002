// The one place requests leave the process: auth, headers, JSON and error mapping for both the
// generated methods and the openapi-fetch client.
import { normalizeHeaders, type ResolvedConfig } from "./config.ts";
import { AuthsignalApiError, AuthsignalError } from "./errors.ts";
import type { OperationSpec } from "./operation.ts";
import { buildUrl, type MethodArgument, pickBody } from "./request.ts";
import type { RequestOptions } from "./request-options.ts";

export interface Transport {
  /** Calls one operation and resolves to its parsed JSON body. */
  call(operation: OperationSpec, args: MethodArgument, options?: RequestOptions): Promise<unknown>;
  /** A fetch for openapi-fetch: adds the same auth and headers, leaves the response alone. */
  fetch(request: Request): Promise<Response>;
}

export function createTransport(config: ResolvedConfig): Transport {
  const { baseUrl, authorization, fetch: fetchImpl, headers: defaultHeaders } = config;

  async function call(operation: OperationSpec, args: MethodArgument, options: RequestOptions = {}) {
    const url = buildUrl(baseUrl, operation, args);
    const body = pickBody(operation, args);
    const headers: Record<string, string> = {
      ...defaultHeaders,
      ...normalizeHeaders(options.headers, "options.headers"),
      authorization,
    };
    if (body !== undefined) headers["content-type"] = "application/json";
    const init: RequestInit = { method: operation.method, headers };
    if (body !== undefined) init.body = JSON.stringify(body);
    if (options.signal) init.signal = options.signal;

    const response = await fetchImpl(url, init);
    const text = await response.text();
    const parsed = parseJson(text);
    if (!response.ok) throw new AuthsignalApiError(response.status, response.headers, parsed.ok ? parsed.value : text);
    if (!parsed.ok) {
      throw new AuthsignalError(`${response.status} response body is not JSON`, {
        statusCode: response.status,
        errorCode: "invalid_response",
      });
    }
    return parsed.value;
  }

  function fetchWithAuth(request: Request): Promise<Response> {
    for (const [name, value] of Object.entries(defaultHeaders)) {
      if (!request.headers.has(name)) request.headers.set(name, value);
    }
    request.headers.set("authorization", authorization);
    return fetchImpl(request);
  }

  return { call, fetch: fetchWithAuth };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  // An empty body is a success with no content (204, or a 200 the API left empty).
  if (text === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
