// What every Management resource shares: the answers, the errors, lookups that 404, and the one
// partial-update rule (omitted stays, null clears, objects merge only as deep as the resource says).

import type { EmulatorContext } from "../../domain/context.ts";
import { EmulatorApiError } from "../../domain/errors.ts";
import { DEFAULT_TENANT_ID, type ManagementState } from "../../state/management.ts";
import type { HandlerInput, HandlerResult, OperationHandler } from "../handler.ts";

export const management = (context: EmulatorContext): ManagementState => context.state.management;

/** The tenant every resource belongs to (a tenant always has an ID, though the spec lets the field be absent). */
export const tenantIdOf = (state: ManagementState): string => state.tenant.tenantId ?? DEFAULT_TENANT_ID;

export const ok = (body: unknown): HandlerResult => ({ status: 200, body });

/** What every delete answers (the spec's DeleteResult; Authsignal's own Go client reads `success`). */
export const deleted = (): HandlerResult => ({ status: 200, body: { success: true } });

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
export function existing<T>(records: Record<string, T>, key: string, what: string): T {
  if (!Object.hasOwn(records, key)) notFound(`${what} was not found.`);
  return records[key] as T;
}

/** Removes the entry under `key` and answers the delete, or 404s when there is none. */
export function remove<T>(records: Record<string, T>, key: string, what: string): HandlerResult {
  existing(records, key, what);
  delete records[key];
  return deleted();
}

/** The path parameter the router matched; it is always there for the operations that declare it. */
export function pathParam(input: { pathParams: Record<string, string> }, name: string): string {
  const value = input.pathParams[name];
  if (value === undefined) throw new Error(`The router passed no path parameter ${name}`);
  return value;
}

/**
 * The get, update and delete of a resource stored by the path parameter `param`: each 404s when
 * the entry is missing, and `update` stores what `change` makes of the entry and the request body.
 */
export function keyedResource<T>(
  records: (state: ManagementState, input: HandlerInput) => Record<string, T>,
  param: string,
  describe: (key: string) => string,
) {
  const lookup = (input: HandlerInput, context: EmulatorContext) => {
    const all = records(management(context), input);
    const key = pathParam(input, param);
    return { all, key, current: existing(all, key, describe(key)) };
  };
  const get: OperationHandler = (input, context) => ok(lookup(input, context).current);
  const update =
    (change: (current: T, body: never) => T): OperationHandler =>
    (input, context) => {
      const { all, key, current } = lookup(input, context);
      all[key] = change(current, input.body as never);
      return ok(all[key]);
    };
  const del: OperationHandler = (input, context) => {
    const { all, key } = lookup(input, context);
    delete all[key];
    return deleted();
  };
  return { get, update, delete: del };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * `current` with `patch` applied, as a new object: an omitted or undefined field stays, `null`
 * removes it, a list or scalar replaces it, and an object merges into the stored object when
 * `mergeDepth` is above 0 (one level less each time down), otherwise replaces it.
 */
export function applyPatch<T extends object>(current: T, patch: object, mergeDepth = 0): T {
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
