// All state of one emulator instance, as plain JSON-serializable data so that export and import
// are JSON.stringify and JSON.parse, and two instances never share anything.
import type { ManagementState } from "./management/state.ts";
import type { ServerState } from "./server/state.ts";

export interface EmulatorState {
  /** Tenant configuration: what the Management API reads and writes. */
  management: ManagementState;
  /** Users, authenticators, devices, actions, challenges and sessions. */
  server: ServerState;
}
