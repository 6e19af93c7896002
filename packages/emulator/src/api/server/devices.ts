// Devices: recorded by track, listed, remembered until a time (which makes `device.isRemembered`
// true for rules until then) and invalidated.
import type { operations as Operations } from "@authsignal-ts/server";
import type { ApiContext } from "../../domain/context.ts";
import { entry } from "../../state/records.ts";
import type { Handler } from "../handler.ts";
import { findUser, isoNow, notFound, ok } from "./common.ts";

export const getDevices: Handler<Operations["getDevices"]> = (request, context) =>
  ok(Object.values(findUser(context, request.path.userId)?.devices ?? {}));

function existingDevice(context: ApiContext, { userId, deviceId }: { userId: string; deviceId: string }) {
  const device = entry(findUser(context, userId)?.devices, deviceId);
  return device ?? notFound(`No device ${deviceId} was found for user ${userId}.`);
}

export const updateDevice: Handler<Operations["updateDevice"]> = (request, context) => {
  const device = existingDevice(context, request.path);
  const { rememberedUntil } = request.body;
  if (rememberedUntil === undefined) return ok(device);
  const { userId, deviceId } = request.path;
  return ok(context.store.server.rememberDevice(userId, deviceId, rememberedUntil) ?? device);
};

export const invalidateDevice: Handler<Operations["invalidateDevice"]> = (request, context) => {
  const device = existingDevice(context, request.path);
  const { userId, deviceId } = request.path;
  return ok(context.store.server.invalidateDevice(userId, deviceId, isoNow(context)) ?? device);
};
