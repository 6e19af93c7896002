// What an editor says of a mistake inside a method's argument, asked of the TypeScript language
// service: the message names the nested type, as the README promises ("… does not exist in type
// 'TrackAttributes'"), where it would otherwise spell out the type's every field.
import { join } from "node:path";
import { probePackage } from "@authsignal-ts/scripts/testing/language-service";
import { describe, expect, it } from "vitest";

const packageDir = join(import.meta.dirname, "..");

// The language service loads the whole program on first use: seconds on a loaded 2-core CI machine.
describe("a mistake inside an argument", { timeout: 120_000 }, () => {
  it("names the nested type in the error", () => {
    const probe = probePackage(
      packageDir,
      [
        'import { createServerClient } from "../src/index.ts";',
        'const server = createServerClient({ apiSecretKey: "sk" });',
        'void server.track({ userId: "usr_1", action: "signIn", attributes: { ipAdress: "203.0.113.7" } });',
        'void server.challenge({ action: "signIn", verificationMethod: "SMS", phoneNumber: "+6421555123", smsChannel: "SIGNAL" });',
        'void server.challenge({ action: "signIn", verificationMethod: "EMAIL_OTP", email: "jane@example.com", scope: "read:everything" });',
        'void server.updateUser({ userId: "usr_1", attributes: { emial: "jane@example.com" } });',
        'void server.updateAction({ userId: "usr_1", action: "signIn", idempotencyKey: "k", attributes: { state: "DONE" } });',
        'void server.enrollVerifiedAuthenticator({ userId: "usr_1", attributes: { verificationMethod: "SMS", phoneNumber: "+6421555123", isDefualt: true } });',
        'void server.enrollVerifiedAuthenticators({ authenticators: [{ userId: "usr_1", verificationMethod: "PASSKEY", credentialId: "c", credentialPublicKey: "k", nmae: "Phone" }] });',
        "",
      ].join("\n"),
    );
    expect(probe.errors()).toEqual([
      "Object literal may only specify known properties, but 'ipAdress' does not exist in type 'TrackAttributes'. Did you mean to write 'ipAddress'?",
      "Type '\"SIGNAL\"' is not assignable to type 'SmsChannel | undefined'.",
      "Type '\"read:everything\"' is not assignable to type 'ChallengeScope | undefined'.",
      "Object literal may only specify known properties, but 'emial' does not exist in type 'UpdateUserAttributes'. Did you mean to write 'email'?",
      "Type '\"DONE\"' is not assignable to type 'UserActionState'.",
      "Object literal may only specify known properties, but 'isDefualt' does not exist in type 'EnrollPhoneAuthenticatorAttributes | EnrollLegacyEmailAuthenticatorAttributes | EnrollLegacyPhoneAuthenticatorAttributes'. Did you mean to write 'isDefault'?",
      "Object literal may only specify known properties, and 'nmae' does not exist in type 'BatchPasskeyAuthenticator'.",
    ]);
  });

  it("names it through the compat client too, whose types are the generated ones", () => {
    const probe = probePackage(
      packageDir,
      [
        'import { Authsignal } from "../src/compat/index.ts";',
        'const authsignal = new Authsignal({ apiSecretKey: "sk" });',
        'void authsignal.track({ userId: "usr_1", action: "signIn", attributes: { ipAdress: "203.0.113.7" } });',
        'void authsignal.enrollVerifiedAuthenticator({ userId: "usr_1", attributes: { verificationMethod: "EMAIL_OTP", email: "jane@example.com", isDefualt: true } });',
        "",
      ].join("\n"),
    );
    expect(probe.errors()).toEqual([
      "Object literal may only specify known properties, but 'ipAdress' does not exist in type 'TrackAttributes'. Did you mean to write 'ipAddress'?",
      "Object literal may only specify known properties, but 'isDefualt' does not exist in type 'EnrollEmailAuthenticatorAttributes | EnrollLegacyEmailAuthenticatorAttributes | EnrollLegacyPhoneAuthenticatorAttributes'. Did you mean to write 'isDefault'?",
    ]);
  });

  it("documents the nested type from its schema's description", () => {
    const probe = probePackage(
      packageDir,
      [
        'import type { TrackAttributes } from "../src/index.ts";',
        "export declare const attributes: TrackAttributes;",
        "",
      ].join("\n"),
    );
    const hover = probe.hover("attributes: TrackAttributes", "TrackAttributes");
    expect(hover.display).toMatch(/^\(alias\) type TrackAttributes = \{\n/);
    expect(hover.documentation).toBe("What is known about the action being tracked.");
  });
});
