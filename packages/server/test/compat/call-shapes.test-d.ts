// Code written the way @authsignal/node's users write it: enum members as values, request
// objects built before the call, `instanceof` in catch blocks, the synchronous webhook check. It
// must type-check against the compat entry unchanged, and wrong values must still be refused.
import { describe, expectTypeOf, it } from "vitest";
import {
  AuthScope,
  Authsignal,
  AuthsignalError,
  CallConnect,
  CallConnectMessageChannel,
  CallState,
  SmsChannel,
  type TrackRequest,
  UserActionState,
  VerificationFailureReason,
  VerificationMethod,
  type WebhookEvent,
} from "../../src/compat/index.ts";

declare const secretFromEnv: string | undefined;
declare const rawBody: string;
declare const signatureHeader: string;

describe("code written for @authsignal/node", () => {
  it("type-checks with only the import changed", async () => {
    if (!secretFromEnv) throw new Error("AUTHSIGNAL_SECRET is not set");
    const authsignal = new Authsignal({
      apiSecretKey: secretFromEnv,
      apiUrl: "https://au.api.authsignal.com/v1",
      retries: 3,
    });

    // Request objects built first keep each enum member's literal type.
    const enrolment = {
      userId: "usr_1",
      attributes: { verificationMethod: VerificationMethod.EMAIL_OTP, email: "jane@example.com" },
    };
    await authsignal.enrollVerifiedAuthenticator(enrolment);
    const request: TrackRequest = { userId: "usr_1", action: "signIn", attributes: { ipAddress: "203.0.113.7" } };
    const tracked = await authsignal.track(request);
    if (tracked.state === UserActionState.CHALLENGE_REQUIRED) expectTypeOf(tracked.url).toEqualTypeOf<string>();
    const state: UserActionState = tracked.state;
    expectTypeOf(state).toEqualTypeOf<UserActionState>();
    // The string an enum member stands for is accepted wherever the member is, unlike with a real enum.
    const allowed: UserActionState = "ALLOW";
    await authsignal.updateAction({
      userId: "usr_1",
      action: "signIn",
      idempotencyKey: "i",
      attributes: { state: allowed },
    });
    await authsignal.updateAction({
      userId: "usr_1",
      action: "signIn",
      idempotencyKey: "i",
      attributes: { state: "BLOCK" },
    });

    const validated = await authsignal.validateChallenge({ token: tracked.token });
    expectTypeOf(validated.action).toEqualTypeOf<string | undefined>();
    await authsignal.updateAction({
      userId: "usr_1",
      action: "signIn",
      idempotencyKey: tracked.idempotencyKey,
      attributes: { state: UserActionState.REVIEW_REQUIRED },
    });

    const challenge = await authsignal.challenge({
      verificationMethod: VerificationMethod.SMS,
      action: "signIn",
      phoneNumber: "+6427000000",
      smsChannel: SmsChannel.WHATSAPP,
      scope: AuthScope.addAuthenticators,
    });
    const verified = await authsignal.verify({ challengeId: challenge.challengeId, verificationCode: "123456" });
    if (verified.failureReason === VerificationFailureReason.MAX_ATTEMPTS_EXCEEDED)
      expectTypeOf(verified.isVerified).toEqualTypeOf<boolean>();

    const actions = await authsignal.queryUserActions({
      userId: "usr_1",
      actionCodes: ["signIn"],
      state: UserActionState.ALLOW,
    });
    expectTypeOf(actions[0]?.actionCode).toEqualTypeOf<string | undefined>();
    for (const authenticator of await authsignal.getAuthenticators({ userId: "usr_1" })) {
      if (authenticator.verificationMethod === VerificationMethod.PASSKEY) {
        expectTypeOf(authenticator.webauthnCredential?.parsedUserAgent?.browser?.name).toEqualTypeOf<
          string | undefined
        >();
      }
    }
    expectTypeOf(authsignal.deleteUser({ userId: "usr_1" })).toEqualTypeOf<Promise<void>>();
    expectTypeOf(authsignal.revokeUserSessions({ userId: "usr_1" })).toEqualTypeOf<Promise<void>>();
  });

  it("narrows a caught error to AuthsignalError, with a numeric statusCode", async () => {
    try {
      await new Authsignal({ apiSecretKey: "sk" }).getUser({ userId: "usr_1" });
    } catch (error) {
      if (error instanceof AuthsignalError) {
        expectTypeOf(error.statusCode).toEqualTypeOf<number>();
        expectTypeOf(error.errorCode).toEqualTypeOf<string>();
      }
    }
    const thrown = new AuthsignalError(404, "not_found", "The user does not exist.");
    expectTypeOf(thrown).toExtend<Error>();
  });

  it("verifies a webhook synchronously inside a try block", () => {
    const authsignal = new Authsignal({ apiSecretKey: "sk" });
    try {
      const event = authsignal.webhook.constructEvent(rawBody, signatureHeader, -1);
      expectTypeOf(event).toEqualTypeOf<WebhookEvent>();
      expectTypeOf(event.data.actionCode).toEqualTypeOf<string | undefined>();
      expectTypeOf(authsignal.webhook.constructEvent(rawBody, signatureHeader).version).toEqualTypeOf<number>();
    } catch (error) {
      if (error instanceof Error) expectTypeOf(error.message).toEqualTypeOf<string>();
    }
  });

  it("runs Call Connect with the official enums", async () => {
    const callConnect = new CallConnect({ apiSecretKey: "sk_call" });
    const started = await callConnect.startCall({
      referenceId: "ref_1",
      phoneNumber: "+6427123456",
      channel: CallConnectMessageChannel.SMS,
    });
    expectTypeOf(started.channel).toEqualTypeOf<CallConnectMessageChannel | undefined>();
    await callConnect.finishCall({ referenceId: "ref_1", state: CallState.CHALLENGE_SUCCEEDED });
  });

  it("still refuses what the API refuses", () => {
    const authsignal = new Authsignal({ apiSecretKey: "sk" });
    // @ts-expect-error an action state that does not exist
    void authsignal.updateAction({ userId: "u", action: "a", idempotencyKey: "i", attributes: { state: "DONE" } });
    // @ts-expect-error a verification needs the code
    void authsignal.verify({ challengeId: "c" });
    // @ts-expect-error the official enums have no such member
    void VerificationMethod.FAX;
    void authsignal.enrollVerifiedAuthenticator({
      userId: "u",
      // @ts-expect-error an SMS enrolment needs the phone number it sends to
      attributes: { verificationMethod: VerificationMethod.SMS },
    });
  });
});
