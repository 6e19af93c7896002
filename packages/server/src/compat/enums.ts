// The enums @authsignal/node exports, as values: `VerificationMethod.SMS` is "SMS". Each is a
// frozen object with the official members, and its type is the spec's string union rather than a
// TypeScript `enum`. A real enum is nominal: the strings the API returns would not be assignable
// to it, so `const state: UserActionState = result.state` would fail. With a union, members and
// strings are interchangeable both ways, and an object member keeps its literal type in an object
// literal (`{ verificationMethod: VerificationMethod.SMS }` stays "SMS"). The namespaces give the
// members as types, as an enum does (`UserActionState.ALLOW` in a type position); they emit no code.
// An enum whose union the generated schema declares under the same name is declared here as
// `…Enum` and exported under the official name, so that the bundled declarations keep that name for
// the generated union: they would otherwise rename it (`UserActionState$1`), and hovers of the
// fields that hold it would print the renamed one.
import type { CallConnectChannel, CallState } from "../generated/call-connect/schema.ts";
import type {
  ChallengeScope,
  SmsChannel,
  UserActionState,
  VerificationFailureReason,
  VerificationMethod,
} from "../generated/schema.ts";

const UserActionStateEnum = Object.freeze({
  ALLOW: "ALLOW",
  BLOCK: "BLOCK",
  CHALLENGE_REQUIRED: "CHALLENGE_REQUIRED",
  CHALLENGE_SUCCEEDED: "CHALLENGE_SUCCEEDED",
  CHALLENGE_FAILED: "CHALLENGE_FAILED",
  REVIEW_REQUIRED: "REVIEW_REQUIRED",
  REVIEW_SUCCEEDED: "REVIEW_SUCCEEDED",
  REVIEW_FAILED: "REVIEW_FAILED",
} as const) satisfies Record<string, UserActionState>;
/** The state of a tracked action. */
type UserActionStateEnum = UserActionState;
declare namespace UserActionStateEnum {
  type ALLOW = "ALLOW";
  type BLOCK = "BLOCK";
  type CHALLENGE_REQUIRED = "CHALLENGE_REQUIRED";
  type CHALLENGE_SUCCEEDED = "CHALLENGE_SUCCEEDED";
  type CHALLENGE_FAILED = "CHALLENGE_FAILED";
  type REVIEW_REQUIRED = "REVIEW_REQUIRED";
  type REVIEW_SUCCEEDED = "REVIEW_SUCCEEDED";
  type REVIEW_FAILED = "REVIEW_FAILED";
}

const VerificationMethodEnum = Object.freeze({
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
} as const) satisfies Record<string, VerificationMethod>;
/**
 * A verification method. The spec lists the known ones and leaves the set open, since Authsignal
 * adds methods: a result may carry one this SDK does not know yet.
 */
type VerificationMethodEnum = VerificationMethod;
declare namespace VerificationMethodEnum {
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

const SmsChannelEnum = Object.freeze({
  WHATSAPP: "WHATSAPP",
  DEFAULT: "DEFAULT",
} as const) satisfies Record<string, SmsChannel>;
/** The channel an SMS authenticator sends its codes over. */
type SmsChannelEnum = SmsChannel;
declare namespace SmsChannelEnum {
  type WHATSAPP = "WHATSAPP";
  type DEFAULT = "DEFAULT";
}

const VerificationFailureReasonEnum = Object.freeze({
  CODE_INVALID_OR_EXPIRED: "CODE_INVALID_OR_EXPIRED",
  MAX_ATTEMPTS_EXCEEDED: "MAX_ATTEMPTS_EXCEEDED",
} as const) satisfies Record<string, VerificationFailureReason>;
/** Why `verify` did not verify a code. */
type VerificationFailureReasonEnum = VerificationFailureReason;
declare namespace VerificationFailureReasonEnum {
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
} as const) satisfies Record<string, CallConnectChannel>;
/** How Call Connect sends the caller its link. */
export type CallConnectMessageChannel = CallConnectChannel;
export declare namespace CallConnectMessageChannel {
  type WHATSAPP = "WHATSAPP";
  type SMS = "SMS";
  type EMAIL = "EMAIL";
}

const CallStateEnum = Object.freeze({
  CHALLENGE_SUCCEEDED: "CHALLENGE_SUCCEEDED",
  CHALLENGE_FAILED: "CHALLENGE_FAILED",
} as const) satisfies Record<string, CallState>;
/** How a Call Connect call ended. */
type CallStateEnum = CallState;
declare namespace CallStateEnum {
  type CHALLENGE_SUCCEEDED = "CHALLENGE_SUCCEEDED";
  type CHALLENGE_FAILED = "CHALLENGE_FAILED";
}

export {
  CallStateEnum as CallState,
  SmsChannelEnum as SmsChannel,
  UserActionStateEnum as UserActionState,
  VerificationFailureReasonEnum as VerificationFailureReason,
  VerificationMethodEnum as VerificationMethod,
};
