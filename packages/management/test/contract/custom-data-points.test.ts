// Contract tests for custom data points, keyed by the ID the API gives them.
import { mockOnly } from "@authsignal-ts/scripts/testing/contract";
import { describe, expect, it } from "vitest";
import { expectRefused, mgmt, surfacesDocumentedErrors } from "./support.ts";

const amount = {
  name: "amount",
  dataType: "number",
  modelType: "action",
  description: "The amount of the transfer, in the account's currency.",
  isPublic: true,
} as const;

const customDataPointId = "3c9e1f7a-5b2d-4a8e-9f6c-1d0b2e4a7c35";

describe("createCustomDataPoint", () => {
  it("sends the data point as the body and returns it with its ID", async () => {
    // The seed holds "amount", which the tests below read, and names are unique.
    const point = await mgmt.createCustomDataPoint({ ...amount, name: "fee" });
    // The API picks a new data point's ID; only the example can be the one the other tests read.
    mockOnly("management", () => expect(point.id).toBe(customDataPointId));
    expect(point.id).toBeTruthy();
    expect(point.dataType).toBe("number");
    expect(point.modelType).toBe("action");
    expect(point.isPublic).toBe(true);
  });

  it("needs only a name, a data type and a model type", async () => {
    const point = await mgmt.createCustomDataPoint({ name: "segment", dataType: "multiselect", modelType: "user" });
    expect(point.id).toBeTruthy();
  });

  surfacesDocumentedErrors((options) => mgmt.createCustomDataPoint(amount, options));

  it("is refused by the mock when dataType is not one of text, number, boolean, multiselect", async () => {
    // @ts-expect-error "string" is not a data type; text is
    await expectRefused(mgmt.createCustomDataPoint({ ...amount, dataType: "string" }), "dataType");
  });

  it("is refused by the mock when modelType is neither user nor action", async () => {
    // @ts-expect-error modelType is user or action
    await expectRefused(mgmt.createCustomDataPoint({ ...amount, modelType: "device" }), "modelType");
  });
});

describe("getCustomDataPoint", () => {
  it("returns the documented data point", async () => {
    const point = await mgmt.getCustomDataPoint({ customDataPointId });
    expect(point.id).toBe(customDataPointId);
    expect(point.name).toBe("amount");
  });

  surfacesDocumentedErrors((options) => mgmt.getCustomDataPoint({ customDataPointId }, options));
});

describe("updateCustomDataPoint", () => {
  it("changes whether the value is public and returns the whole data point", async () => {
    const point = await mgmt.updateCustomDataPoint({ customDataPointId, attributes: { isPublic: false } });
    expect(point.id).toBe(customDataPointId);
    expect(point.isPublic).toBe(false);
  });

  it("accepts null to clear the description", async () => {
    const point = await mgmt.updateCustomDataPoint({ customDataPointId, attributes: { description: null } });
    expect(point.id).toBe(customDataPointId);
  });

  surfacesDocumentedErrors((options) =>
    mgmt.updateCustomDataPoint({ customDataPointId, attributes: { isPublic: true } }, options),
  );

  it("is refused by the mock when it tries to change the data type", async () => {
    await expectRefused(
      // @ts-expect-error the data type is fixed when the data point is created
      mgmt.updateCustomDataPoint({ customDataPointId, attributes: { dataType: "text" } }),
      "dataType",
    );
  });
});

describe("deleteCustomDataPoint", () => {
  it("reports success", async () => {
    const result = await mgmt.deleteCustomDataPoint({ customDataPointId });
    expect(result.success).toBe(true);
  });

  surfacesDocumentedErrors((options) => mgmt.deleteCustomDataPoint({ customDataPointId }, options));
});
