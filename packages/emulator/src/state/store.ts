// The one module that writes state: each aggregate's writers (server-store.ts, management-store.ts,
// emulator-store.ts), bound to the emulator's current state. Handlers and the domain read the state
// through `Frozen` types and change it only by calling these, so each invariant (a code spent once,
// one session key, prototype-free records) is kept in one place.
import { emulatorStore } from "./emulator-store.ts";
import { managementStore } from "./management-store.ts";
import { serverStore } from "./server-store.ts";
import type { EmulatorState } from "./types.ts";

export function createStore(current: () => EmulatorState, replace: (next: EmulatorState) => void) {
  return {
    /** Replaces the whole state: a reset, or an import checked whole before it is given here. */
    replaceAll: replace,
    server: serverStore(current),
    management: managementStore(current),
    emulator: emulatorStore(current),
  };
}

/** Every writer of the state, by aggregate. */
export type Store = ReturnType<typeof createStore>;
