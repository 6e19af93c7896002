// The one place requests leave the process, for both the generated methods and the openapi-fetch
// client: auth and headers, per-attempt timeouts joined with the caller's signal, retries by the
// policy in retry-policy.ts, and the mapping of every failure to an AuthsignalError.
import { checkRetries, checkTimeout, normalizeHeaders, type ResolvedConfig } from "./config.ts";
import {
  AuthsignalAbortError,
  AuthsignalConnectionError,
  type AuthsignalError,
  AuthsignalResponseError,
  AuthsignalTimeoutError,
  apiErrorFor,
} from "./errors.ts";
import { redactHeaders } from "./logger.ts";
import { isIdempotent, type OperationSpec } from "./operation.ts";
import { buildUrl, type MethodArgument, pickBody } from "./request.ts";
import type { RequestOptions } from "./request-options.ts";
import { type AttemptFailure, isRetryable, mayHaveReachedServer, retryDelayMs } from "./retry-policy.ts";

export interface Transport {
  /** Calls one operation and resolves to its parsed JSON body. */
  call(operation: OperationSpec, args: MethodArgument, options?: RequestOptions): Promise<unknown>;
  /**
   * Sends a request with timeouts and retries, resolving to the final response whatever its
   * status; only failures without a response reject. `headers` must already include auth.
   */
  send(request: OutgoingRequest, idempotent: boolean, options: RequestOptions): Promise<ReceivedResponse>;
  /** The configuration the transport was created with. */
  readonly config: ResolvedConfig;
}

export interface OutgoingRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | ArrayBuffer | undefined;
}

export interface ReceivedResponse {
  status: number;
  statusText: string;
  headers: Headers;
  text: string;
}

export function createTransport(config: ResolvedConfig): Transport {
  const { baseUrl, authorization, fetch: fetchImpl, headers: defaultHeaders, logger } = config;

  async function call(operation: OperationSpec, args: MethodArgument, options: RequestOptions = {}) {
    const url = buildUrl(baseUrl, operation, args);
    let body = pickBody(operation, args);
    const keyField = operation.idempotencyKeyField;
    // One key for every attempt, so the API records the action once however often it is sent.
    if (keyField !== undefined && body !== undefined && body[keyField] == null) {
      body = { ...body, [keyField]: crypto.randomUUID() };
    }
    const headers: Record<string, string> = { ...defaultHeaders };
    if (options.headers !== undefined) Object.assign(headers, normalizeHeaders(options.headers, "options.headers"));
    headers.authorization = authorization;
    if (body !== undefined) headers["content-type"] = "application/json";
    const payload = body === undefined ? undefined : JSON.stringify(body);

    const received = await send(
      { method: operation.method, url, headers, body: payload },
      isIdempotent(operation),
      options,
    );
    const parsed = parseJson(received.text);
    if (received.status >= 300) {
      throw apiErrorFor(received.status, received.headers, parsed.ok ? parsed.value : received.text);
    }
    if (!parsed.ok)
      throw new AuthsignalResponseError(`The ${received.status} response is not valid JSON`, received.status);
    return parsed.value;
  }

  function log(event: string, request: OutgoingRequest, details: Record<string, unknown>) {
    logger?.debug(`authsignal: ${event}`, { method: request.method, url: request.url, ...details });
  }

  async function send(
    request: OutgoingRequest,
    idempotent: boolean,
    options: RequestOptions,
  ): Promise<ReceivedResponse> {
    const maxRetries = checkRetries(options.maxRetries, "options.maxRetries") ?? config.maxRetries;
    const timeoutMs = checkTimeout(options.timeoutMs, "options.timeoutMs") ?? config.timeoutMs;
    const { signal } = options;
    for (let retry = 0; ; retry++) {
      if (signal?.aborted) throw new AuthsignalAbortError(signal.reason);
      let failure: AttemptFailure;
      try {
        const received = await attempt(request, timeoutMs, signal, retry + 1);
        if (received.status < 400) return received;
        failure = { kind: "status", status: received.status, headers: received.headers };
        if (retry >= maxRetries || !isRetryable(failure, idempotent)) return received;
      } catch (caught) {
        const error = caught as AuthsignalError;
        if (error instanceof AuthsignalAbortError) throw error;
        failure =
          error instanceof AuthsignalTimeoutError
            ? { kind: "timeout" }
            : { kind: "connection", reachedServer: mayHaveReachedServer(error.cause) };
        if (retry >= maxRetries || !isRetryable(failure, idempotent)) throw error;
      }
      const delayMs = retryDelayMs(retry + 1, config, failure.kind === "status" ? failure.headers : undefined);
      if (logger)
        log("retrying", request, {
          reason: failure.kind === "status" ? `status ${failure.status}` : failure.kind,
          delayMs,
        });
      await sleep(delayMs, signal);
    }
  }

  async function attempt(
    request: OutgoingRequest,
    timeoutMs: number,
    signal: AbortSignal | undefined,
    attemptNumber: number,
  ): Promise<ReceivedResponse> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = Number.isFinite(timeoutMs)
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeoutMs)
      : undefined;
    const forwardAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener("abort", forwardAbort, { once: true });
    const startedAt = logger ? performance.now() : 0;
    if (logger) log("request", request, { attempt: attemptNumber, headers: redactHeaders(request.headers) });
    try {
      const init: RequestInit = { method: request.method, headers: request.headers, signal: controller.signal };
      if (request.body !== undefined) init.body = request.body;
      const response = await fetchImpl(request.url, init);
      // The timeout also covers the body, so a response that stalls mid-stream still ends.
      const text = await response.text();
      if (logger)
        log("response", request, { status: response.status, durationMs: Math.round(performance.now() - startedAt) });
      return { status: response.status, statusText: response.statusText, headers: response.headers, text };
    } catch (error) {
      if (signal?.aborted) throw new AuthsignalAbortError(signal.reason);
      if (timedOut) throw new AuthsignalTimeoutError(timeoutMs);
      throw new AuthsignalConnectionError(
        `The request to ${new URL(request.url).origin} failed: ${messageOf(error)}`,
        error,
      );
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", forwardAbort);
    }
  }

  return { call, send, config };
}

function sleep(delayMs: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AuthsignalAbortError(signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, delayMs);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
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

/** The error's message, with its cause's code (such as ECONNREFUSED) when it has one. */
function messageOf(error: unknown): string {
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === "string" ? `${message} (${code})` : message;
}
