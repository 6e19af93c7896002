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
import type { OperationSpec } from "./operation.ts";
import { buildUrl, type MethodArgument, pickBody } from "./request.ts";
import type { RequestOptions } from "./request-options.ts";
import { type AttemptFailure, isRetryable, mayHaveReachedServer, retryDelayMs } from "./retry-policy.ts";

export interface Transport {
  /** Calls one operation and resolves to its parsed JSON body. */
  call(operation: OperationSpec, args: MethodArgument, options?: RequestOptions): Promise<unknown>;
  /** A fetch for openapi-fetch: the same auth, timeouts and retries; HTTP errors stay responses. */
  fetch(request: Request): Promise<Response>;
}

interface OutgoingRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | ArrayBuffer | undefined;
}

interface ReceivedResponse {
  status: number;
  statusText: string;
  headers: Headers;
  text: string;
}

// HTTP's own idempotent methods; a POST through openapi-fetch is never assumed safe to repeat.
const idempotentMethods = new Set(["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE"]);
const nullBodyStatuses = new Set([101, 204, 205, 304]);

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
      operation.idempotent,
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

  async function fetchForOpenapiFetch(request: Request): Promise<Response> {
    const headers: Record<string, string> = { ...defaultHeaders };
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    headers.authorization = authorization;
    // Read once so every attempt can send the same bytes.
    const body = request.body === null ? undefined : await request.arrayBuffer();
    const outgoing = { method: request.method, url: request.url, headers, body };
    const received = await send(outgoing, idempotentMethods.has(request.method), { signal: request.signal });
    const { status, statusText } = received;
    return new Response(nullBodyStatuses.has(status) ? null : received.text, {
      status,
      statusText,
      headers: received.headers,
    });
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
      logger?.debug("authsignal: retrying", {
        method: request.method,
        url: request.url,
        reason: describeFailure(failure),
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
    logger?.debug("authsignal: request", {
      method: request.method,
      url: request.url,
      attempt: attemptNumber,
      headers: redactHeaders(request.headers),
    });
    try {
      const init: RequestInit = { method: request.method, headers: request.headers, signal: controller.signal };
      if (request.body !== undefined) init.body = request.body;
      const response = await fetchImpl(request.url, init);
      // The timeout also covers the body, so a response that stalls mid-stream still ends.
      const text = await response.text();
      logger?.debug("authsignal: response", {
        method: request.method,
        url: request.url,
        status: response.status,
        durationMs: Math.round(performance.now() - startedAt),
      });
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

  return { call, fetch: fetchForOpenapiFetch };
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

function messageOf(error: unknown): string {
  const cause = (error as { cause?: { message?: unknown; code?: unknown } } | null)?.cause;
  const detail = typeof cause?.code === "string" ? cause.code : typeof cause?.message === "string" ? cause.message : "";
  const message = error instanceof Error ? error.message : String(error);
  return detail ? `${message} (${detail})` : message;
}

function describeFailure(failure: AttemptFailure): string {
  return failure.kind === "status" ? `status ${failure.status}` : failure.kind;
}
