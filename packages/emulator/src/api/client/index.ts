// Every Client API operation the emulator answers, by the spec's operationId; the `/web` routes the
// web SDK calls with cookies answer as the routes they are aliases of (`x-alias-of`).
import type { operations as Operations } from "@authsignal-ts/client";
import type { ErasedHandler, Handler } from "../handler.ts";
import { enrollTotp, verifyTotp } from "./authenticator-app.ts";
import { getAuthenticators } from "./authenticators.ts";
import {
  challengeEmailOtp,
  challengeSms,
  challengeWhatsapp,
  enrollEmailOtp,
  enrollSms,
  verifyEmailOtp,
  verifySms,
  verifyWhatsapp,
} from "./codes.ts";
import {
  addPasskeyAuthenticator,
  challenge,
  getPasskeyAuthenticator,
  passkeyAuthenticationOptions,
  passkeyRegistrationOptions,
  verifyPasskey,
} from "./passkeys.ts";
import {
  challengeEmailMagicLink,
  challengePush,
  enrollEmailMagicLink,
  finalizeEmailMagicLink,
  verifyPush,
} from "./push-and-magic-link.ts";

const handlers = {
  challenge,
  challengeWeb: challenge,
  passkeyRegistrationOptions,
  passkeyRegistrationOptionsWeb: passkeyRegistrationOptions,
  addPasskeyAuthenticator,
  getPasskeyAuthenticator,
  passkeyAuthenticationOptions,
  passkeyAuthenticationOptionsWeb: passkeyAuthenticationOptions,
  verifyPasskey,
  getAuthenticators,
  enrollEmailOtp,
  challengeEmailOtp,
  verifyEmailOtp,
  enrollSms,
  challengeSms,
  verifySms,
  challengeWhatsapp,
  verifyWhatsapp,
  enrollTotp,
  verifyTotp,
  challengePush,
  verifyPush,
  enrollEmailMagicLink,
  challengeEmailMagicLink,
  finalizeEmailMagicLink,
} satisfies { [Id in keyof Operations]: Handler<Operations[Id]> };

export const clientHandlers: Record<string, ErasedHandler> = handlers;
