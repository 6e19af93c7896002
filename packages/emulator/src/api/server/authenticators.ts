// Authenticators: enrolled as already verified (no OTP is sent; the caller vouches), listed,
// deleted, each change raising an authenticator.* webhook; and the tenant's configured methods.
import type { components, operations as Operations } from "@authsignal-ts/server";
import type { ApiContext } from "../../domain/context.ts";
import type { Frozen } from "../../state/frozen.ts";
import type { StoredUser, UserAuthenticator } from "../../state/server.ts";
import type { Handler } from "../handler.ts";
import { defined, findUser, isoNow, notFound, ok } from "./common.ts";

type Schemas = components["schemas"];
/** The fields of the spec's enrollment requests (email, phone, app, passkey, legacy), each optional. */
type EnrollFields = Partial<
  Pick<Schemas["EnrollEmailAuthenticatorAttributes"], "email" | "isDefault"> &
    Pick<Schemas["EnrollPhoneAuthenticatorAttributes"], "phoneNumber"> &
    Pick<Schemas["EnrollPasskeyAttributes"], "credentialId" | "name">
>;

function webhookData(authenticator: Frozen<UserAuthenticator>): Record<string, unknown> {
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

/** Adds a verified authenticator to the user (created on first sight) and raises authenticator.created. */
export async function addAuthenticator(
  context: ApiContext,
  userId: string,
  fields: Omit<UserAuthenticator, "userId" | "userAuthenticatorId" | "createdAt"> & { userAuthenticatorId?: string },
): Promise<Frozen<UserAuthenticator>> {
  const now = isoNow(context);
  const authenticator = context.store.server.addAuthenticator(
    { userId, userAuthenticatorId: context.randomId(), createdAt: now, verifiedAt: now, ...fields },
    now,
  );
  await context.emit({ type: "authenticator.created", data: webhookData(authenticator) });
  return authenticator;
}

function recoveryCodes(context: ApiContext, user: Frozen<StoredUser> | undefined): string[] | undefined {
  const { tenant } = context.state.management;
  if (
    tenant.disableRecoveryCodes ||
    tenant.skipRecoveryCodesOnProgrammaticEnrollment ||
    (user?.authenticators.length ?? 0) > 0
  ) {
    return undefined;
  }
  return Array.from({ length: 10 }, () => context.randomId().replaceAll("-", "").slice(0, 10));
}

export const enrollVerifiedAuthenticator: Handler<Operations["enrollVerifiedAuthenticator"]> = async (
  request,
  context,
) => {
  const body: EnrollFields = request.body;
  const { userId } = request.path;
  const codes = recoveryCodes(context, findUser(context, userId));
  // The legacy requests name the method by `oobChannel` alone.
  const verificationMethod =
    "verificationMethod" in request.body ? request.body.verificationMethod : request.body.oobChannel;
  const authenticator = await addAuthenticator(
    context,
    userId,
    defined({
      verificationMethod,
      email: body.email,
      phoneNumber: body.phoneNumber,
      ...(verificationMethod === "PASSKEY" && {
        webauthnCredential: { credentialId: body.credentialId ?? "", deviceId: "", name: body.name ?? "Passkey" },
      }),
    }),
  );
  if (body.isDefault) context.store.server.setDefaultVerificationMethod(userId, verificationMethod);
  return ok(defined({ authenticator, recoveryCodes: codes }));
};

/** Batch passkey import: each item enrolled on its own, duplicates of a credential ID reported as failures. */
export const enrollVerifiedAuthenticators: Handler<Operations["enrollVerifiedAuthenticators"]> = async (
  request,
  context,
) => {
  const { authenticators } = request.body;
  const failures: { userId: string; credentialId: string; errorCode: string; errorDescription: string }[] = [];
  for (const item of authenticators) {
    const user = context.store.server.ensureUser(item.userId, isoNow(context));
    if (user.authenticators.some((existing) => existing.webauthnCredential?.credentialId === item.credentialId)) {
      failures.push({
        userId: item.userId,
        credentialId: item.credentialId,
        errorCode: "conflict",
        errorDescription: "The user already has a passkey with this credential ID.",
      });
      continue;
    }
    await addAuthenticator(context, item.userId, {
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
};

export const getAuthenticators: Handler<Operations["getAuthenticators"]> = (request, context) =>
  ok([...(findUser(context, request.path.userId)?.authenticators ?? [])]);

export const deleteAuthenticator: Handler<Operations["deleteAuthenticator"]> = async (request, context) => {
  const { userId, userAuthenticatorId } = request.path;
  // Deleting the last one is allowed, as the API allows it; the user is then not enrolled.
  const removed =
    context.store.server.removeAuthenticator(userId, userAuthenticatorId) ??
    notFound(`No authenticator ${userAuthenticatorId} was found for user ${userId}.`);
  await context.emit({ type: "authenticator.deleted", data: webhookData(removed) });
  return ok({ success: true });
};

const segmentMethods: Record<string, string> = {
  sms: "SMS",
  "email-otp": "EMAIL_OTP",
  passkey: "PASSKEY",
  push: "PUSH",
};

export const getAuthenticatorConfigurations: Handler<Operations["getAuthenticatorConfigurations"]> = (
  _request,
  context,
) => {
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
};
