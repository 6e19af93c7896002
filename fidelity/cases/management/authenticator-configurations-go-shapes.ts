// The management Go SDK's authenticator configuration error answers, and the update bodies its
// marshalling tests pin: what an unset, false, zero, empty-list or null field becomes on the wire.
// Those tests read no response, so the cases record none.
// (Its test that `SetList(nil)` on `expectedOrigins` gives `[]` has no case: the spec refuses an
// empty origin list, which Terraform says leaves passkeys unusable; see openapi/README.md.)
import type { operations } from "@authsignal-ts/management";
import { caseBuilder } from "../../src/case.ts";

const managementCase = caseBuilder<operations>();
const goTests = {
  repo: "authsignal/authsignal-management-go",
  path: "authenticator-configurations_test.go",
  commit: "2624573606ae272378bb5f56164ba1e1fb5f920f",
} as const;
const errorTest = (name: string) => ({ ...goTests, at: `TestAuthenticatorConfigurationErrorResponses "${name}"` });

export default [
  managementCase("createSmsAuthenticatorConfiguration", {
    name: "Go SDK reads a 400 for an unknown field on create",
    source: errorTest("unknown field is a bad request"),
    method: "POST",
    path: "/authenticator-configurations/sms",
    body: { smsProvider: "TNZ" },
    response: {
      status: 400,
      body: { error: "invalid_request", errorDescription: "unknownField is not a known field." },
    },
  }),
  managementCase("createSmsAuthenticatorConfiguration", {
    name: "Go SDK reads a 409 when the tenant already has an SMS configuration",
    source: errorTest("creating a second configuration is a conflict"),
    method: "POST",
    path: "/authenticator-configurations/sms",
    body: { smsProvider: "TNZ" },
    response: {
      status: 409,
      body: { error: "resource_already_exists", errorDescription: "A SMS OTP configuration already exists." },
    },
  }),
  managementCase("getPushAuthenticatorConfiguration", {
    name: "Go SDK reads a 404 when the tenant has no push configuration",
    source: errorTest("reading a configuration the tenant does not have is a not found"),
    method: "GET",
    path: "/authenticator-configurations/push",
    response: {
      status: 404,
      body: {
        error: "authenticator_configuration_not_found",
        errorDescription: "The authenticator configuration was not found.",
      },
    },
  }),
  managementCase("updateSmsAuthenticatorConfiguration", {
    name: "Go SDK sends an empty object for an update that sets nothing",
    source: { ...goTests, at: "TestUpdateBodyOmitsUnsetFields" },
    method: "PATCH",
    path: "/authenticator-configurations/sms",
    body: {},
  }),
  managementCase("updatePushAuthenticatorConfiguration", {
    name: "Go SDK sends false and zero as values",
    source: { ...goTests, at: "TestUpdateBodySendsFalseAndZeroValues" },
    method: "PATCH",
    path: "/authenticator-configurations/push",
    body: { isActive: false, credentialLifetimeInMinutes: 0, requireAppAttestation: false },
  }),
  managementCase("updateSmsAuthenticatorConfiguration", {
    name: "Go SDK empties the SMS smsCountryCodes with []",
    source: { ...goTests, at: 'TestUpdateBodySendsEmptyListForNilSlice "smsCountryCodes"' },
    method: "PATCH",
    path: "/authenticator-configurations/sms",
    body: { smsCountryCodes: [] },
  }),
  managementCase("updateSmsAuthenticatorConfiguration", {
    name: "Go SDK empties the SMS prefixRateLimitConfigurations with []",
    source: { ...goTests, at: 'TestUpdateBodySendsEmptyListForNilSlice "prefixRateLimitConfigurations"' },
    method: "PATCH",
    path: "/authenticator-configurations/sms",
    body: { prefixRateLimitConfigurations: [] },
  }),
  managementCase("updateSmsAuthenticatorConfiguration", {
    name: "Go SDK empties the SMS allowedCustomSmsVariables with []",
    source: { ...goTests, at: 'TestUpdateBodySendsEmptyListForNilSlice "allowedCustomSmsVariables"' },
    method: "PATCH",
    path: "/authenticator-configurations/sms",
    body: { allowedCustomSmsVariables: [] },
  }),
  managementCase("updateEmailOtpAuthenticatorConfiguration", {
    name: "Go SDK empties the email OTP custom variables with []",
    source: { ...goTests, at: 'TestUpdateBodySendsEmptyListForNilSlice "allowedCustomEmailVariables"' },
    method: "PATCH",
    path: "/authenticator-configurations/email-otp",
    body: { allowedCustomEmailVariables: [] },
  }),
  managementCase("updatePasskeyAuthenticatorConfiguration", {
    name: "Go SDK empties the passkey registration hints with []",
    source: { ...goTests, at: 'TestUpdateBodySendsEmptyListForNilSlice "passkeyRegistrationHints"' },
    method: "PATCH",
    path: "/authenticator-configurations/passkey",
    body: { passkeyRegistrationHints: [] },
  }),
  managementCase("updatePasskeyAuthenticatorConfiguration", {
    name: "Go SDK replaces the passkey registration hints with a list",
    source: { ...goTests, at: 'TestListJsonInputMarshalsOmittedAndListStates "the list when set"' },
    method: "PATCH",
    path: "/authenticator-configurations/passkey",
    body: { passkeyRegistrationHints: ["hybrid"] },
  }),
  managementCase("updatePasskeyAuthenticatorConfiguration", {
    name: "Go SDK sends only isActive when no list is set",
    source: { ...goTests, at: "TestListFieldIsOmittedWhenUnset" },
    method: "PATCH",
    path: "/authenticator-configurations/passkey",
    body: { isActive: true },
  }),
  managementCase("updateSmsAuthenticatorConfiguration", {
    name: "Go SDK clears the SMS sending limits with null",
    source: {
      ...goTests,
      at: 'TestUpdateBodySendsNullForNullableListFields "sms sending rate limits cleared with SetNull"',
    },
    method: "PATCH",
    path: "/authenticator-configurations/sms",
    body: { sendingRateLimitConfigurations: null },
  }),
  managementCase("updateEmailOtpAuthenticatorConfiguration", {
    name: "Go SDK clears the email OTP sending limits with null",
    source: {
      ...goTests,
      at: 'TestUpdateBodySendsNullForNullableListFields "email otp sending rate limits cleared with SetNull"',
    },
    method: "PATCH",
    path: "/authenticator-configurations/email-otp",
    body: { sendingRateLimitConfigurations: null },
  }),
  managementCase("updatePushAuthenticatorConfiguration", {
    name: "Go SDK clears the push sending limits with null",
    source: {
      ...goTests,
      at: 'TestUpdateBodySendsNullForNullableListFields "push sending rate limits cleared with SetNull"',
    },
    method: "PATCH",
    path: "/authenticator-configurations/push",
    body: { sendingRateLimitConfigurations: null },
  }),
];
