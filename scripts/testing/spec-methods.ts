// The methods a client must have, read from its bundled spec alone: one per operation, by
// operationId, except a route marked `x-alias-of` (a second route to another operation's
// behaviour, which gets no method). Client tests compare a client with this list rather than with
// the generated operation table, which built the client and so cannot show an operation it lost.
// It reads the JSON directly, not through spec/spec-operations.ts, which the generator uses too.
import { readFileSync } from "node:fs";

export function methodNamesInSpec(specPath: string | URL): string[] {
  const spec = JSON.parse(readFileSync(specPath, "utf8")) as { paths: Record<string, Record<string, unknown>> };
  const names: string[] = [];
  for (const pathItem of Object.values(spec.paths)) {
    for (const operation of Object.values(pathItem)) {
      if (typeof operation !== "object" || operation === null || !("operationId" in operation)) continue;
      if (!("x-alias-of" in operation)) names.push(String(operation.operationId));
    }
  }
  return names.sort();
}
