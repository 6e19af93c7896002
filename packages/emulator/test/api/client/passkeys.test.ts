// Passkeys through @authsignal-ts/client against the emulator, with a software authenticator that
// signs as a real one does (scripts/testing/webauthn-authenticator.ts): registration for a tracked
// user, a sign-in with only the tenant ID that finds the user from the credential, and every
// refusal the issue names. A refusal must leave the action to retry with new options.
import { createSoftwareAuthenticator, type Spoilers } from "@authsignal-ts/scripts/testing/webauthn-authenticator";
import { describe, expect, it } from "vitest";
import { clientSetup, refusal } from "./support.ts";

const appOrigin = "http://localhost:5173";

/** A user with a registered passkey, and the authenticator that holds it. */
async function registered(setupOptions: Parameters<typeof clientSetup>[0] = {}) {
  const running = clientSetup(setupOptions);
  const authenticator = createSoftwareAuthenticator(appOrigin);
  const { api } = await running.userApi("usr_1", "enrolPasskey");
  const { options, challengeId } = await api.passkeyRegistrationOptions({ username: "jane@example.com" });
  const added = await api.addPasskeyAuthenticator({
    registrationCredential: authenticator.register(options),
    challengeId,
  });
  return { ...running, authenticator, added };
}

/** A passkey sign-in with the tenant ID alone: challenge, options, the authenticator's answer, verify. */
async function signIn(running: Awaited<ReturnType<typeof registered>>, spoil: Spoilers = {}) {
  const { clientApi, authenticator } = running;
  const { challengeId: signInId } = await clientApi.challenge({ action: "signIn" });
  const { options, challengeId } = await clientApi.passkeyAuthenticationOptions({ challengeId: signInId });
  const authenticationCredential = authenticator.authenticate(options, spoil);
  return {
    challengeId,
    authenticationCredential,
    verify: () => clientApi.verifyPasskey({ authenticationCredential, challengeId }),
  };
}

describe("passkey registration", () => {
  it("verifies the new credential, enrols it as the user's PASSKEY and passes the action", async () => {
    const { server, added, authenticator } = await registered();
    expect(added).toMatchObject({ isVerified: true, userId: "usr_1" });
    const validated = await server.validateChallenge({ token: added.accessToken ?? "", userId: "usr_1" });
    expect(validated).toMatchObject({ isValid: true, action: "enrolPasskey", verificationMethod: "PASSKEY" });
    const [passkey] = await server.getAuthenticators({ userId: "usr_1" });
    expect(passkey).toMatchObject({ verificationMethod: "PASSKEY", userAuthenticatorId: added.userAuthenticatorId });
    expect(passkey?.webauthnCredential?.credentialId).toBe(authenticator.credentials[0]?.id);
  });

  it("hands out options for the tenant's relying party, user and existing credentials", async () => {
    const { userApi, authenticator } = await registered();
    const { api } = await userApi("usr_1", "second", "add:authenticators");
    const { options } = await api.passkeyRegistrationOptions({ username: "jane@example.com" });
    expect(options.rp.id).toBe("localhost");
    expect(Buffer.from(options.user.id, "base64url").toString()).toBe("usr_1");
    expect(options.excludeCredentials?.map((credential) => credential.id)).toEqual([authenticator.credentials[0]?.id]);
    expect(options.authenticatorSelection?.residentKey).toBe("required");
  });

  it.each<[string, Spoilers]>([
    ["another origin", { origin: "https://evil.example" }],
    ["another RP ID", { rpId: "evil.example" }],
    ["no user presence", { userPresent: false }],
    ["the ceremony type of a sign-in", { wrongType: true }],
  ])("refuses a credential with %s, and the action can try again", async (_, spoil) => {
    const { server, userApi } = clientSetup();
    const authenticator = createSoftwareAuthenticator(appOrigin);
    const { api, tracked } = await userApi("usr_1");
    const before = (await server.validateChallenge({ token: tracked.token })).state;
    const first = await api.passkeyRegistrationOptions({});
    const refused = await refusal(
      api.addPasskeyAuthenticator({
        registrationCredential: authenticator.register(first.options, spoil),
        challengeId: first.challengeId,
      }),
    );
    expect(refused).toMatchObject({ statusCode: 400, errorCode: "invalid_credential" });
    expect((await server.validateChallenge({ token: tracked.token })).state).toBe(before);
    const again = await api.passkeyRegistrationOptions({});
    const added = await api.addPasskeyAuthenticator({
      registrationCredential: authenticator.register(again.options),
      challengeId: again.challengeId,
    });
    expect(added.isVerified).toBe(true);
  });
});

describe("a passkey removed through the Server API", () => {
  it("raises authenticator.created when enrolled, and signs in no more once deleted", async () => {
    const posted: { type: string; data: { verificationMethod?: string; credentialId?: string } }[] = [];
    const running = await registered({
      seed: { tenant: { authenticatorEventsWebhookConfig: { url: "https://hooks.example.com/authenticators" } } },
      webhookFetch: async (_input, init) => {
        posted.push(JSON.parse(String(init?.body)));
        return new Response(null, { status: 204 });
      },
    });
    await running.emulator.flushWebhooks();
    expect(posted).toMatchObject([
      {
        type: "authenticator.created",
        data: { verificationMethod: "PASSKEY", credentialId: running.authenticator.credentials[0]?.id },
      },
    ]);
    await running.server.deleteAuthenticator({
      userId: "usr_1",
      userAuthenticatorId: running.added.userAuthenticatorId ?? "",
    });
    expect(await refusal((await signIn(running)).verify())).toMatchObject({ errorCode: "unknown_credential" });
  });
});

describe("passkey sign-in with the tenant ID", () => {
  it("finds the user from the discoverable credential and passes the action the challenge named", async () => {
    const running = await registered();
    const attempt = await signIn(running);
    const verified = await attempt.verify();
    expect(verified).toMatchObject({
      isVerified: true,
      userId: "usr_1",
      userAuthenticatorId: running.added.userAuthenticatorId,
    });
    const validated = await running.server.validateChallenge({ token: verified.accessToken ?? "" });
    expect(validated).toMatchObject({ isValid: true, userId: "usr_1", action: "signIn", state: "CHALLENGE_SUCCEEDED" });
  });

  it("looks the credential up with the tenant ID", async () => {
    const running = await registered();
    const credentialId = running.authenticator.credentials[0]?.id ?? "";
    const found = await running.clientApi.getPasskeyAuthenticator({ credentialIds: ["unknown", credentialId] });
    expect(found.credentialId).toBe(credentialId);
    expect(await refusal(running.clientApi.getPasskeyAuthenticator({ credentialIds: ["unknown"] }))).toMatchObject({
      statusCode: 404,
    });
  });

  it("refuses a replayed challenge", async () => {
    const running = await registered();
    const attempt = await signIn(running);
    expect((await attempt.verify()).isVerified).toBe(true);
    expect(await refusal(attempt.verify())).toMatchObject({ statusCode: 400, errorCode: "invalid_credential" });
  });

  it.each<[string, Spoilers]>([
    ["another origin", { origin: "https://evil.example" }],
    ["another RP ID", { rpId: "evil.example" }],
    ["a bad signature", { badSignature: true }],
    ["no user presence", { userPresent: false }],
    ["a counter that goes back", { counter: 0 }],
    ["a counter that stays put", { counter: 1 }],
    ["the ceremony type of a registration", { wrongType: true }],
  ])("refuses an assertion with %s, and a good one passes after", async (_, spoil) => {
    const running = await registered();
    // One sign-in first, so the counter has somewhere to go back from.
    expect((await (await signIn(running)).verify()).isVerified).toBe(true);
    const refused = await refusal((await signIn(running, spoil)).verify());
    expect(refused).toMatchObject({ statusCode: 400, errorCode: "invalid_credential" });
    expect((await (await signIn(running)).verify()).isVerified).toBe(true);
  });

  it("refuses a missing user verification when the tenant requires it, and takes it when only preferred", async () => {
    const preferred = await registered();
    expect((await (await signIn(preferred, { userVerified: false })).verify()).isVerified).toBe(true);
    const required = await registered();
    await required.management.createPasskeyAuthenticatorConfiguration({
      relyingParty: "localhost",
      expectedOrigins: [appOrigin],
      userVerificationRequirement: "required",
    });
    const refused = await refusal((await signIn(required, { userVerified: false })).verify());
    expect(refused).toMatchObject({ errorCode: "invalid_credential" });
    expect(refused.errorDescription).toMatch(/verif/i);
  });

  it("refuses a credential the tenant does not know", async () => {
    const running = await registered();
    const stranger = createSoftwareAuthenticator(appOrigin);
    const { clientApi } = running;
    const { options, challengeId } = await clientApi.passkeyAuthenticationOptions({});
    stranger.register({
      challenge: "AAAA",
      rp: { id: "localhost", name: "x" },
      user: { id: "dXNy", name: "u", displayName: "u" },
    });
    const refused = await refusal(
      clientApi.verifyPasskey({ authenticationCredential: stranger.authenticate(options), challengeId }),
    );
    expect(refused).toMatchObject({ statusCode: 400, errorCode: "unknown_credential" });
  });
});

describe("passkey sign-in with the token", () => {
  it("allows the user's own credentials and passes the token's action", async () => {
    const running = await registered();
    const { api, tracked } = await running.userApi("usr_1", "pay");
    const { options, challengeId } = await api.passkeyAuthenticationOptions({});
    expect(options.allowCredentials?.map((credential) => credential.id)).toEqual([
      running.authenticator.credentials[0]?.id,
    ]);
    const verified = await api.verifyPasskey({
      authenticationCredential: running.authenticator.authenticate(options),
      challengeId,
    });
    const validated = await running.server.validateChallenge({ token: verified.accessToken ?? "" });
    expect(validated).toMatchObject({ isValid: true, action: "pay", idempotencyKey: tracked.idempotencyKey });
  });
});
