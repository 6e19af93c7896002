// The state an emulator starts from with a data dir, and how its changes reach the dir: the stored
// state, checked like an import, when the dir holds one; the seed otherwise, written with the first
// commit. node:sqlite itself is loaded only when a dir is opened.
import { importProblem } from "./spec/state-check.ts";
import { createJournal, type Journal } from "./state/persistence/journal.ts";
import { DataDirError, openDataDir } from "./state/persistence/sqlite.ts";
import { withPrototypeFreeRecords } from "./state/records.ts";
import type { EmulatorState } from "./state/types.ts";

export { DataDirError };

export interface PersistedState {
  state: EmulatorState;
  /** Whether the state was the dir's, not the seed. */
  resumed: boolean;
  journal: Journal;
  close(): void;
}

/** Opens the dir, and answers the state to serve; `current` is the emulator's state once it serves. */
export function persistedState(
  dir: string,
  initialState: () => EmulatorState,
  wallClockMs: number,
  current: () => EmulatorState,
): PersistedState {
  const dataDir = openDataDir(dir);
  const { stored } = dataDir;
  if (stored === undefined) {
    return {
      state: initialState(),
      resumed: false,
      journal: createJournal(dataDir, current, { whole: true }),
      close: dataDir.close,
    };
  }
  const problem = importProblem(stored, wallClockMs);
  if (problem) {
    dataDir.close();
    throw new DataDirError(`${dir} holds a state that does not check: ${problem}`);
  }
  return {
    state: withPrototypeFreeRecords(stored as EmulatorState),
    resumed: true,
    journal: createJournal(dataDir, current),
    close: dataDir.close,
  };
}
