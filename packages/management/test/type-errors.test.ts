// What an editor says of a mistake inside a method's argument, asked of the TypeScript language
// service: the message names the nested type ("… does not exist in type 'CreateRuleBody'"), where
// it would otherwise spell out the type's every field.
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
        'import { createManagementClient } from "../src/index.ts";',
        'const management = createManagementClient({ apiSecretKey: "sk" });',
        'void management.createRule({ actionCode: "signIn", attributes: { name: "High risk", isActive: true, priority: 1, type: "BLOCK", conditions: {}, descripton: "Blocks risky sign-ins" } });',
        'void management.updateActionConfiguration({ actionCode: "signIn", attributes: { defaultUserActionResult: "CHALLENGE", verificationMetods: ["SMS"] } });',
        'void management.updateActionConfiguration({ actionCode: "signIn", attributes: { defaultUserActionResult: "MAYBE" } });',
        'void management.updateAuthenticatorConfiguration({ authenticatorId: "auth_1", attributes: { isActiv: true } });',
        'void management.updateTheme({ colors: { buttonPrimaryTxt: "#1F2937" } });',
        "",
      ].join("\n"),
    );
    expect(probe.errors()).toEqual([
      "Object literal may only specify known properties, but 'descripton' does not exist in type 'CreateRuleBody'. Did you mean to write 'description'?",
      "Object literal may only specify known properties, but 'verificationMetods' does not exist in type 'UpdateActionConfigurationBody'. Did you mean to write 'verificationMethods'?",
      "Type '\"MAYBE\"' is not assignable to type 'ActionOutcome | undefined'.",
      "Object literal may only specify known properties, but 'isActiv' does not exist in type 'UpdateAuthenticatorConfigurationBody'. Did you mean to write 'isActive'?",
      "Object literal may only specify known properties, but 'buttonPrimaryTxt' does not exist in type 'UpdateThemeColors'. Did you mean to write 'buttonPrimaryText'?",
    ]);
  });
});
