import { describe, expect, it } from "vitest";
import { managementFixture, succeeded } from "./support.ts";

const withdrawal = { name: "withdrawalAmount", dataType: "number", modelType: "action", description: "In NZD" };
const point = { customDataPointId: "id-1" };

describe("custom data points", () => {
  it("gives a created point an ID and isPublic false by default", async () => {
    const { call, state } = managementFixture();
    const body = await succeeded(call("createCustomDataPoint", { body: withdrawal }));
    expect(body).toEqual({ ...withdrawal, id: "id-1", isPublic: false });
    expect(state.customDataPoints["id-1"]).toEqual(body);
    expect(await succeeded(call("getCustomDataPoint", { pathParams: point }))).toEqual(body);
  });

  it("answers 400 for a name another point has", async () => {
    const { call, state } = managementFixture();
    await call("createCustomDataPoint", { body: withdrawal });
    const again = await call("createCustomDataPoint", { body: { ...withdrawal, dataType: "text" } });
    expect(again).toMatchObject({ status: 400, body: { error: "invalid_request" } });
    expect(Object.keys(state.customDataPoints)).toEqual(["id-1"]);
  });

  it("updates isPublic, clears the description with null, and keeps the rest", async () => {
    const { call } = managementFixture();
    await call("createCustomDataPoint", { body: withdrawal });
    const body = await succeeded(
      call("updateCustomDataPoint", { pathParams: point, body: { isPublic: true, description: null } }),
    );
    expect(body).toEqual({
      id: "id-1",
      name: "withdrawalAmount",
      dataType: "number",
      modelType: "action",
      isPublic: true,
    });
  });

  it("deletes a point, then 404s", async () => {
    const { call, state } = managementFixture();
    await call("createCustomDataPoint", { body: withdrawal });
    expect(await succeeded(call("deleteCustomDataPoint", { pathParams: point }))).toEqual({ success: true });
    expect(state.customDataPoints).toEqual({});
    expect((await call("getCustomDataPoint", { pathParams: point })).status).toBe(404);
    expect((await call("updateCustomDataPoint", { pathParams: point, body: { isPublic: true } })).status).toBe(404);
    expect((await call("deleteCustomDataPoint", { pathParams: point })).status).toBe(404);
  });
});
