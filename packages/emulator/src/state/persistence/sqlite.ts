// A data dir: the state in an SQLite database (Node's built-in node:sqlite, loaded only here, so an
// emulator in memory never loads it), one row per record (rows.ts). What it promises:
//
// - Every commit is one transaction: the records of a request are all there or none is.
// - WAL journal with synchronous=NORMAL: a commit has reached the operating system before the
//   answer leaves, so it survives the emulator's process being killed (kill -9, an OOM kill, a
//   crash). A power loss or a crash of the operating system may lose the last commits, never the
//   database's consistency: the database comes back as it was at an earlier commit. FULL would
//   cover a power loss with an fsync per request; a test tool's state does not need that cost.
// - locking_mode=EXCLUSIVE: the process holds the database's lock until it closes it or dies (the
//   system frees it then, so a kill leaves no stale lock), and a second emulator on the same dir is
//   refused rather than let the two overwrite each other.
import type { EmulatorState } from "../types.ts";
import { type Row, rowsOf, stateFromRows } from "./rows.ts";

type Sqlite = typeof import("node:sqlite");
type Database = InstanceType<Sqlite["DatabaseSync"]>;

/** A data dir that cannot be used: the message says why, and the caller names the option. */
export class DataDirError extends Error {
  override name = "DataDirError";
}

/** The rows' format: PRAGMA user_version, 0 in a database that holds no state yet. */
const FORMAT = 1;
const FILE = "emulator.sqlite";
const SQLITE_BUSY = 5;

function loadSqlite(): Sqlite {
  const sqlite = process.getBuiltinModule?.("node:sqlite") as Sqlite | undefined;
  if (!sqlite) {
    throw new DataDirError(
      `keeping the state on disk needs node:sqlite, in Node 22.13 or later; this is Node ${process.versions.node}`,
    );
  }
  return sqlite;
}

export interface DataDir {
  /** The stored state as it was read, unchecked; undefined when the dir holds none yet. */
  readonly stored: unknown;
  /** Writes these rows (a row whose value is undefined is deleted) in one transaction. */
  write(rows: Iterable<Row>): void;
  /** Replaces every row with the state's, in one transaction. */
  replaceAll(state: EmulatorState): void;
  /** Releases the database and its lock; later writes throw. */
  close(): void;
}

// Node's messages repeat the path and the syscall; these say why in words.
const mkdirReasons: Record<string, string> = {
  EEXIST: "a file is in the way",
  ENOTDIR: "a part of the path is a file",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the file system is read-only",
};

function openDatabase(sqlite: Sqlite, dir: string): Database {
  // Taken like node:sqlite, on first use: an emulator in memory loads none of this module's needs.
  const { mkdirSync } = process.getBuiltinModule("node:fs");
  const { join } = process.getBuiltinModule("node:path");
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const reason = (code && mkdirReasons[code]) ?? message;
    throw new DataDirError(`${dir} cannot be made a directory: ${reason}`);
  }
  let database: Database | undefined;
  try {
    database = new sqlite.DatabaseSync(join(dir, FILE), { timeout: 0 });
    database.exec("PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
    // An immediate transaction takes the write lock now, so a second emulator fails at its start.
    database.exec(
      "BEGIN IMMEDIATE; CREATE TABLE IF NOT EXISTS records (kind TEXT NOT NULL, id TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID; COMMIT;",
    );
    return database;
  } catch (error) {
    database?.close();
    if ((error as { errcode?: number }).errcode === SQLITE_BUSY) {
      throw new DataDirError(`${dir} is in use by another emulator (its database is locked); give each its own dir`);
    }
    throw new DataDirError(
      `${join(dir, FILE)} cannot be opened as the emulator's database: ${(error as Error).message}`,
    );
  }
}

function read(database: Database, dir: string): unknown {
  const { user_version: format } = database.prepare("PRAGMA user_version").get() as { user_version: number };
  if (format === 0) return undefined;
  if (format !== FORMAT) {
    throw new DataDirError(`${dir} was written by another version of the emulator (format ${format}, not ${FORMAT})`);
  }
  try {
    return stateFromRows(database.prepare("SELECT kind, id, value FROM records").all() as never);
  } catch (error) {
    throw new DataDirError(`${dir} holds a state that cannot be read: ${(error as Error).message}`);
  }
}

/** Opens (or makes) a data dir and reads what it holds. */
export function openDataDir(dir: string): DataDir {
  const database = openDatabase(loadSqlite(), dir);
  let stored: unknown;
  try {
    stored = read(database, dir);
  } catch (error) {
    database.close();
    throw error;
  }
  const put = database.prepare("INSERT OR REPLACE INTO records (kind, id, value) VALUES (?, ?, ?)");
  const remove = database.prepare("DELETE FROM records WHERE kind = ? AND id = ?");
  const transaction = (write: () => void) => {
    database.exec("BEGIN");
    try {
      write();
      database.exec("COMMIT");
    } catch (error) {
      if (database.isTransaction) database.exec("ROLLBACK");
      throw error;
    }
  };
  const writeRows = (rows: Iterable<Row>) => {
    for (const { kind, id, value } of rows) {
      if (value === undefined) remove.run(kind, id);
      else put.run(kind, id, value);
    }
  };
  return {
    stored,
    write: (rows) => transaction(() => writeRows(rows)),
    replaceAll(state) {
      transaction(() => {
        database.exec("DELETE FROM records");
        writeRows(rowsOf(state));
        database.exec(`PRAGMA user_version = ${FORMAT}`);
      });
    },
    close() {
      if (database.isOpen) database.close();
    },
  };
}
