// Node's built-in modules taken the way CommonJS takes them, not imported: an ES import of a
// built-in makes Node build a module facade that first reads every export, and the CLI's imports
// of node:fs, node:util and node:stream cost it several milliseconds of its start that way.
// getBuiltinModule is Node 20.16+; require, for older Node 20, returns the same module.
import { createRequire } from "node:module";

export function builtin<T>(id: `node:${string}`): T {
  return (process.getBuiltinModule?.(id) ?? createRequire(import.meta.url)(id)) as T;
}
