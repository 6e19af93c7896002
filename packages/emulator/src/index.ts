export { connectEmulator, type EmulatorConnection } from "./connect.ts";
export { EMULATOR_HEADER, emulatorVersion } from "./core/http.ts";
export {
  createEmulator,
  DEFAULT_MANAGEMENT_SECRET,
  DEFAULT_SERVER_SECRET,
  type Emulator,
  type EmulatorOptions,
} from "./emulator.ts";
export { EmulatorApiError } from "./handler.ts";
export { type RunningEmulator, type StartEmulatorOptions, startEmulator } from "./node.ts";
export type { EmulatorSeed, SeedUser } from "./seed.ts";
export { EmulatorSeedError } from "./seed.ts";
export type { CompleteActionInput, CompleteActionResult } from "./server/actions.ts";
export type { AppClient, RiskSignals } from "./server/state.ts";
export type { EmulatorSettings } from "./settings.ts";
export { defaultSettings } from "./settings.ts";
export type { EmulatorState, OutboxMessage, WebhookDelivery } from "./state.ts";
export type { MessageFilter, TestApi } from "./test-api.ts";
