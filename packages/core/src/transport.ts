// Where requests leave the process, for both the generated methods and the openapi-fetch client.
// It sends a request the request builder made, as it is: each attempt with its own timeout
// joined with the caller's signal, redirects refused, the body read up to maxResponseBytes, and
// failed attempts retried by the policy in retry-policy.ts. A failure without a usable response
// becomes an AuthsignalError here; what a response means is the caller's (response.ts).
import { readBody } from "./body.ts";
import type { ResolvedConfig } from "./config.ts";
import {
  AuthsignalAbortError,
  AuthsignalApiError,
  AuthsignalConnectionError,
  AuthsignalError,
  AuthsignalResponseError,
  AuthsignalTimeoutError,
} from "./errors.ts";
import { redactHeaders } from "./logger.ts";
import type { OutgoingRequest } from "./request-builder.ts";
import type { ResolvedRequestOptions } from "./request-options.ts";
import { isSuccess, type ReceivedResponse } from "./response.ts";
import { type AttemptFailure, isRetryable, mayHaveReachedServer, retryDelayMs } from "./retry-policy.ts";

export interface Transport {
  /**
   * Sends a request with timeouts and retries, resolving to the final response whatever its
   * status; only failures without a response reject.
   */
  send(request: OutgoingRequest, options: ResolvedRequestOptions): Promise<ReceivedResponse>;
  /** The configuration the transport was created with. */
  readonly config: ResolvedConfig;
}

export function createTransport(config: ResolvedConfig): Transport {
  const { fetch: fetchImpl, logger } = config;

  function log(event: string, request: OutgoingRequest, details: Record<string, unknown>) {
    try {
      logger?.debug(`authsignal: ${event}`, { method: request.method, url: request.url, ...details });
    } catch {
      // A failing debug log must not fail the call it describes.
    }
  }

  async function send(
    request: OutgoingRequest,
    { signal, maxRetries, timeoutMs }: ResolvedRequestOptions,
  ): Promise<ReceivedResponse> {
    for (let retry = 0; ; retry++) {
      if (signal?.aborted) throw new AuthsignalAbortError(signal.reason);
      let failure: AttemptFailure;
      try {
        const received = await attempt(request, timeoutMs, signal, retry + 1);
        if (isSuccess(received.status)) return received;
        failure = { kind: "status", status: received.status, headers: received.headers };
        if (retry >= maxRetries || !isRetryable(failure, request.idempotent)) return received;
      } catch (error) {
        // Only a failure without a usable response may be retried: never an abort, a redirect,
        // or a body that was too large or cut short.
        if (!(error instanceof AuthsignalConnectionError)) throw error;
        failure =
          error instanceof AuthsignalTimeoutError
            ? { kind: "timeout" }
            : { kind: "connection", reachedServer: mayHaveReachedServer(error.cause) };
        if (retry >= maxRetries || !isRetryable(failure, request.idempotent)) throw error;
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
    // The attempt's own controller, aborted by its timeout or by the caller's signal.
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

  return { send, config };
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

/** The error's message, with its cause's code (such as ECONNREFUSED) when it has one. */
function messageOf(error: unknown): string {
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === "string" ? `${message} (${code})` : message;
}
