import type { operations } from "@authsignal-ts/management";
import { caseBuilder } from "../../src/case.ts";

const managementCase = caseBuilder<operations>();
const terraform = "authsignal/terraform-provider-authsignal" as const;
const managementGo = "authsignal/authsignal-management-go" as const;
const tenantSettingsTest = {
  repo: terraform,
  path: "internal/provider/tenant_settings_test.go",
  commit: "e3ebd313135ab1340e4d82cbc1534456a119e4a1",
} as const;
const preBuiltUi = {
  repo: terraform,
  path: "internal/provider/pre_built_ui_settings_resource.go",
  commit: "3cb035d6218054b1d9d40940a104f142ccdddeb4",
} as const;
const goTenantTest = {
  repo: managementGo,
  path: "tenant_test.go",
  commit: "9893ce234875b8105d636dbceb13e604748893b5",
} as const;

export default [
  managementCase("getTenant", {
    name: "read the tenant, which may answer only the settings that were ever set, without tenantId",
    source: { ...preBuiltUi, at: "Read: GetTenant" },
    method: "GET",
    path: "/tenant",
    response: {
      status: 200,
      body: { hideSuccessScreenOnEnrollment: false },
      source: { ...goTenantTest, at: "TestTenantResponseDistinguishesUnsetFromFalse" },
    },
  }),
  managementCase("getTenant", {
    name: "read a tenant whose managed settings were never set",
    source: { ...tenantSettingsTest, at: "TestTenantSettingsModelLeavesUnconfiguredSettingsNull" },
    method: "GET",
    path: "/tenant",
    response: {
      status: 200,
      body: {},
      source: { ...tenantSettingsTest, at: "TestTenantSettingsModelLeavesUnconfiguredSettingsNull" },
    },
  }),
  managementCase("getTenant", {
    name: "read the webhooks, token duration and IP allow-list back",
    source: { ...tenantSettingsTest, at: "TestTenantSettingsModelReadsBackAConfiguredTenant" },
    method: "GET",
    path: "/tenant",
    response: {
      status: 200,
      body: {
        tokenDurationInMinutes: 15,
        authenticatorEventsWebhookConfig: { url: "https://example.com/events", includeCredentialPublicKey: false },
        logEventsWebhookConfig: { endpointUrl: "https://example.com/logs" },
        ipWhitelist: ["203.0.113.0/24"],
      },
      source: { ...tenantSettingsTest, at: "TestTenantSettingsModelReadsBackAConfiguredTenant" },
    },
  }),
  managementCase("getTenant", {
    name: "read an empty IP allow-list, which is not the same as none",
    source: { ...tenantSettingsTest, at: "TestTenantSettingsModelDistinguishesAnEmptyAllowlistFromNone" },
    method: "GET",
    path: "/tenant",
    response: {
      status: 200,
      body: { ipWhitelist: [] },
      source: { ...tenantSettingsTest, at: "TestTenantSettingsModelDistinguishesAnEmptyAllowlistFromNone" },
    },
  }),
  managementCase("updateTenant", {
    name: "turn the pre-built UI's success screen off, which sends false rather than dropping it",
    source: { ...preBuiltUi, at: "tenantSettingsFromModel" },
    method: "PATCH",
    path: "/tenant",
    body: { hideSuccessScreenOnEnrollment: false },
    response: {
      status: 200,
      body: { hideSuccessScreenOnEnrollment: false },
      source: { ...goTenantTest, at: "TestTenantSettingsSendsFalseSettings" },
    },
  }),
  managementCase("updateTenant", {
    name: "tenant settings with nothing configured send an empty body",
    source: { ...tenantSettingsTest, at: "TestTenantSettingsOmitsUnmanagedSettings" },
    method: "PATCH",
    path: "/tenant",
    body: {},
  }),
  managementCase("updateTenant", {
    name: "send both webhooks",
    source: { ...tenantSettingsTest, at: "TestTenantSettingsSendsAConfiguredWebhook" },
    method: "PATCH",
    path: "/tenant",
    body: {
      authenticatorEventsWebhookConfig: { url: "https://example.com/events", includeCredentialPublicKey: true },
      logEventsWebhookConfig: { endpointUrl: "https://example.com/logs" },
    },
  }),
  managementCase("updateTenant", {
    name: "leave an unset public key flag to the API",
    source: { ...tenantSettingsTest, at: "TestTenantSettingsOmittedNestedFieldConvergesOnTheApiValue" },
    method: "PATCH",
    path: "/tenant",
    body: { authenticatorEventsWebhookConfig: { url: "https://example.com/events" } },
    response: {
      status: 200,
      body: {
        authenticatorEventsWebhookConfig: { url: "https://example.com/events", includeCredentialPublicKey: true },
      },
      source: { ...tenantSettingsTest, at: "TestTenantSettingsOmittedNestedFieldConvergesOnTheApiValue" },
    },
  }),
  managementCase("updateTenant", {
    name: "send an empty IP allow-list to allow every address",
    source: { ...tenantSettingsTest, at: "TestTenantSettingsSendsAnEmptyAllowlist" },
    method: "PATCH",
    path: "/tenant",
    body: { ipWhitelist: [] },
  }),
  managementCase("updateTenant", {
    name: "send the token duration and a sorted IP allow-list",
    source: { ...tenantSettingsTest, at: "TestTenantSettingsSendsTheAllowlistSorted" },
    method: "PATCH",
    path: "/tenant",
    body: { tokenDurationInMinutes: 15, ipWhitelist: ["198.51.100.7/32", "203.0.113.0/24"] },
  }),
];
