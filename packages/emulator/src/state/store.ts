// The one module that writes state: each aggregate's writers (server-store.ts, management-store.ts,
// emulator-store.ts), bound to the emulator's current state. Handlers and the domain read the state
// through `Frozen` types and change it only by calling these, so each invariant (a code spent once,
// one session key, prototype-free records) is kept in one place.
import { type MarkChanged, noChanges, type RecordKind } from "./changes.ts";
import { emulatorStore } from "./emulator-store.ts";
import { managementStore } from "./management-store.ts";
import { serverStore } from "./server-store.ts";
import type { EmulatorState } from "./types.ts";

/** Who hears of changes: a data dir's journal (state/persistence/); nobody in memory. */
export interface ChangeListener {
  /** Each writer names the records it changed, so a commit writes just those. */
  mark: MarkChanged;
  /** The whole state was replaced: a commit rewrites all of it. */
  replaced(): void;
}

export function createStore(
  current: () => EmulatorState,
  replace: (next: EmulatorState) => void,
  changes: ChangeListener = { mark: noChanges, replaced() {} },
) {
  // How many times records of each kind were changed: what derived views (an action's rules prepared
  // for evaluation) compare to know they are current, as every writer marks what it changes.
  const revisions: Partial<Record<RecordKind, number>> = {};
  const mark: MarkChanged = (kind, id, inner) => {
    revisions[kind] = (revisions[kind] ?? 0) + 1;
    changes.mark(kind, id, inner);
  };
  const revision = (kind: RecordKind): number => revisions[kind] ?? 0;
  return {
    /** Replaces the whole state: a reset, or an import checked whole before it is given here. */
    replaceAll(next: EmulatorState): void {
      replace(next);
      changes.replaced();
    },
    /**
     * A number that changes whenever a record of `kind` does (a whole replacement brings new
     * objects, which a view keyed by them tells apart).
     */
    revision,
    server: serverStore(current, mark, revision),
    management: managementStore(current, mark),
    emulator: emulatorStore(current, mark),
  };
}

/** Every writer of the state, by aggregate. */
export type Store = ReturnType<typeof createStore>;
