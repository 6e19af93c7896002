import type { operations } from "@authsignal-ts/management";
import { caseBuilder } from "../../src/case.ts";

const managementCase = caseBuilder<operations>();
const terraform = "authsignal/terraform-provider-authsignal" as const;
const managementGo = "authsignal/authsignal-management-go" as const;
const resource = {
  repo: terraform,
  path: "internal/provider/value_list_resource.go",
  commit: "c7a7aab5b466445f3cc349b8887bf8ef27e7f8e2",
} as const;
const acceptance = {
  repo: terraform,
  path: "internal/provider/value_list_resource_test.go",
  commit: "485806353b90ddf76f31fae356e16486c4560276",
} as const;
const goValueLists = {
  repo: managementGo,
  path: "value-lists.go",
  commit: "8b00d7dc7de8406ebcb8dd593d777276c63718b7",
} as const;

export default [
  managementCase("createValueList", {
    name: "create a list of strings",
    source: { ...acceptance, at: "TestAccValueListResource, terraform-acc-test-strings" },
    method: "POST",
    path: "/value-lists",
    body: {
      name: "Terraform Acc Test Strings",
      isActive: true,
      itemType: "string",
      valueListItems: ["terraform", "acceptance", "test"],
    },
    response: {
      status: 200,
      body: {
        name: "Terraform Acc Test Strings",
        alias: "terraform-acc-test-strings",
        itemType: "string",
        isActive: true,
        valueListItems: ["terraform", "acceptance", "test"],
      },
      source: { ...acceptance, at: "TestAccValueListResource, checks of terraform-acc-test-strings" },
    },
  }),
  managementCase("createValueList", {
    name: "create a list of numbers",
    source: { ...acceptance, at: "TestAccValueListResource, terraform-acc-test-numbers" },
    method: "POST",
    path: "/value-lists",
    body: { name: "Terraform Acc Test Numbers", isActive: true, itemType: "number", valueListItems: [1, 2, 3] },
  }),
  managementCase("createValueList", {
    name: "create an empty list, which leaves the items out",
    source: { ...resource, at: "Create: prepareValueListItems with setNullIfEmpty false" },
    method: "POST",
    path: "/value-lists",
    body: { name: "Blocked countries", isActive: true, itemType: "string" },
  }),
  managementCase("getValueList", {
    name: "read a list by its alias",
    source: { ...resource, at: "Read: GetValueList(state.Alias)" },
    method: "GET",
    path: "/value-lists/terraform-acc-test-numbers",
    response: {
      status: 200,
      body: {
        name: "Terraform Acc Test Numbers",
        alias: "terraform-acc-test-numbers",
        itemType: "number",
        isActive: true,
        valueListItems: [1, 2, 3],
      },
      source: { ...goValueLists, at: "ValueListResponse" },
    },
  }),
  managementCase("updateValueList", {
    name: "replace a list's items and switch it off",
    source: { ...acceptance, at: "TestAccValueListResource, update of terraform-acc-test-strings without recreate" },
    method: "PATCH",
    path: "/value-lists/terraform-acc-test-strings",
    body: { isActive: false, valueListItems: ["updated", "terraform", "test"] },
  }),
  managementCase("updateValueList", {
    name: "empty a list, which sends null",
    source: { ...resource, at: "Update: prepareValueListItems with setNullIfEmpty true" },
    method: "PATCH",
    path: "/value-lists/terraform-acc-test-numbers",
    body: { isActive: false, valueListItems: null },
  }),
  managementCase("deleteValueList", {
    name: "delete a list",
    source: { ...resource, at: "Delete: DeleteValueList(state.Alias)" },
    method: "DELETE",
    path: "/value-lists/terraform-acc-test-strings",
    response: {
      status: 200,
      body: { success: true },
      source: { ...goValueLists, at: "DeleteValueList reads HttpStatusResponse" },
    },
  }),
];
