// The state as rows of a data dir (kind, id, JSON value), by the layouts of state/changes.ts: the
// value a marked record holds now (or that it is gone), every row of a whole state, and a state
// put back together from rows, which the caller checks like an import before it serves it.
import { type RecordKind, recordLayouts } from "../changes.ts";
import { entry, entryOrNew, records } from "../records.ts";
import type { EmulatorState } from "../types.ts";

export interface Row {
  kind: RecordKind;
  /** "" for a whole record; the key, or the list index; a nested record's keys as a JSON pair. */
  id: string;
  /** JSON text; undefined when the record is gone. */
  value: string | undefined;
}

const kinds = Object.keys(recordLayouts) as RecordKind[];

export const isRecordKind = (kind: string): kind is RecordKind => Object.hasOwn(recordLayouts, kind);

/** The row ID of a record named by a writer's mark. */
export function rowId(kind: RecordKind, id = "", inner = ""): string {
  return recordLayouts[kind] === "nested" ? JSON.stringify([id, inner]) : id;
}

function fieldOf(state: EmulatorState, kind: RecordKind): unknown {
  const [part, field] = kind.split(".") as [keyof EmulatorState, string];
  return (state[part] as unknown as Record<string, unknown>)[field];
}

/** What the record at (kind, id) holds now, as a row: its JSON, or undefined when it is gone. */
export function rowNow(state: EmulatorState, kind: RecordKind, id: string): Row {
  const field = fieldOf(state, kind);
  let value: unknown;
  switch (recordLayouts[kind]) {
    case "whole":
      value = field;
      break;
    case "keyed":
      value = entry(field as Record<string, unknown>, id);
      break;
    case "nested": {
      const [outer, inner] = JSON.parse(id) as [string, string];
      value = entry(entry(field as Record<string, Record<string, unknown>>, outer), inner);
      break;
    }
    case "list":
      value = (field as unknown[])[Number(id)];
      break;
  }
  return { kind, id, value: value === undefined ? undefined : JSON.stringify(value) };
}

/** Every row of a whole state. */
export function* rowsOf(state: EmulatorState): Generator<Row> {
  for (const kind of kinds) {
    const field = fieldOf(state, kind);
    switch (recordLayouts[kind]) {
      case "whole":
        yield { kind, id: "", value: JSON.stringify(field) };
        break;
      case "keyed":
        for (const [id, value] of Object.entries(field as object)) yield { kind, id, value: JSON.stringify(value) };
        break;
      case "nested":
        for (const [outer, inners] of Object.entries(field as Record<string, object>)) {
          for (const [inner, value] of Object.entries(inners)) {
            yield { kind, id: JSON.stringify([outer, inner]), value: JSON.stringify(value) };
          }
        }
        break;
      case "list":
        for (const [index, value] of (field as unknown[]).entries()) {
          yield { kind, id: String(index), value: JSON.stringify(value) };
        }
        break;
    }
  }
}

/**
 * The state the rows make, unchecked: a record missing or out of shape is for the state check
 * (spec/state-check.ts) to name, as it does for an import. Records of a kind are placed by their
 * ID, and a list's items in the order of their indices.
 */
export function stateFromRows(rows: Iterable<{ kind: string; id: string; value: string }>): unknown {
  const state: Record<string, Record<string, unknown>> = { management: {}, server: {}, emulator: {} };
  const lists = new Map<string, [number, unknown][]>();
  for (const kind of kinds) {
    const [part, field] = kind.split(".") as [string, string];
    const layout = recordLayouts[kind];
    // With no prototype, as an ID from a request may be "__proto__" (state/records.ts).
    if (layout === "keyed" || layout === "nested") (state[part] as Record<string, unknown>)[field] = records();
    if (layout === "list") lists.set(kind, []);
  }
  for (const { kind, id, value } of rows) {
    if (!isRecordKind(kind)) throw new Error(`it holds records of an unknown kind, ${JSON.stringify(kind)}`);
    const [part, field] = kind.split(".") as [string, string];
    const target = state[part] as Record<string, unknown>;
    const parsed: unknown = JSON.parse(value);
    switch (recordLayouts[kind]) {
      case "whole":
        target[field] = parsed;
        break;
      case "keyed":
        (target[field] as Record<string, unknown>)[id] = parsed;
        break;
      case "nested": {
        const [outer, inner] = JSON.parse(id) as [string, string];
        entryOrNew(target[field] as Record<string, Record<string, unknown>>, outer, records)[inner] = parsed;
        break;
      }
      case "list":
        lists.get(kind)?.push([Number(id), parsed]);
        break;
    }
  }
  for (const [kind, items] of lists) {
    const [part, field] = kind.split(".") as [string, string];
    (state[part] as Record<string, unknown>)[field] = items.sort(([a], [b]) => a - b).map(([, item]) => item);
  }
  return state;
}
