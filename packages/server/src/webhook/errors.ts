import { AuthsignalError, errorClassBrand } from "@authsignal-ts/core";

/** Why a webhook request was rejected. */
export type WebhookErrorCode =
  /** The X-Signature-V2 header is missing, empty, or lacks a numeric `t` or a `v2` signature. */
  | "invalid_signature_header"
  /** The signature's timestamp is further from now than the tolerance, in either direction. */
  | "timestamp_outside_tolerance"
  /** No `v2` signature matches the body: it was altered, or signed with another key. */
  | "signature_mismatch"
  /** The signature is valid but the body is not the JSON event (or log batch) that was asked for. */
  | "invalid_payload";

/**
 * A webhook request failed verification, so it must not be trusted; answer it with a 4xx. No
 * request was sent to Authsignal, so there is no `statusCode`.
 */
export class AuthsignalWebhookError extends AuthsignalError {
  static override readonly [errorClassBrand]: string = "AuthsignalWebhookError";
  declare readonly statusCode: undefined;
  declare readonly errorCode: WebhookErrorCode;
  declare readonly errorDescription: string;

  constructor(errorCode: WebhookErrorCode, errorDescription: string) {
    super(`${errorCode}: ${errorDescription}`, { errorCode, errorDescription });
  }
}
