// What every Management resource shares: the state and writers a handler (or a seed) works with,
// the errors, lookups that 404, and the one partial-update rule (omitted stays, null clears, objects
// merge only as deep as the resource says).
import type { ApiContext } from "../../domain/context.ts";
import { EmulatorApiError } from "../../domain/errors.ts";
import type { Frozen } from "../../state/frozen.ts";
import { DEFAULT_TENANT_ID, type ManagementState } from "../../state/management.ts";
import type { ManagementWriters } from "../../state/management-store.ts";

/**
 * The tenant configuration to read and the writers to change it: a request's, or a seed's while it
 * is built, so that a seeded resource is checked and stored by the same code as a created one.
 */
export interface Management {
  readonly state: Frozen<ManagementState>;
  readonly store: ManagementWriters;
}

export const management = (context: ApiContext): Management => ({
  state: context.state.management,
  store: context.store.management,
});

/** The tenant every resource belongs to (a tenant always has an ID, though the spec lets the field be absent). */
export const tenantIdOf = (state: Frozen<ManagementState>): string => state.tenant.tenantId ?? DEFAULT_TENANT_ID;

/**
 * A stored value as an answer's body. The edge only serializes a body, so what the state holds is
 * answered as it is, without a copy; only its read-only type is dropped.
 */
export const stored = <T>(value: Frozen<T>): T => value as T;

/** What every delete answers (the spec's DeleteResult; Authsignal's own Go client reads `success`). */
export const deleted = () => ({ status: 200, body: { success: true } }) as const;

export function notFound(description: string): never {
  throw new EmulatorApiError(404, "not_found", description);
}

export function invalidRequest(description: string): never {
  throw new EmulatorApiError(400, "invalid_request", description);
}

export function conflict(description: string): never {
  throw new EmulatorApiError(409, "conflict", description);
}

/** The entry under `key`, or a 404 `not_found` that says what was looked for. */
export function existing<T>(records: { readonly [key: string]: T }, key: string, what: string): T {
  if (!Object.hasOwn(records, key)) notFound(`${what} was not found.`);
  return records[key] as T;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * `current` with `patch` applied, as a new object: an omitted or undefined field stays, `null`
 * removes it, a list or scalar replaces it, and an object merges into the stored object when
 * `mergeDepth` is above 0 (one level less each time down), otherwise replaces it. What the patch
 * sends is copied, so nothing stored is shared with a request body.
 */
export function applyPatch<T extends object>(current: Frozen<T>, patch: object, mergeDepth = 0): T {
  const next = { ...current } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) delete next[key];
    else if (mergeDepth > 0 && isPlainObject(value) && isPlainObject(next[key])) {
      next[key] = applyPatch(next[key] as object, value, mergeDepth - 1);
    } else if (mergeDepth > 0 && isPlainObject(value)) {
      next[key] = applyPatch({}, value, mergeDepth - 1);
    } else next[key] = structuredClone(value);
  }
  return next as T;
}

/** A copy without its undefined fields, so that a stored record never carries `key: undefined`. */
export function defined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}
