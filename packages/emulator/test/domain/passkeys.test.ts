import {
  createSoftwareAuthenticator,
  type SoftwareAuthenticator,
  type Spoilers,
} from "@authsignal-ts/scripts/testing/webauthn-authenticator";
import { beforeEach, describe, expect, it } from "vitest";
import {
  authenticationOptions,
  credentialIdOf,
  type PasskeyCredentialRecord,
  type RelyingParty,
  registrationOptions,
  verifyAuthentication,
  verifyRegistration,
} from "../../src/domain/passkeys.ts";

const origin = "https://app.example.com";
const rp: RelyingParty = {
  id: "example.com",
  name: "Example",
  origins: ["https://other.example.com", origin],
  userVerification: "preferred",
};
const requiring: RelyingParty = { ...rp, userVerification: "required" };
const user = { userId: "user-ünïcode-1", username: "ada@example.com", displayName: "Ada" };
const base64url = (text: string) => Buffer.from(text, "utf8").toString("base64url");

let authenticator: SoftwareAuthenticator;
beforeEach(() => {
  authenticator = createSoftwareAuthenticator(origin);
});

/** A registration through the authenticator, verified; its record as a handler would keep it. */
async function register(party = rp, spoil: Spoilers = {}) {
  const options = await registrationOptions(party, user, []);
  const verdict = await verifyRegistration(party, options.challenge, authenticator.register(options, spoil));
  if (!verdict.ok) throw new Error(`registration refused: ${verdict.description}`);
  const record: PasskeyCredentialRecord = { ...verdict.credential, userId: user.userId, userHandle: options.user.id };
  return record;
}

/** An authentication answered by the authenticator for `record`, verified against it. */
async function authenticate(record: PasskeyCredentialRecord, party = rp, spoil: Spoilers = {}, allow = [record]) {
  const options = await authenticationOptions(party, allow);
  return verifyAuthentication(party, options.challenge, authenticator.authenticate(options, spoil), record);
}

describe("registration options", () => {
  it("ask for a discoverable credential whose user.id is the userId, without attestation", async () => {
    const options = await registrationOptions(rp, user, []);
    expect(options.rp).toEqual({ id: "example.com", name: "Example" });
    expect(options.user).toEqual({ id: base64url(user.userId), name: user.username, displayName: "Ada" });
    expect(options.attestation).toBe("none");
    expect(options.authenticatorSelection).toEqual({
      residentKey: "required",
      requireResidentKey: true,
      userVerification: "preferred",
    });
    expect(options.pubKeyCredParams.map((param) => param.alg)).toEqual(expect.arrayContaining([-7, -257]));
    expect(options.challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await registrationOptions(rp, user, [])).challenge).not.toBe(options.challenge);
  });

  it("exclude the user's credentials and take the attachment given, the RP's, or none", async () => {
    const record = await register();
    const platform = { ...rp, authenticatorAttachment: "platform" as const };
    const options = await registrationOptions(platform, user, [record]);
    expect(options.excludeCredentials).toEqual([
      { id: record.credentialId, transports: ["internal", "hybrid"], type: "public-key" },
    ]);
    expect(options.authenticatorSelection?.authenticatorAttachment).toBe("platform");
    const crossPlatform = await registrationOptions(platform, user, [], "cross-platform");
    expect(crossPlatform.authenticatorSelection?.authenticatorAttachment).toBe("cross-platform");
    const none = await registrationOptions(platform, user, [], null);
    expect(none.authenticatorSelection).not.toHaveProperty("authenticatorAttachment");
    expect(() => authenticator.register(options)).toThrow(/InvalidStateError/);
  });
});

describe("authentication options", () => {
  it("name the RP, its user verification and the allowed credentials, with a fresh challenge", async () => {
    const record = await register();
    const options = await authenticationOptions(requiring, [record]);
    expect(options.rpId).toBe("example.com");
    expect(options.userVerification).toBe("required");
    expect(options.allowCredentials).toEqual([
      { id: record.credentialId, transports: ["internal", "hybrid"], type: "public-key" },
    ]);
    expect((await authenticationOptions(rp, [])).allowCredentials).toEqual([]);
    expect((await authenticationOptions(rp, [])).challenge).not.toBe(options.challenge);
  });
});

describe("a registration then authentications", () => {
  it("pass, the counter going up each time", async () => {
    const record = await register();
    expect(record).toMatchObject({
      credentialId: authenticator.credentials[0]?.id,
      publicKey: Buffer.from(authenticator.credentials[0]?.cosePublicKey ?? []).toString("base64url"),
      counter: 0,
      transports: ["internal", "hybrid"],
      aaguid: "00000000-0000-0000-0000-000000000000",
      backedUp: false,
      deviceType: "singleDevice",
    });
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
    const first = await authenticate(record);
    expect(first).toEqual({ ok: true, newCounter: 1 });
    const second = await authenticate({ ...record, counter: 1 });
    expect(second).toEqual({ ok: true, newCounter: 2 });
  });

  it("sign in without allowed credentials, the userHandle naming the user", async () => {
    const record = await register();
    const options = await authenticationOptions(rp, []);
    const answer = authenticator.authenticate(options);
    expect(credentialIdOf(answer)).toBe(record.credentialId);
    expect(Buffer.from(answer.response.userHandle, "base64url").toString("utf8")).toBe(user.userId);
    expect(await verifyAuthentication(rp, options.challenge, answer, record)).toEqual({ ok: true, newCounter: 1 });
  });

  it("accept a user not verified when verification is only preferred", async () => {
    const record = await register(rp, { userVerified: false });
    expect(await authenticate(record, rp, { userVerified: false })).toEqual({ ok: true, newCounter: 1 });
  });
});

describe("a registration is refused", () => {
  async function refusal(spoil: Spoilers, party = rp, challenge?: string) {
    const options = await registrationOptions(party, user, []);
    const verdict = await verifyRegistration(
      party,
      challenge ?? options.challenge,
      authenticator.register(options, spoil),
    );
    expect(verdict.ok).toBe(false);
    return verdict.ok ? undefined : verdict;
  }

  it.each<[string, Spoilers, string]>([
    ["from another origin", { origin: "https://evil.example" }, "origin"],
    ["for another RP ID", { rpId: "evil.example" }, "rp_id"],
    ["without user presence", { userPresent: false }, "user_presence"],
    ["of the wrong ceremony", { wrongType: true }, "type"],
  ])("%s", async (_, spoil, reason) => {
    expect((await refusal(spoil))?.reason).toBe(reason);
  });

  it("without user verification when it is required", async () => {
    expect((await refusal({ userVerified: false }, requiring))?.reason).toBe("user_verification");
  });

  it("for another challenge, without quoting either", async () => {
    const verdict = await refusal({}, rp, base64url("another challenge"));
    expect(verdict?.reason).toBe("challenge");
    expect(verdict?.description).not.toContain(base64url("another challenge"));
  });

  it("quoting the origin it came from in one line", async () => {
    const verdict = await refusal({ origin: "https://evil.example\nnext" });
    expect(verdict?.description).toContain('"https://evil.example\\nnext"');
    expect(verdict?.description).not.toContain("\n");
  });
});

describe("an authentication is refused", () => {
  it.each<[string, Spoilers, string]>([
    ["from another origin", { origin: "https://evil.example" }, "origin"],
    ["for another RP ID", { rpId: "evil.example" }, "rp_id"],
    ["without user presence", { userPresent: false }, "user_presence"],
    ["with a bad signature", { badSignature: true }, "signature"],
    ["of the wrong ceremony", { wrongType: true }, "type"],
  ])("%s", async (_, spoil, reason) => {
    const record = await register();
    expect(await authenticate(record, rp, spoil)).toMatchObject({ ok: false, reason });
  });

  it("without user verification when it is required", async () => {
    const record = await register();
    expect(await authenticate(record, requiring, { userVerified: false })).toMatchObject({
      ok: false,
      reason: "user_verification",
    });
  });

  it("with a counter gone back, or standing still", async () => {
    const record = { ...(await register()), counter: 5 };
    expect(await authenticate(record, rp, { counter: 4 })).toMatchObject({ ok: false, reason: "counter" });
    expect(await authenticate(record, rp, { counter: 5 })).toMatchObject({ ok: false, reason: "counter" });
    expect(await authenticate(record, rp, { counter: 6 })).toEqual({ ok: true, newCounter: 6 });
  });

  it("for another challenge", async () => {
    const record = await register();
    const answer = authenticator.authenticate(await authenticationOptions(rp, [record]));
    const verdict = await verifyAuthentication(rp, base64url("another challenge"), answer, record);
    expect(verdict).toMatchObject({ ok: false, reason: "challenge" });
  });

  it("from a credential other than the one on record, or for another user", async () => {
    const first = await register();
    const second = await register();
    const options = await authenticationOptions(rp, [second]);
    const answer = authenticator.authenticate(options);
    const verdict = await verifyAuthentication(rp, options.challenge, answer, first);
    expect(verdict).toMatchObject({ ok: false, reason: "unknown_credential" });
    const otherUser = { ...second, userHandle: base64url("someone else") };
    expect(await verifyAuthentication(rp, options.challenge, answer, otherUser)).toMatchObject({
      ok: false,
      reason: "unknown_credential",
    });
  });
});

describe("a response not even of the right shape", () => {
  const garbled = (field: string, value: unknown) => (answer: { response: object }) => ({
    ...answer,
    response: { ...answer.response, [field]: value },
  });

  it.each<[string, unknown]>([
    ["{}", {}],
    ["null", null],
    ["a string", "public-key"],
    ["an array", []],
    ["without a type", { id: "AAAA", rawId: "AAAA", response: {} }],
  ])("is malformed: %s", async (_, response) => {
    const record = await register();
    const challenge = base64url("challenge");
    expect(await verifyRegistration(rp, challenge, response)).toMatchObject({ ok: false, reason: "malformed" });
    expect(await verifyAuthentication(rp, challenge, response, record)).toMatchObject({
      ok: false,
      reason: "malformed",
    });
  });

  it.each<[string, (answer: { response: object }) => unknown]>([
    ["client data not base64url", garbled("clientDataJSON", "not base64url!")],
    ["client data not JSON", garbled("clientDataJSON", base64url("{"))],
    ["client data without an origin", garbled("clientDataJSON", base64url('{"type":"webauthn.create"}'))],
    ["an attestation object not CBOR", garbled("attestationObject", base64url("not CBOR"))],
    ["transports not strings", garbled("transports", [1])],
    ["ids that differ", (answer) => ({ ...answer, rawId: "AAAA" })],
  ])("is a malformed registration: %s", async (_, spoil) => {
    const options = await registrationOptions(rp, user, []);
    const answer = spoil(authenticator.register(options));
    expect(await verifyRegistration(rp, options.challenge, answer)).toMatchObject({ ok: false, reason: "malformed" });
  });

  it.each<[string, (answer: { response: object }) => unknown]>([
    ["no signature", garbled("signature", undefined)],
    ["a signature not DER", garbled("signature", base64url("not DER"))],
    ["authenticator data too short", garbled("authenticatorData", base64url("short"))],
    ["a user handle not base64url", garbled("userHandle", 42)],
  ])("is a malformed authentication: %s", async (_, spoil) => {
    const record = await register();
    const options = await authenticationOptions(rp, [record]);
    const answer = spoil(authenticator.authenticate(options));
    expect(await verifyAuthentication(rp, options.challenge, answer, record)).toMatchObject({
      ok: false,
      reason: "malformed",
    });
  });

  it("is a registration's answer given for an authentication", async () => {
    const options = await registrationOptions(rp, user, []);
    const answer = authenticator.register(options);
    const record = { ...(await register()), credentialId: answer.id };
    expect(await verifyAuthentication(rp, options.challenge, answer, record)).toMatchObject({
      ok: false,
      reason: "malformed",
    });
  });
});
