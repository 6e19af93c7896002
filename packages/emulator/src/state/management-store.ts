// The writers of the management part of the state.
import type { EmulatorState } from "./types.ts";

export function managementStore(current: () => EmulatorState) {
  void current;
  return {};
}
