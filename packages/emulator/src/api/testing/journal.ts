// The request journal: what each request to the APIs was and how it was answered, for a developer
// whose test got an answer they did not expect. It is on by default and sits on the path of every
// request, so recording is cheap: after the answer, references only (the parsed body as the
// pipeline read it, the URL string), in a ring of bounded size. Everything costly (the query
// parsed, secrets redacted, copies) happens when someone reads it.
import { redacted } from "./redact.ts";

/** What the pipeline learned of a request while answering it; filled in as it goes. */
export interface RequestNote {
  /** The operationId of the route it matched. */
  operation?: string;
  /** The body as parsed, before any unknown field was taken out. */
  body?: unknown;
  /** Why it was refused, when a check refused it. */
  errors?: string[];
  /** What was let through with a warning: the unknown fields ignored. */
  warnings?: string[];
}

interface Recorded {
  id: number;
  timeMs: number;
  method: string;
  url: string;
  status: number;
  durationMs: number;
  note: RequestNote;
}

/** One request as the journal reports it. */
export interface JournalEntry {
  /** Increasing within one emulator, never reused, also across `clearRequests()`. */
  id: number;
  /** When it arrived, by the emulator's clock, ISO 8601. */
  time: string;
  method: string;
  path: string;
  /** The query parameters, each a string, or an array when repeated. */
  query: Record<string, string | string[]>;
  /** The operation it was routed to (its operationId), when it matched one. */
  operation?: string;
  status: number;
  /** From its arrival to its answer, in milliseconds. */
  durationMs: number;
  /** Why it was refused: the errorDescription of a request that broke the spec. */
  errors: string[];
  /** What was ignored: `unknown field body.redirect_url`. */
  warnings: string[];
  /** The JSON body it carried, secrets and codes replaced by "[redacted]" unless asked otherwise. */
  body?: unknown;
}

export interface RequestFilter {
  method?: string;
  /** The path, exactly; or, ending in `*`, a path that starts with what comes before it. */
  path?: string;
  operation?: string;
  /** A status (`400`), or a class of them (`"4xx"`). */
  status?: number | string;
  /**
   * false: bodies and query values as they were sent, OTP codes and tokens included. Unsafe where
   * the journal is shown to anyone but the developer running the emulator.
   */
  redact?: boolean;
}

export const defaultJournalLimit = 1000;

export interface Journal {
  record(entry: Omit<Recorded, "id">): void;
  read(filter?: RequestFilter): JournalEntry[];
  clear(): void;
}

function queryOf(search: URLSearchParams, redact: boolean): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(search.keys())) {
    const values = search.getAll(name);
    query[name] = values.length === 1 ? (values[0] as string) : values;
  }
  return redact ? (redacted(query) as Record<string, string | string[]>) : query;
}

function statusMatches(status: number, wanted: number | string | undefined): boolean {
  if (wanted === undefined) return true;
  const text = String(wanted).toLowerCase();
  return /^[1-5]xx$/.test(text) ? Math.floor(status / 100) === Number(text[0]) : status === Number(text);
}

function matches(entry: Recorded, path: string, filter: RequestFilter): boolean {
  const wantedPath = filter.path;
  return (
    (filter.method === undefined || entry.method === filter.method.toUpperCase()) &&
    (wantedPath === undefined ||
      (wantedPath.endsWith("*") ? path.startsWith(wantedPath.slice(0, -1)) : path === wantedPath)) &&
    (filter.operation === undefined || entry.note.operation === filter.operation) &&
    statusMatches(entry.status, filter.status)
  );
}

/** A journal of at most `limit()` entries (read at each request, so a setting can change it); oldest dropped. */
export function createJournal(limit: () => number): Journal {
  // A ring: `entries[start]` is the oldest once it is full.
  let entries: Recorded[] = [];
  let start = 0;
  let nextId = 1;
  return {
    record(entry) {
      const size = limit();
      if (size <= 0) {
        if (entries.length > 0) entries = [];
        start = 0;
        return;
      }
      const recorded = { id: nextId++, ...entry };
      if (entries.length > size) {
        // The limit went down: keep the newest, in order.
        entries = [...entries.slice(start), ...entries.slice(0, start)].slice(-size);
        start = 0;
      }
      if (entries.length < size) {
        if (start === 0) entries.push(recorded);
        else {
          entries = [...entries.slice(start), ...entries.slice(0, start), recorded];
          start = 0;
        }
        return;
      }
      entries[start] = recorded;
      start = (start + 1) % size;
    },
    read(filter = {}) {
      const redact = filter.redact !== false;
      const found: JournalEntry[] = [];
      for (const entry of [...entries.slice(start), ...entries.slice(0, start)]) {
        const url = new URL(entry.url);
        if (!matches(entry, url.pathname, filter)) continue;
        const { operation, body, errors = [], warnings = [] } = entry.note;
        found.push({
          id: entry.id,
          time: new Date(entry.timeMs).toISOString(),
          method: entry.method,
          path: url.pathname,
          query: queryOf(url.searchParams, redact),
          ...(operation !== undefined && { operation }),
          status: entry.status,
          durationMs: entry.durationMs,
          errors: [...errors],
          warnings: [...warnings],
          ...(body !== undefined && { body: redact ? redacted(body) : structuredClone(body) }),
        });
      }
      return found;
    },
    clear() {
      entries = [];
      start = 0;
    },
  };
}
