// The error answer every layer may raise: a handler refusing a request, the domain refusing a rule
// over budget, the edge refusing a body. Answered with Authsignal's error body
// `{ error, errorCode, errorDescription }` (both codes, as the live API sends).

/**
 * An error answer. The test-only API's methods throw it too, and `connectEmulator`'s reject with it
 * for an error answer.
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
