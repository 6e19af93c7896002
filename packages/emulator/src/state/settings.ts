// What the emulator decides where the live service's behaviour is unknown (each a documented guess,
// see README "Documented guesses"), plus lifetimes and limits tests want to change.
export type ActionOutcome = "ALLOW" | "BLOCK" | "CHALLENGE" | "REVIEW";

export interface EmulatorSettings {
  /** The outcome of an action code with no action configuration. CHALLENGE, as Authsignal's SDK tests expect. */
  unknownActionOutcome: ActionOutcome;
  /** Track tokens' lifetime when the tenant sets no `tokenDurationInMinutes`. Authsignal's default is 10. */
  tokenLifetimeMinutes: number;
  /** How long an OTP challenge can be verified. */
  otpLifetimeMinutes: number;
  /** Digits in a generated OTP. */
  otpLength: number;
  /** Wrong codes a challenge accepts before it answers MAX_ATTEMPTS_EXCEEDED. */
  maxVerifyAttempts: number;
  /** Fixed OTPs by phone number or email address ("fictional numbers"); every other code is random. */
  fixedCodes: Record<string, string>;
  /** What `allowedVerificationMethods` is when neither the rule, the action nor the tenant's authenticators say. */
  defaultVerificationMethods: string[];
  /** Whether validating the token of an ALLOW action reports `isValid: true` (and lets it create a session). */
  allowStateIsValid: boolean;
  /** Access token lifetime for an app client the seed does not list. */
  accessTokenLifetimeMinutes: number;
  /** Refresh token lifetime for an app client the seed does not list. */
  refreshTokenLifetimeMinutes: number;
  /** Whether createSession accepts a client ID the seed does not list (with the lifetimes above). */
  acceptUnknownClientIds: boolean;
  /** Page size of queryUsers when the request sets no `limit`. */
  defaultQueryLimit: number;
  /** How long a webhook receiver may take before the delivery counts as failed. */
  webhookTimeoutMs: number;
  /**
   * Whether a request body with a field the spec does not know is refused (400 naming it) rather
   * than answered with the field ignored, as the live API does.
   */
  strict: boolean;
  /** How many requests the journal keeps (the oldest dropped first); 0 keeps none. */
  journalLimit: number;
  /**
   * Whether the Client API enrols and verifies authenticator apps. No Management route configures
   * them, so a tenant that configured its methods still has this one unless it is turned off.
   */
  authenticatorAppEnabled: boolean;
}

export const defaultSettings: EmulatorSettings = {
  unknownActionOutcome: "CHALLENGE",
  tokenLifetimeMinutes: 10,
  otpLifetimeMinutes: 10,
  otpLength: 6,
  maxVerifyAttempts: 5,
  fixedCodes: {},
  defaultVerificationMethods: ["SMS", "EMAIL_OTP", "PASSKEY", "AUTHENTICATOR_APP", "WHATSAPP"],
  allowStateIsValid: false,
  accessTokenLifetimeMinutes: 60,
  refreshTokenLifetimeMinutes: 30 * 24 * 60,
  acceptUnknownClientIds: true,
  defaultQueryLimit: 50,
  webhookTimeoutMs: 5_000,
  strict: false,
  journalLimit: 1000,
  authenticatorAppEnabled: true,
};

const outcomes: readonly string[] = ["ALLOW", "BLOCK", "CHALLENGE", "REVIEW"];

const checks: { [K in keyof EmulatorSettings]: (value: unknown) => boolean } = {
  unknownActionOutcome: (value) => typeof value === "string" && outcomes.includes(value),
  tokenLifetimeMinutes: positive,
  otpLifetimeMinutes: positive,
  otpLength: (value) => Number.isInteger(value) && (value as number) >= 2 && (value as number) <= 10,
  maxVerifyAttempts: (value) => Number.isInteger(value) && (value as number) >= 1,
  fixedCodes: (value) =>
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((code) => typeof code === "string" && /^\d{2,10}$/.test(code)),
  defaultVerificationMethods: (value) => Array.isArray(value) && value.every((method) => typeof method === "string"),
  allowStateIsValid: (value) => typeof value === "boolean",
  accessTokenLifetimeMinutes: positive,
  refreshTokenLifetimeMinutes: positive,
  acceptUnknownClientIds: (value) => typeof value === "boolean",
  defaultQueryLimit: (value) => Number.isInteger(value) && (value as number) >= 1,
  webhookTimeoutMs: positive,
  strict: (value) => typeof value === "boolean",
  journalLimit: (value) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 1_000_000,
  authenticatorAppEnabled: (value) => typeof value === "boolean",
};

const expectations: { [K in keyof EmulatorSettings]: string } = {
  unknownActionOutcome: `one of ${outcomes.join(", ")}`,
  tokenLifetimeMinutes: "a number > 0",
  otpLifetimeMinutes: "a number > 0",
  otpLength: "a whole number from 2 to 10",
  maxVerifyAttempts: "a whole number ≥ 1",
  fixedCodes: "an object of phone numbers or emails to codes of 2–10 digits",
  defaultVerificationMethods: "an array of verification methods",
  allowStateIsValid: "a boolean",
  accessTokenLifetimeMinutes: "a number > 0",
  refreshTokenLifetimeMinutes: "a number > 0",
  acceptUnknownClientIds: "a boolean",
  defaultQueryLimit: "a whole number ≥ 1",
  webhookTimeoutMs: "a number > 0",
  strict: "a boolean",
  journalLimit: "a whole number from 0 to 1000000",
  authenticatorAppEnabled: "a boolean",
};

function positive(value: unknown): boolean {
  return typeof value === "number" && Number.isFinite(value) && value > 0;
}

/**
 * Checks a partial settings object, returning the problem with the first bad field (named with
 * `where`) or undefined when all is well.
 */
export function checkSettings(value: unknown, where: string): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return `${where} must be an object`;
  for (const [key, field] of Object.entries(value)) {
    if (!Object.hasOwn(checks, key)) return `${where}.${key} is not a known setting`;
    if (!checks[key as keyof EmulatorSettings](field)) {
      return `${where}.${key} must be ${expectations[key as keyof EmulatorSettings]}`;
    }
  }
  return undefined;
}
