// The software authenticator against a verifier it was not written with: @simplewebauthn/server,
// which the emulator will verify passkeys with. What it makes must verify; each spoilt answer must not.
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import { describe, expect, it } from "vitest";
import { cbor, createSoftwareAuthenticator, type Spoilers } from "../../testing/webauthn-authenticator.ts";

const origin = "http://localhost:5173";
const rpID = "localhost";

async function registered(spoil: Spoilers = {}) {
  const authenticator = createSoftwareAuthenticator(origin);
  const options = await generateRegistrationOptions({
    rpName: "Example",
    rpID,
    userName: "jane@example.com",
    userDisplayName: "Jane",
    attestationType: "none",
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
  const response = authenticator.register(options, spoil);
  const verify = () =>
    verifyRegistrationResponse({
      response: response as RegistrationResponseJSON,
      expectedChallenge: options.challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: true,
    });
  return { authenticator, options, response, verify };
}

async function signedIn(spoil: Spoilers = {}, counterBefore?: number) {
  const { authenticator, verify: verifyRegistration } = await registered();
  const { registrationInfo } = await verifyRegistration();
  if (!registrationInfo) throw new Error("the registration did not verify");
  const { credential } = registrationInfo;
  // A sign-in with no token: no allowed credentials, so the credential must be discoverable.
  const options = await generateAuthenticationOptions({ rpID, userVerification: "required" });
  if (counterBefore !== undefined) (authenticator.credentials[0] as { counter: number }).counter = counterBefore;
  const response = authenticator.authenticate(options, spoil);
  const verify = () =>
    verifyAuthenticationResponse({
      response: response as AuthenticationResponseJSON,
      expectedChallenge: options.challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: { ...credential, counter: counterBefore ?? credential.counter },
      requireUserVerification: true,
    });
  return { credential, response, verify };
}

/** The answers spoilt the same way for both ceremonies, and what the verifier's refusal names. */
const spoiltAnswers = (otherCeremony: string): [string, Spoilers, RegExp][] => [
  ["another origin", { origin: "http://evil.example" }, /origin/i],
  ["another RP ID", { rpId: "evil.example" }, /rp ?id/i],
  ["no user presence", { userPresent: false }, /user .*present/i],
  ["no user verification", { userVerified: false }, /user .*verif/i],
  [`the client data of ${otherCeremony}`, { wrongType: true }, /type/i],
];

describe("the software authenticator, registering", () => {
  it("makes a credential @simplewebauthn/server verifies, with its ID, key and counter", async () => {
    const { authenticator, response, verify } = await registered();
    const { verified, registrationInfo } = await verify();
    expect(verified).toBe(true);
    expect(registrationInfo?.credential.id).toBe(response.id);
    expect(registrationInfo?.credential.counter).toBe(0);
    expect(Buffer.from(registrationInfo?.credential.publicKey ?? [])).toEqual(
      Buffer.from(authenticator.credentials[0]?.cosePublicKey ?? []),
    );
    expect(registrationInfo?.userVerified).toBe(true);
    expect(registrationInfo?.fmt).toBe("none");
  });

  it.each(spoiltAnswers("a sign-in"))("is refused with %s", async (_name, spoil, reason) => {
    const { verify } = await registered(spoil);
    await expect(verify()).rejects.toThrow(reason);
  });

  it("will not register twice where the options exclude its credential", async () => {
    const { authenticator, options, response } = await registered();
    expect(() => authenticator.register({ ...options, excludeCredentials: [{ id: response.id }] })).toThrow(
      /InvalidStateError/,
    );
  });
});

describe("the software authenticator, signing in", () => {
  it("answers options with no allowed credentials with its discoverable one, which verifies", async () => {
    const { credential, response, verify } = await signedIn();
    expect(response.id).toBe(credential.id);
    const { verified, authenticationInfo } = await verify();
    expect(verified).toBe(true);
    expect(authenticationInfo.newCounter).toBe(1);
    expect(authenticationInfo.userVerified).toBe(true);
  });

  it("is refused with a signature that is not over what it signed", async () => {
    const { verify } = await signedIn({ badSignature: true });
    const outcome = await verify().then(
      ({ verified }) => verified,
      () => false,
    );
    expect(outcome).toBe(false);
  });

  it.each(spoiltAnswers("a registration"))("is refused with %s", async (_name, spoil, reason) => {
    const { verify } = await signedIn(spoil);
    await expect(verify()).rejects.toThrow(reason);
  });

  it("is refused when its counter goes back", async () => {
    const { verify } = await signedIn({ counter: 3 }, 5);
    await expect(verify()).rejects.toThrow(/counter/i);
  });

  it("finds no credential for another RP", async () => {
    const authenticator = createSoftwareAuthenticator(origin);
    expect(() => authenticator.authenticate({ challenge: "Y2hhbGxlbmdl", rpId: "other.example" })).toThrow(
      /NotAllowedError/,
    );
  });
});

describe("cbor", () => {
  // RFC 8949 Appendix A's examples.
  it.each<[unknown, string]>([
    [0, "00"],
    [23, "17"],
    [24, "1818"],
    [1000, "1903e8"],
    [1000000, "1a000f4240"],
    [-1, "20"],
    [-7, "26"],
    [-1000, "3903e7"],
    ["a", "6161"],
    ["IETF", "6449455446"],
    [new Uint8Array([1, 2, 3, 4]), "4401020304"],
    [
      new Map<unknown, unknown>([
        [1, 2],
        [3, 4],
      ]),
      "a201020304",
    ],
  ])("encodes %o as RFC 8949 does", (value, hex) => {
    expect(cbor(value).toString("hex")).toBe(hex);
  });
});
