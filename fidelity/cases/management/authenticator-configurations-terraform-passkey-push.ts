// The passkey and push configuration calls of Authsignal's Terraform provider: the bodies its
// resources build, and the answers of the stub API its lifecycle tests run against.
import type { operations } from "@authsignal-ts/management";
import { caseBuilder } from "../../src/case.ts";
import { lifecycle, mapping, resource } from "../terraform-authenticator-sources.ts";

const managementCase = caseBuilder<operations>();

const passkey = (authenticatorAttachment: "platform" | null) => ({
  authenticatorId: "auth_passkey",
  isActive: true,
  verificationMethod: "PASSKEY",
  relyingParty: "example.com",
  expectedOrigins: ["https://example.com"],
  userVerificationRequirement: "preferred" as const,
  authenticatorAttachment,
});
const firebasePush = {
  authenticatorId: "auth_2",
  isActive: true,
  verificationMethod: "PUSH",
  pushProvider: "FIREBASE",
  fcmCredentials: { projectId: "demo-project", clientEmail: "sa@demo.iam.gserviceaccount.com" },
};
const notFound = { status: 404, body: { error: "not_found" } };
const deleted = { status: 200, body: { success: true } };

export default [
  managementCase("createPasskeyAuthenticatorConfiguration", {
    name: "Terraform creates a passkey configuration with the relying party and its origins",
    source: lifecycle("TestPasskeyCreateStoresTheServerOwnedAttributes"),
    method: "POST",
    path: "/authenticator-configurations/passkey",
    body: { relyingParty: "example.com", expectedOrigins: ["https://example.com"] },
    response: { status: 200, body: passkey("platform") },
  }),
  managementCase("getPasskeyAuthenticatorConfiguration", {
    name: "Terraform refreshes passkey state from the API",
    source: lifecycle("TestPasskeyReadRefreshesStateFromTheApi"),
    method: "GET",
    path: "/authenticator-configurations/passkey",
    response: { status: 200, body: passkey("platform") },
  }),
  managementCase("getPasskeyAuthenticatorConfiguration", {
    name: "Terraform removes the passkey resource when the API answers 404",
    source: lifecycle("TestPasskeyReadRemovesTheResourceWhenTheApiHasNone"),
    method: "GET",
    path: "/authenticator-configurations/passkey",
    response: notFound,
  }),
  managementCase("updatePasskeyAuthenticatorConfiguration", {
    name: "Terraform sends an empty patch and reads a null attachment back",
    source: lifecycle("TestPasskeyUpdateOmitsTheAttachmentWhenItLeavesTheConfiguration"),
    method: "PATCH",
    path: "/authenticator-configurations/passkey",
    body: {},
    response: { status: 200, body: passkey(null) },
  }),
  managementCase("updatePasskeyAuthenticatorConfiguration", {
    name: "Terraform moves the relying party together with its origins",
    source: lifecycle("TestPasskeyUpdateCarriesTheRelyingPartyAndItsOriginsTogether"),
    method: "PATCH",
    path: "/authenticator-configurations/passkey",
    body: { relyingParty: "example.com", expectedOrigins: ["https://example.com"] },
    response: { status: 200, body: passkey(null) },
  }),
  managementCase("updatePasskeyAuthenticatorConfiguration", {
    name: "Terraform restates the passkey preferences with a changed user verification",
    source: mapping("TestPasskeyUpdateSendsAnExplicitlyChangedEnum"),
    method: "PATCH",
    path: "/authenticator-configurations/passkey",
    body: {
      passkeyRegistrationHints: ["client-device"],
      userVerificationRequirement: "preferred",
      authenticatorAttachment: "platform",
    },
  }),
  managementCase("updatePasskeyAuthenticatorConfiguration", {
    name: "Terraform lets users remove their last passkey again",
    source: mapping("TestPasskeyUpdateSendsFalseToLetUsersRemoveTheirLastPasskey"),
    method: "PATCH",
    path: "/authenticator-configurations/passkey",
    body: { preventRemovingLastPasskey: false },
  }),
  managementCase("deletePasskeyAuthenticatorConfiguration", {
    name: "Terraform deletes the passkey configuration",
    source: lifecycle("TestPasskeyDeleteRemovesTheConfiguration"),
    method: "DELETE",
    path: "/authenticator-configurations/passkey",
    response: deleted,
  }),
  managementCase("createPushAuthenticatorConfiguration", {
    name: "Terraform creates a DEFAULT push configuration with APNs credentials",
    source: resource("push", "pushCreateBody"),
    method: "POST",
    path: "/authenticator-configurations/push",
    body: {
      pushProvider: "DEFAULT",
      apnsCredentials: {
        teamId: "TEAM",
        keyId: "KEY",
        bundleId: "com.example.app",
        privateKey: "p8-key",
        sandbox: true,
      },
    },
  }),
  managementCase("getPushAuthenticatorConfiguration", {
    name: "Terraform reads the project and client email Firebase derives from the key",
    source: lifecycle("TestPushReadSurfacesFirebaseDerivedMetadata"),
    method: "GET",
    path: "/authenticator-configurations/push",
    response: { status: 200, body: firebasePush },
  }),
  managementCase("updatePushAuthenticatorConfiguration", {
    name: "Terraform switches push to Firebase with only the Firebase key",
    source: lifecycle("TestPushSwitchClearsTheSupersededBlockFromState"),
    method: "PATCH",
    path: "/authenticator-configurations/push",
    body: { pushProvider: "FIREBASE", fcmCredentials: { serviceAccountKey: "{}" } },
    response: { status: 200, body: firebasePush },
  }),
  managementCase("updatePushAuthenticatorConfiguration", {
    name: "Terraform sends the credential lifetime as an integer and the window as a decimal",
    source: mapping("TestPushIntegerAndDecimalFieldsKeepTheirTypes"),
    method: "PATCH",
    path: "/authenticator-configurations/push",
    body: {
      webhookUrl: "https://example.com/hook",
      credentialLifetimeInMinutes: 30,
      sendingRateLimitConfigurations: [{ rateLimit: 2, windowInMinutes: 1.5 }],
    },
  }),
];
