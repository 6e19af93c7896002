// The one place requests leave the process, for both the generated methods and the openapi-fetch
// client: auth and headers, per-attempt timeouts joined with the caller's signal, retries by the
// policy in retry-policy.ts, and the mapping of every failure to an AuthsignalError.
import { readBody } from "./body.ts";
import { checkRetries, checkTimeout, normalizeHeaders, type ResolvedConfig } from "./config.ts";
import {
  AuthsignalAbortError,
  AuthsignalApiError,
  AuthsignalConnectionError,
  AuthsignalError,
  AuthsignalResponseError,
  AuthsignalTimeoutError,
  AuthsignalValidationError,
  apiErrorFor,
} from "./errors.ts";
import { redactHeaders } from "./logger.ts";
import { bodySource, isIdempotent, type OperationSpec } from "./operation.ts";
import { buildUrl, describe, type MethodArgument, pickBody, serializeBody } from "./request.ts";
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

  async function call(operation: OperationSpec, args: MethodArgument, requestOptions?: RequestOptions) {
    // Any object, or nothing; a string or number has no options to read.
    const options: RequestOptions = requestOptions ?? {};
    checkSignal(options);
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
    const payload =
      body === undefined ? undefined : serializeBody(body, bodySource(operation) === "attributes" ? "attributes" : "");

    const received = await send(
      { method: operation.method, url, headers, body: payload },
      isIdempotent(operation),
      options,
    );
    const { status, text } = received;
    const parsed = parseJson(text);
    if (status >= 300) throw apiErrorFor(status, received.headers, parsed.ok ? parsed.value : text);
    if (operation.result === "none") return undefined;
    if (!parsed.ok) throw new AuthsignalResponseError(`The ${status} response is not valid JSON`, status);
    // The result is typed from the spec, so it must at least be of the type the spec gives it.
    const expected = operation.result === "array" ? "an array" : "an object";
    const actual = parsed.value === undefined ? "empty" : describe(parsed.value);
    if (actual !== expected)
      throw new AuthsignalResponseError(`The ${status} response is ${actual}, not ${expected}`, status);
    return parsed.value;
  }

  function log(event: string, request: OutgoingRequest, details: Record<string, unknown>) {
    try {
      logger?.debug(`authsignal: ${event}`, { method: request.method, url: request.url, ...details });
    } catch {
      // A failing debug log must not fail the call it describes.
    }
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
      } catch (error) {
        // Only a failure without a usable response may be retried: never an abort, a redirect,
        // or a body that was too large or cut short.
        if (!(error instanceof AuthsignalConnectionError)) throw error;
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
    let response: Response | undefined;
    try {
      // Redirects are not followed: the body and the secret must never go to another origin.
      const init: RequestInit = {
        method: request.method,
        headers: request.headers,
        signal: controller.signal,
        redirect: "manual",
      };
      if (request.body !== undefined) init.body = request.body;
      response = await fetchImpl(request.url, init);
      const { status } = response;
      // A caller's own fetch may follow redirects anyway (`redirected`); a browser hides them
      // (an opaque redirect, status 0). Either way the response is not the API's answer.
      if ((status >= 300 && status < 400) || !status || response.redirected) {
        response.body?.cancel().catch(() => {});
        throw redirectError(request.url, response);
      }
      // The timeout also covers the body, so a response that stalls mid-stream still ends.
      const text = await readBody(response, config.maxResponseBytes);
      if (logger) log("response", request, { status, durationMs: Math.round(performance.now() - startedAt) });
      return { status, statusText: response.statusText, headers: response.headers, text };
    } catch (error) {
      if (signal?.aborted) throw new AuthsignalAbortError(signal.reason);
      if (timedOut) throw new AuthsignalTimeoutError(timeoutMs);
      if (error instanceof AuthsignalError) throw error;
      // The status arrived, so the API acted on the request: a body cut short is its answer
      // broken, not a connection that never delivered it.
      if (response)
        throw new AuthsignalResponseError(
          `The ${response.status} response was cut short: ${messageOf(error)}`,
          response.status,
          "truncated_response",
        );
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

/** The error for a redirect, naming only the target's origin (its path may carry tokens). */
function redirectError(requestUrl: string, response: Response): AuthsignalApiError {
  const location = response.redirected ? response.url : response.headers.get("location");
  const target = location && URL.canParse(location, requestUrl) ? new URL(location, requestUrl).origin : "elsewhere";
  return new AuthsignalApiError(response.status, response.headers, {
    error: "redirect_not_followed",
    errorDescription: `Refused to follow a redirect to ${target}`,
  });
}

/** A `signal` that is not an AbortSignal would fail deep in fetch, after a retry or two. */
function checkSignal({ signal }: RequestOptions) {
  if (signal !== undefined && typeof signal?.addEventListener !== "function")
    throw new AuthsignalValidationError("options.signal", "expected an AbortSignal");
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
