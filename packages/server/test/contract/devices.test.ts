// Contract tests for the Devices operations, against the Prism mock (see support.ts).
import { describe, expect, it } from "vitest";
import { apiError, contractServer, surfacesDocumentedErrors, violationLocations } from "./support.ts";

const server = contractServer();
const device = { userId: "usr_123", deviceId: "5c8e1f5a-2a0b-4b7e-9a51-8d3c4f1f7e21" };

describe("getDevices", () => {
  it("lists the user's devices", async () => {
    const devices = await server.getDevices({ userId: "usr_123" });
    expect(devices.map((item) => item.deviceId)).toEqual([device.deviceId, "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"]);
    expect(devices[0]?.rememberedUntil).toBe("2025-07-02T21:04:11.120Z");
    expect(devices[1]?.rememberedUntil).toBeNull();
    expect(devices[1]?.invalidatedAt).toBeTruthy();
  });

  surfacesDocumentedErrors((options) => server.getDevices({ userId: "usr_123" }, options));
});

describe("updateDevice", () => {
  it("remembers the device until a time", async () => {
    const result = await server.updateDevice({
      ...device,
      attributes: { rememberedUntil: "2025-07-02T21:04:11.120Z" },
    });
    expect(result.deviceId).toBe(device.deviceId);
    expect(result.rememberedUntil).toBe("2025-07-02T21:04:11.120Z");
  });

  it("accepts null to forget the device", async () => {
    const result = await server.updateDevice({ ...device, attributes: { rememberedUntil: null } });
    expect(result.userId).toBe("usr_123");
  });

  surfacesDocumentedErrors((options) =>
    server.updateDevice({ ...device, attributes: { rememberedUntil: null } }, options),
  );

  it("is refused by the mock when rememberedUntil is not a date-time", async () => {
    const error = await apiError(server.updateDevice({ ...device, attributes: { rememberedUntil: "in 30 days" } }));
    expect(violationLocations(error)).toContain("request.body.rememberedUntil");
  });
});

describe("invalidateDevice", () => {
  it("returns the invalidated device", async () => {
    const result = await server.invalidateDevice(device);
    expect(result.deviceId).toBe(device.deviceId);
    expect(Date.parse(result.invalidatedAt ?? "")).not.toBeNaN();
  });

  surfacesDocumentedErrors((options) => server.invalidateDevice(device, options));
});
