// Every Client API operation, driven by @authsignal-ts/client through `prism proxy --errors` in
// front of the emulator, over the flows a user's app runs (codes, an authenticator app, passkeys
// with a software authenticator, push, magic links) and their refusals: Prism checks each request
// and each of the emulator's answers against the bundled Client API spec, and finds nothing.

import { appCode } from "@authsignal-ts/scripts/testing/authenticator-app";
import { createSoftwareAuthenticator } from "@authsignal-ts/scripts/testing/webauthn-authenticator";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { emulatorThroughPrism, type ThroughPrism } from "./support.ts";

const email = "jane@example.com";
const phoneNumber = "+64211234567";

let prism: ThroughPrism;

beforeAll(async () => {
  prism = await emulatorThroughPrism({
    apis: ["server", "client"],
    seed: {
      settings: { fixedCodes: { [phoneNumber]: "123456", [email]: "654321" } },
      users: [{ userId: "usr_push", authenticators: [{ verificationMethod: "PUSH" }] }],
    } as never,
  });
});

afterAll(async () => {
  await prism?.stop();
});

afterEach(() => {
  expect(prism.harness.takeFindings()).toEqual([]);
});

/** The test-only API, past Prism, as a test steers the emulator. */
const steer = (method: string, path: string) =>
  fetch(`${prism.harness.url}/_emulator/v1${path}`, { method }).then((response) => {
    expect(response.status).toBe(200);
  });

async function userApi(userId: string, action: string, scope?: string) {
  const tracked = await prism.server.track({ userId, action, attributes: scope ? { scope } : {} });
  return { api: prism.clientApi.withToken(tracked.token), token: tracked.token };
}

describe("the Client API through prism proxy --errors", () => {
  it("answers every operation of the flows a user's app runs within the spec", async () => {
    const { clientApi, answered } = prism;
    const add = "read:authenticators add:authenticators";

    // Email OTP, enrolled then challenged; a wrong code first.
    const first = await userApi("usr_1", "signUp");
    await first.api.enrollEmailOtp({ email });
    expect((await first.api.verifyEmailOtp({ verificationCode: "000000" })).isVerified).toBe(false);
    expect((await first.api.verifyEmailOtp({ verificationCode: "654321" })).isVerified).toBe(true);
    const emailAgain = await userApi("usr_1", "signIn");
    await emailAgain.api.challengeEmailOtp();
    expect((await emailAgain.api.verifyEmailOtp({ verificationCode: "654321" })).isVerified).toBe(true);

    // SMS and WhatsApp.
    const sms = await userApi("usr_1", "addPhone", add);
    await sms.api.enrollSms({ phoneNumber });
    expect((await sms.api.verifySms({ verificationCode: "123456" })).isVerified).toBe(true);
    await sms.api.challengeSms();
    await sms.api.challengeWhatsapp();
    expect((await sms.api.verifyWhatsapp({ verificationCode: "123456" })).isVerified).toBe(true);
    const smsAgain = await userApi("usr_1", "pay");
    await smsAgain.api.challengeSms({ smsChannel: "DEFAULT" });
    expect((await smsAgain.api.verifySms({ verificationCode: "123456" })).isVerified).toBe(true);

    // An authenticator app.
    const app = await userApi("usr_1", "addApp", add);
    const { secret } = await app.api.enrollTotp();
    expect((await app.api.verifyTotp({ verificationCode: appCode(secret, Date.now()) })).isVerified).toBe(true);

    // A passkey: registered through the plain route and the /web one, then signed in with.
    const authenticator = createSoftwareAuthenticator("http://localhost:5173");
    const passkey = await userApi("usr_1", "addPasskey", add);
    const web = prism.clientApiFetch(passkey.token);
    const { data: webOptions } = await web.POST("/user-authenticators/passkey/registration-options/web", { body: {} });
    expect(webOptions?.options.challenge).toBeTruthy();
    const registration = await passkey.api.passkeyRegistrationOptions({ username: email });
    const added = await passkey.api.addPasskeyAuthenticator({
      registrationCredential: authenticator.register(registration.options),
      challengeId: registration.challengeId,
    });
    expect(added.isVerified).toBe(true);
    const credentialId = authenticator.credentials[0]?.id ?? "";
    expect((await clientApi.getPasskeyAuthenticator({ credentialIds: [credentialId] })).credentialId).toBe(
      credentialId,
    );
    const tenantWeb = prism.clientApiFetch();
    const { data: signIn } = await tenantWeb.POST("/challenge/web", { body: { action: "signIn" } });
    const { data: authentication } = await tenantWeb.POST("/user-authenticators/passkey/authentication-options/web", {
      body: { challengeId: signIn?.challengeId ?? "" },
    });
    const verified = await clientApi.verifyPasskey({
      authenticationCredential: authenticator.authenticate(authentication?.options ?? { challenge: "" }),
      challengeId: authentication?.challengeId ?? "",
    });
    expect(verified).toMatchObject({ isVerified: true, userId: "usr_1" });
    const { challengeId } = await clientApi.challenge({ action: "signIn" });
    const options = await clientApi.passkeyAuthenticationOptions({ challengeId });
    const again = await clientApi.verifyPasskey({
      authenticationCredential: authenticator.authenticate(options.options),
      challengeId: options.challengeId,
    });
    expect(again.isVerified).toBe(true);

    // The user's authenticators, with the token and with the tenant ID alone.
    expect((await passkey.api.getAuthenticators()).map((item) => item.verificationMethod).sort()).toEqual([
      "AUTHENTICATOR_APP",
      "EMAIL_OTP",
      "PASSKEY",
      "SMS",
    ]);
    expect(await clientApi.getAuthenticators()).toEqual([]);

    // Push, approved on the "phone".
    const push = await userApi("usr_push", "signIn");
    const pushed = await push.api.challengePush({ action: "signIn" });
    expect((await push.api.verifyPush({ challengeId: pushed.challengeId })).isConsumed).toBe(false);
    await steer("POST", `/push/${pushed.challengeId}/approve`);
    expect((await push.api.verifyPush({ challengeId: pushed.challengeId })).isVerified).toBe(true);

    // An email magic link, enrolled then challenged, each opened by the "click".
    const link = await userApi("usr_link", "signUp");
    const enrolled = await link.api.enrollEmailMagicLink({ email: "link@example.com" });
    expect((await link.api.finalizeEmailMagicLink()).isVerified).toBe(false);
    await steer("GET", `/magic-links/${enrolled.challengeId}`);
    expect((await link.api.finalizeEmailMagicLink({})).isVerified).toBe(true);
    const linkAgain = await userApi("usr_link", "signIn");
    const sent = await linkAgain.api.challengeEmailMagicLink();
    await steer("GET", `/magic-links/${sent.challengeId}`);
    expect((await linkAgain.api.finalizeEmailMagicLink({ challengeId: sent.challengeId })).isVerified).toBe(true);

    const spec = await import("@authsignal-ts/client/openapi.json", { with: { type: "json" } });
    const operations = Object.entries(spec.default.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    // Prism serves the spec's paths without the API's base path.
    expect(operations.filter((operation) => !answered.has(operation))).toEqual([]);
  });

  it("answers its refusals within the spec: a wrong credential, an unknown passkey, a bad token", async () => {
    const { clientApi } = prism;
    const refused = async (call: Promise<unknown>) =>
      (await call.then(
        () => undefined,
        (error: unknown) => error,
      )) as { statusCode: number; errorCode: string };
    const authenticator = createSoftwareAuthenticator("https://evil.example");
    const { api } = await userApi("usr_2", "addPasskey");
    const registration = await api.passkeyRegistrationOptions({});
    expect(
      await refused(
        api.addPasskeyAuthenticator({
          registrationCredential: authenticator.register(registration.options, { origin: "https://evil.example" }),
          challengeId: registration.challengeId,
        }),
      ),
    ).toMatchObject({ statusCode: 400, errorCode: "invalid_credential" });
    expect(await refused(clientApi.getPasskeyAuthenticator({ credentialIds: ["nope"] }))).toMatchObject({
      statusCode: 404,
    });
    expect(await refused(clientApi.withToken("not.a.token").challengeSms())).toMatchObject({
      statusCode: 401,
      errorCode: "invalid_token",
    });
  });
});
