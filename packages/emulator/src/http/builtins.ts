// Node's built-in modules taken the way CommonJS takes them, not imported: an ES import of a
// built-in makes Node build a module facade that first reads every export (node:http's include
// undici's classes, so that facade loads all of undici). Measured, this saves the CLI's start only
// a millisecond or two, but it costs nothing.
// getBuiltinModule is Node 20.16+; require, for older Node 20, returns the same module.
import { createRequire } from "node:module";

export function builtin<T>(id: `node:${string}`): T {
  return (process.getBuiltinModule?.(id) ?? createRequire(import.meta.url)(id)) as T;
}
