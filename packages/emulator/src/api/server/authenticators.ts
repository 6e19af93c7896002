// Authenticators: enrolled as already verified (no OTP is sent; the caller vouches), listed,
// deleted, each change raising an authenticator.* webhook; and the tenant's configured methods.
import type { components } from "@authsignal-ts/server";
import type { EmulatorContext } from "../../domain/context.ts";
import type { StoredUser, UserAuthenticator } from "../../state/server.ts";
import type { HandlerInput, HandlerResult } from "../handler.ts";
import { bodyOf, defined, findUser, isoNow, notFound, ok, param, upsertUser } from "./common.ts";

type Schemas = components["schemas"];
type EnrollBody = {
  verificationMethod?: string;
  oobChannel?: string;
  email?: string;
  phoneNumber?: string;
  isDefault?: boolean;
  otpUri?: string;
  credentialId?: string;
  credentialPublicKey?: string;
  name?: string;
};

function webhookData(authenticator: UserAuthenticator): Record<string, unknown> {
  return defined({
    userId: authenticator.userId,
    verificationMethod: authenticator.verificationMethod,
    userAuthenticatorId: authenticator.userAuthenticatorId,
    createdAt: authenticator.createdAt,
    email: authenticator.email,
    phoneNumber: authenticator.phoneNumber,
    credentialId: authenticator.webauthnCredential?.credentialId,
    credentialName: authenticator.webauthnCredential?.name,
  });
}

/** Adds a verified authenticator to the user and raises authenticator.created. */
export async function addAuthenticator(
  context: EmulatorContext,
  user: StoredUser,
  fields: Partial<UserAuthenticator> & { verificationMethod: string },
): Promise<UserAuthenticator> {
  const now = isoNow(context);
  const authenticator: UserAuthenticator = {
    userId: user.userId,
    userAuthenticatorId: context.randomId(),
    createdAt: now,
    verifiedAt: now,
    ...fields,
  };
  user.authenticators.push(authenticator);
  await context.emit({ type: "authenticator.created", data: webhookData(authenticator) });
  return authenticator;
}

function recoveryCodes(context: EmulatorContext, user: StoredUser): string[] | undefined {
  const { tenant } = context.state.management;
  if (
    tenant.disableRecoveryCodes ||
    tenant.skipRecoveryCodesOnProgrammaticEnrollment ||
    user.authenticators.length > 0
  ) {
    return undefined;
  }
  return Array.from({ length: 10 }, () => context.randomId().replaceAll("-", "").slice(0, 10));
}

export async function enrollVerifiedAuthenticator(
  input: HandlerInput,
  context: EmulatorContext,
): Promise<HandlerResult> {
  const body = bodyOf<EnrollBody>(input);
  const user = upsertUser(context, param(input, "userId"));
  const codes = recoveryCodes(context, user);
  const verificationMethod = (body.verificationMethod ?? body.oobChannel) as string;
  const authenticator = await addAuthenticator(
    context,
    user,
    defined({
      verificationMethod,
      email: body.email,
      phoneNumber: body.phoneNumber,
      ...(verificationMethod === "PASSKEY" && {
        webauthnCredential: { credentialId: body.credentialId as string, deviceId: "", name: body.name ?? "Passkey" },
      }),
    }),
  );
  if (body.isDefault) user.defaultVerificationMethod = verificationMethod;
  return ok(defined({ authenticator, recoveryCodes: codes }));
}

/** Batch passkey import: each item enrolled on its own, duplicates of a credential ID reported as failures. */
export async function enrollVerifiedAuthenticators(
  input: HandlerInput,
  context: EmulatorContext,
): Promise<HandlerResult> {
  const { authenticators } = bodyOf<Schemas["EnrollVerifiedAuthenticatorsRequest"]>(input);
  const failures: { userId: string; credentialId: string; errorCode: string; errorDescription: string }[] = [];
  for (const item of authenticators) {
    const user = upsertUser(context, item.userId);
    if (user.authenticators.some((existing) => existing.webauthnCredential?.credentialId === item.credentialId)) {
      failures.push({
        userId: item.userId,
        credentialId: item.credentialId,
        errorCode: "conflict",
        errorDescription: "The user already has a passkey with this credential ID.",
      });
      continue;
    }
    await addAuthenticator(context, user, {
      verificationMethod: "PASSKEY",
      webauthnCredential: {
        credentialId: item.credentialId,
        deviceId: "",
        name: item.name ?? "Passkey",
        ...defined({ aaguid: item.aaguid }),
      },
    });
  }
  return ok({
    total: authenticators.length,
    succeeded: authenticators.length - failures.length,
    failed: failures.length,
    failures,
  });
}

export function getAuthenticators(input: HandlerInput, context: EmulatorContext): HandlerResult {
  return ok(findUser(context, param(input, "userId"))?.authenticators ?? []);
}

export async function deleteAuthenticator(input: HandlerInput, context: EmulatorContext): Promise<HandlerResult> {
  const user = findUser(context, param(input, "userId"));
  const id = param(input, "userAuthenticatorId");
  const index = user?.authenticators.findIndex((authenticator) => authenticator.userAuthenticatorId === id) ?? -1;
  // Deleting the last one is allowed, as the API allows it; the user is then not enrolled.
  if (!user || index === -1) notFound(`No authenticator ${id} was found for user ${param(input, "userId")}.`);
  const [removed] = user.authenticators.splice(index, 1);
  await context.emit({ type: "authenticator.deleted", data: webhookData(removed as UserAuthenticator) });
  return ok({ success: true });
}

const segmentMethods: Record<string, string> = {
  sms: "SMS",
  "email-otp": "EMAIL_OTP",
  passkey: "PASSKEY",
  push: "PUSH",
};

export function getAuthenticatorConfigurations(_input: HandlerInput, context: EmulatorContext): HandlerResult {
  const configurations = Object.entries(context.state.management.authenticatorConfigurations ?? {}).map(
    ([segment, config]) => {
      const stored = (config ?? {}) as { authenticatorId?: string; verificationMethod?: string; isActive?: boolean };
      return {
        authenticatorId: stored.authenticatorId ?? segment,
        verificationMethod: stored.verificationMethod ?? segmentMethods[segment] ?? segment.toUpperCase(),
        isActive: stored.isActive ?? true,
      };
    },
  );
  return ok(configurations);
}
