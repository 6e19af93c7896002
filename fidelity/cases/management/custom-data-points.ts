import type { operations } from "@authsignal-ts/management";
import { caseBuilder } from "../../src/case.ts";

const managementCase = caseBuilder<operations>();
const terraform = "authsignal/terraform-provider-authsignal" as const;
const managementGo = "authsignal/authsignal-management-go" as const;
const resource = {
  repo: terraform,
  path: "internal/provider/custom_data_point_resource.go",
  commit: "c7a7aab5b466445f3cc349b8887bf8ef27e7f8e2",
} as const;
const acceptance = {
  repo: terraform,
  path: "internal/provider/custom_data_point_resource_test.go",
  commit: "5a9cc71f64b30c50ca6df9c76c06857c130207b9",
} as const;
const olderResource = {
  repo: terraform,
  path: "internal/provider/custom_data_point_resource.go",
  commit: "9bf211a82673929b9a7a54e35e3d339a1400114e",
} as const;
const goDataPoints = {
  repo: managementGo,
  path: "custom-data-points.go",
  commit: "9cac57be4e18a9082fcdb8ebeeae2550b248ee32",
} as const;

export default [
  managementCase("createCustomDataPoint", {
    name: "create a data point with a description, private by default",
    source: { ...acceptance, at: "TestAccCustomDataPointResource, Terraform_Acc_Test_Action_Model_Type" },
    method: "POST",
    path: "/custom-data-points",
    body: {
      name: "Terraform_Acc_Test_Action_Model_Type",
      dataType: "number",
      modelType: "action",
      isPublic: false,
      description: "A test custom data point.",
    },
    response: {
      status: 200,
      body: {
        id: "3c9e1f7a-5b2d-4a8e-9f6c-1d0b2e4a7c35",
        name: "Terraform_Acc_Test_Action_Model_Type",
        dataType: "number",
        modelType: "action",
        description: "A test custom data point.",
        isPublic: false,
      },
      source: { ...goDataPoints, at: "CustomDataPointResponse" },
    },
  }),
  managementCase("createCustomDataPoint", {
    name: "create a public data point without a description",
    source: { ...resource, at: "Create: Description only when set; TestAccCustomDataPointResource's public point" },
    method: "POST",
    path: "/custom-data-points",
    body: { name: "Terraform_Acc_Test_Public", dataType: "text", modelType: "user", isPublic: true },
  }),
  managementCase("createCustomDataPoint", {
    name: "an older provider always sent the description, empty when unset, and no isPublic",
    source: { ...olderResource, at: "Create: Description SetValue(plan.Description.ValueString())" },
    method: "POST",
    path: "/custom-data-points",
    body: { name: "Terraform_Acc_Test_No_Description", dataType: "text", modelType: "action", description: "" },
  }),
  managementCase("getCustomDataPoint", {
    name: "read a data point by its ID",
    source: { ...resource, at: "Read: GetCustomDataPoint(state.Id)" },
    method: "GET",
    path: "/custom-data-points/3c9e1f7a-5b2d-4a8e-9f6c-1d0b2e4a7c35",
    response: {
      status: 200,
      body: {
        id: "3c9e1f7a-5b2d-4a8e-9f6c-1d0b2e4a7c35",
        name: "Terraform_Acc_Test_No_Description",
        dataType: "text",
        modelType: "action",
        description: "",
        isPublic: false,
      },
      source: { ...acceptance, at: "TestAccCustomDataPointResource, checks of Terraform_Acc_Test_No_Description" },
    },
  }),
  managementCase("updateCustomDataPoint", {
    name: "make a data point private again, the one field that changes in place",
    source: { ...resource, at: "Update: customDataPointToUpdate" },
    method: "PATCH",
    path: "/custom-data-points/3c9e1f7a-5b2d-4a8e-9f6c-1d0b2e4a7c35",
    body: { isPublic: false },
  }),
  managementCase("deleteCustomDataPoint", {
    name: "delete a data point",
    source: { ...resource, at: "Delete: DeleteCustomDataPoint(state.Id)" },
    method: "DELETE",
    path: "/custom-data-points/3c9e1f7a-5b2d-4a8e-9f6c-1d0b2e4a7c35",
    response: {
      status: 200,
      body: { success: true },
      source: { ...goDataPoints, at: "DeleteCustomDataPoint reads HttpStatusResponse" },
    },
  }),
];
