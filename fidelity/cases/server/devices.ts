// The device calls: only the PHP SDK makes them.
import type { operations } from "@authsignal-ts/server";
import { caseBuilder } from "../../src/case.ts";
import { php } from "../sdks.ts";

const serverCase = caseBuilder<operations>();

const device = {
  userId: "123:test",
  deviceId: "5c8e1f5a-2a0b-4b7e-9a51-8d3c4f1f7e21",
  createdAt: "2025-03-14T09:26:53.589Z",
  authenticatedAt: "2025-06-02T21:04:11.120Z",
  rememberedUntil: null,
  lastVerificationMethod: "PASSKEY",
} as const;

export default [
  serverCase("getDevices", {
    name: "PHP: a user's devices, the user ID percent-encoded",
    source: { ...php, path: "lib/Authsignal/Authsignal.php", at: "getDevices" },
    method: "GET",
    path: "/users/123%3Atest/devices",
    response: { status: 200, body: [device] },
  }),
  serverCase("invalidateDevice", {
    name: "PHP: invalidate a device, with no body",
    source: { ...php, path: "lib/Authsignal/Authsignal.php", at: "invalidateDevice: send(path, null, 'post')" },
    method: "POST",
    path: "/users/123%3Atest/devices/5c8e1f5a-2a0b-4b7e-9a51-8d3c4f1f7e21/invalidate",
    response: { status: 200, body: { ...device, invalidatedAt: "2025-06-03T08:00:00.000Z" } },
  }),
];
