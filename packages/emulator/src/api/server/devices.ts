// Devices: recorded by track, listed, remembered until a time (which makes `device.isRemembered`
// true for rules until then) and invalidated.
import type { components } from "@authsignal-ts/server";
import type { EmulatorContext } from "../../domain/context.ts";
import { entry } from "../../state/records.ts";
import type { UserDevice } from "../../state/server.ts";
import type { HandlerInput, HandlerResult } from "../handler.ts";
import { bodyOf, findUser, isoNow, notFound, ok, param } from "./common.ts";

export function getDevices(input: HandlerInput, context: EmulatorContext): HandlerResult {
  return ok(Object.values(findUser(context, param(input, "userId"))?.devices ?? {}));
}

function existingDevice(input: HandlerInput, context: EmulatorContext): UserDevice {
  const userId = param(input, "userId");
  const deviceId = param(input, "deviceId");
  const device = entry(findUser(context, userId)?.devices, deviceId);
  return device ?? notFound(`No device ${deviceId} was found for user ${userId}.`);
}

export function updateDevice(input: HandlerInput, context: EmulatorContext): HandlerResult {
  const device = existingDevice(input, context);
  const { rememberedUntil } = bodyOf<components["schemas"]["UpdateDeviceAttributes"]>(input);
  if (rememberedUntil !== undefined) device.rememberedUntil = rememberedUntil;
  return ok(device);
}

export function invalidateDevice(input: HandlerInput, context: EmulatorContext): HandlerResult {
  const device = existingDevice(input, context);
  device.invalidatedAt = isoNow(context);
  return ok(device);
}
