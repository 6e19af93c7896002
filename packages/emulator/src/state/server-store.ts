// The writers of the server part of the state.
import type { EmulatorState } from "./types.ts";

export function serverStore(current: () => EmulatorState) {
  void current;
  return {};
}
