import type { operations } from "@authsignal-ts/management";
import { caseBuilder } from "../../src/case.ts";

const managementCase = caseBuilder<operations>();
const terraform = "authsignal/terraform-provider-authsignal" as const;
const managementGo = "authsignal/authsignal-management-go" as const;
const resource = {
  repo: terraform,
  path: "internal/provider/message_overrides_resource.go",
  commit: "c7a7aab5b466445f3cc349b8887bf8ef27e7f8e2",
} as const;
const acceptance = {
  repo: terraform,
  path: "internal/provider/message_overrides_resource_test.go",
  commit: "ee4365ea01f574eaf179f3555aceef2c03f86482",
} as const;
const catalogSource = {
  repo: terraform,
  path: "internal/provider/message_overrides_catalog_data_source.go",
  commit: "c7a7aab5b466445f3cc349b8887bf8ef27e7f8e2",
} as const;
const goOverrides = {
  repo: managementGo,
  path: "message-overrides.go",
  commit: "1444fe4ed271b5223bd6760f436e921315551efa",
} as const;

export default [
  managementCase("getMessageOverrides", {
    name: "read the overrides before replacing them",
    source: { ...resource, at: "Create: GetMessageOverrides, the guard against wiping overrides" },
    method: "GET",
    path: "/message-overrides",
    response: {
      status: 200,
      body: { messageOverrides: { en: { "sms-code-entry.heading": "Enter your code" } } },
      source: { ...acceptance, at: "TestAccMessageOverridesResource, create step" },
    },
  }),
  managementCase("updateMessageOverrides", {
    name: "replace the overrides with two locales",
    source: { ...acceptance, at: "TestAccMessageOverridesResource, update step" },
    method: "PATCH",
    path: "/message-overrides",
    body: {
      messageOverrides: {
        en: { "sms-code-entry.heading": "Enter the code we sent you" },
        "pt-br": { "sms-code-entry.heading": "Insira seu código" },
      },
    },
    response: {
      status: 200,
      body: {
        messageOverrides: {
          en: { "sms-code-entry.heading": "Enter the code we sent you" },
          "pt-br": { "sms-code-entry.heading": "Insira seu código" },
        },
      },
      source: { ...goOverrides, at: "MessageOverridesBodyResponse" },
    },
  }),
  managementCase("updateMessageOverrides", {
    name: "delete every override with an empty map",
    source: { ...resource, at: "Delete: UpdateMessageOverrides with an empty map" },
    method: "PATCH",
    path: "/message-overrides",
    body: { messageOverrides: {} },
  }),
  managementCase("getMessageOverridesCatalog", {
    name: "read the catalog, where a point may have no item",
    source: { ...catalogSource, at: "Read: item is null when the API leaves it empty" },
    method: "GET",
    path: "/message-overrides/catalog",
    response: {
      status: 200,
      body: {
        catalogVersion: 3,
        screens: [{ id: "sms-code-entry", label: "SMS code entry", family: "sms" }],
        points: [
          {
            publicId: "sms-code-entry.heading",
            screen: "sms-code-entry",
            role: "heading",
            label: "Heading",
            products: ["pre-built-ui"],
            maxLength: 80,
            allowedPlaceholders: [],
            allowedTags: [],
            defaultCopy: { en: "Enter verification code" },
          },
        ],
      },
      source: { ...goOverrides, at: "MessageOverridesCatalogResponse" },
    },
  }),
];
