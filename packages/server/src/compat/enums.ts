// The enums @authsignal/node exports, as values: `VerificationMethod.SMS` is "SMS". Each is a
// frozen object with the official members, and its type is the spec's string union rather than a
// TypeScript `enum`. A real enum is nominal: the strings the API returns would not be assignable
// to it, so `const state: UserActionState = result.state` would fail. With a union, members and
// strings are interchangeable both ways, and an object member keeps its literal type in an object
// literal (`{ verificationMethod: VerificationMethod.SMS }` stays "SMS"). The namespaces give the
// members as types, as an enum does (`UserActionState.ALLOW` in a type position); they emit no code.
import type {
  CallConnectChannel as CallConnectChannelUnion,
  CallState as CallStateUnion,
} from "../generated/call-connect/schema.ts";
import type {
  ChallengeScope,
  SmsChannel as SmsChannelUnion,
  UserActionState as UserActionStateUnion,
  VerificationFailureReason as VerificationFailureReasonUnion,
  VerificationMethod as VerificationMethodUnion,
} from "../generated/schema.ts";

export const UserActionState = Object.freeze({
  ALLOW: "ALLOW",
  BLOCK: "BLOCK",
  CHALLENGE_REQUIRED: "CHALLENGE_REQUIRED",
  CHALLENGE_SUCCEEDED: "CHALLENGE_SUCCEEDED",
  CHALLENGE_FAILED: "CHALLENGE_FAILED",
  REVIEW_REQUIRED: "REVIEW_REQUIRED",
  REVIEW_SUCCEEDED: "REVIEW_SUCCEEDED",
  REVIEW_FAILED: "REVIEW_FAILED",
} as const) satisfies Record<string, UserActionStateUnion>;
/** The state of a tracked action. */
export type UserActionState = UserActionStateUnion;
export declare namespace UserActionState {
  type ALLOW = "ALLOW";
  type BLOCK = "BLOCK";
  type CHALLENGE_REQUIRED = "CHALLENGE_REQUIRED";
  type CHALLENGE_SUCCEEDED = "CHALLENGE_SUCCEEDED";
  type CHALLENGE_FAILED = "CHALLENGE_FAILED";
  type REVIEW_REQUIRED = "REVIEW_REQUIRED";
  type REVIEW_SUCCEEDED = "REVIEW_SUCCEEDED";
  type REVIEW_FAILED = "REVIEW_FAILED";
}

export const VerificationMethod = Object.freeze({
  SMS: "SMS",
  EMAIL_OTP: "EMAIL_OTP",
  EMAIL_MAGIC_LINK: "EMAIL_MAGIC_LINK",
  AUTHENTICATOR_APP: "AUTHENTICATOR_APP",
  PASSKEY: "PASSKEY",
  SECURITY_KEY: "SECURITY_KEY",
  PUSH: "PUSH",
  VERIFF: "VERIFF",
  IPROOV: "IPROOV",
  IDVERSE: "IDVERSE",
  PALM_BIOMETRICS_RR: "PALM_BIOMETRICS_RR",
  RECOVERY_CODE: "RECOVERY_CODE",
  DEVICE: "DEVICE",
  WHATSAPP: "WHATSAPP",
} as const) satisfies Record<string, VerificationMethodUnion>;
/**
 * A verification method. The spec lists the known ones and leaves the set open, since Authsignal
 * adds methods: a result may carry one this SDK does not know yet.
 */
export type VerificationMethod = VerificationMethodUnion;
export declare namespace VerificationMethod {
  type SMS = "SMS";
  type EMAIL_OTP = "EMAIL_OTP";
  type EMAIL_MAGIC_LINK = "EMAIL_MAGIC_LINK";
  type AUTHENTICATOR_APP = "AUTHENTICATOR_APP";
  type PASSKEY = "PASSKEY";
  type SECURITY_KEY = "SECURITY_KEY";
  type PUSH = "PUSH";
  type VERIFF = "VERIFF";
  type IPROOV = "IPROOV";
  type IDVERSE = "IDVERSE";
  type PALM_BIOMETRICS_RR = "PALM_BIOMETRICS_RR";
  type RECOVERY_CODE = "RECOVERY_CODE";
  type DEVICE = "DEVICE";
  type WHATSAPP = "WHATSAPP";
}

export const SmsChannel = Object.freeze({
  WHATSAPP: "WHATSAPP",
  DEFAULT: "DEFAULT",
} as const) satisfies Record<string, SmsChannelUnion>;
/** The channel an SMS authenticator sends its codes over. */
export type SmsChannel = SmsChannelUnion;
export declare namespace SmsChannel {
  type WHATSAPP = "WHATSAPP";
  type DEFAULT = "DEFAULT";
}

export const VerificationFailureReason = Object.freeze({
  CODE_INVALID_OR_EXPIRED: "CODE_INVALID_OR_EXPIRED",
  MAX_ATTEMPTS_EXCEEDED: "MAX_ATTEMPTS_EXCEEDED",
} as const) satisfies Record<string, VerificationFailureReasonUnion>;
/** Why `verify` did not verify a code. */
export type VerificationFailureReason = VerificationFailureReasonUnion;
export declare namespace VerificationFailureReason {
  type CODE_INVALID_OR_EXPIRED = "CODE_INVALID_OR_EXPIRED";
  type MAX_ATTEMPTS_EXCEEDED = "MAX_ATTEMPTS_EXCEEDED";
}

export const AuthScope = Object.freeze({
  readAuthenticators: "read:authenticators",
  addAuthenticators: "add:authenticators",
  removeAuthenticators: "remove:authenticators",
  updateAuthenticators: "update:authenticators",
} as const) satisfies Record<string, ChallengeScope>;
/** What a challenge's token allows on the user's authenticators. The spec also allows `"add:authenticators update:authenticators"`. */
export type AuthScope = ChallengeScope;
export declare namespace AuthScope {
  type readAuthenticators = "read:authenticators";
  type addAuthenticators = "add:authenticators";
  type removeAuthenticators = "remove:authenticators";
  type updateAuthenticators = "update:authenticators";
}

export const CallConnectMessageChannel = Object.freeze({
  WHATSAPP: "WHATSAPP",
  SMS: "SMS",
  EMAIL: "EMAIL",
} as const) satisfies Record<string, CallConnectChannelUnion>;
/** How Call Connect sends the caller its link. */
export type CallConnectMessageChannel = CallConnectChannelUnion;
export declare namespace CallConnectMessageChannel {
  type WHATSAPP = "WHATSAPP";
  type SMS = "SMS";
  type EMAIL = "EMAIL";
}

export const CallState = Object.freeze({
  CHALLENGE_SUCCEEDED: "CHALLENGE_SUCCEEDED",
  CHALLENGE_FAILED: "CHALLENGE_FAILED",
} as const) satisfies Record<string, CallStateUnion>;
/** How a Call Connect call ended. */
export type CallState = CallStateUnion;
export declare namespace CallState {
  type CHALLENGE_SUCCEEDED = "CHALLENGE_SUCCEEDED";
  type CHALLENGE_FAILED = "CHALLENGE_FAILED";
}
