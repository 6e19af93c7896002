// The records changed since the last commit, and the commit that writes them to the data dir in
// one transaction. The store's writers mark (state/changes.ts); the composition root commits after
// each answer is made and before it leaves, and after each write that no request waits for.
import type { RecordKind } from "../changes.ts";
import type { ChangeListener } from "../store.ts";
import type { EmulatorState } from "../types.ts";
import { type Row, rowId, rowNow } from "./rows.ts";
import type { DataDir } from "./sqlite.ts";

export interface Journal extends ChangeListener {
  /** Writes every record changed since the last commit, in one transaction; nothing when none did. */
  commit(): void;
}

/**
 * A journal over `dataDir` for the state `current` answers. `whole` starts it with the whole state
 * to write, as a fresh dir's first commit writes the seed (or an import made before it).
 */
export function createJournal(dataDir: DataDir, current: () => EmulatorState, { whole = false } = {}): Journal {
  let everything = whole;
  const changed = new Map<RecordKind, Set<string>>();
  return {
    mark(kind, id, inner) {
      if (everything) return;
      let ids = changed.get(kind);
      if (!ids) {
        ids = new Set();
        changed.set(kind, ids);
      }
      ids.add(rowId(kind, id, inner));
    },
    replaced() {
      everything = true;
      changed.clear();
    },
    commit() {
      if (everything) {
        dataDir.replaceAll(current());
        everything = false;
        return;
      }
      if (changed.size === 0) return;
      const state = current();
      const rows: Row[] = [];
      for (const [kind, ids] of changed) for (const id of ids) rows.push(rowNow(state, kind, id));
      // Kept until written: a commit that fails (a full disk) is tried again with the next one.
      dataDir.write(rows);
      changed.clear();
    },
  };
}
