// The contract between the emulator's router and the handlers of each API. The router matches the
// request to an operation of the bundled specs, checks auth and validates the request against the
// spec before a handler runs, so a handler sees only well-formed input.
import type { EmulatorState } from "./state.ts";

/** A request the router has matched to an operation and validated against the spec. */
export interface HandlerInput {
  /** The spec's operationId, such as `track` or `createRule`. */
  operationId: string;
  /** Path parameters, percent-decoded. */
  pathParams: Record<string, string>;
  /** Query parameters: a string, or an array for an array parameter. */
  query: Record<string, string | string[]>;
  /** The parsed JSON body, or undefined when the request has none. */
  body: unknown;
  headers: Headers;
  /** The origin the request was sent to (`http://127.0.0.1:4010`), for URLs the answer carries. */
  origin: string;
}

/** What a handler answers; the router serializes `body` as JSON (none for undefined). */
export interface HandlerResult {
  status: number;
  body?: unknown;
}

/** A webhook event a handler raises; the emulator signs and delivers it to the tenant's URLs. */
export interface WebhookEventInput {
  type: string;
  data: Record<string, unknown>;
}

export interface EmulatorContext {
  /** All state of this emulator instance; handlers mutate it in place. */
  state: EmulatorState;
  /** The emulator's clock in milliseconds since the epoch (advanced by the test-only API). */
  now(): number;
  /** A fresh random UUID. */
  randomId(): string;
  /** Raises a webhook event (delivery is the emulator's job, not the handler's). */
  emit(event: WebhookEventInput): Promise<void>;
}

export type OperationHandler = (
  input: HandlerInput,
  context: EmulatorContext,
) => HandlerResult | Promise<HandlerResult>;

/**
 * An error answer: what a handler throws, answered with Authsignal's error body
 * `{ error, errorCode, errorDescription }` (both codes, as the live API sends). The test-only
 * API's methods throw it too, and `connectEmulator`'s reject with it for an error answer.
 */
export class EmulatorApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly description: string;

  constructor(status: number, code: string, description: string) {
    super(`${status} ${code}: ${description}`);
    this.name = "EmulatorApiError";
    this.status = status;
    this.code = code;
    this.description = description;
  }
}
