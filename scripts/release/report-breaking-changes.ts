// CI report: changes to each API's spec since the last release that break existing users. It
// fails only when a package has breaking changes but no pending major changeset.
// Usage: pnpm check:breaking
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadApis, repoRoot } from "../spec/apis.ts";
import type { OpenApiDocument } from "../spec/openapi-document.ts";
import { pendingBumps } from "./changesets.ts";
import { git, releaseBase } from "./release-base.ts";
import { breakingChanges } from "./spec-diff.ts";

const base = releaseBase(repoRoot);
if (!base) {
  console.log("breaking changes: no release tag yet, so there is no released spec to compare with");
} else {
  const pending = pendingBumps(repoRoot);
  for (const { name: api, packageName, specPath } of (await loadApis()).apis) {
    let released: OpenApiDocument;
    try {
      released = JSON.parse(git(["show", `${base}:${specPath}`], repoRoot)) as OpenApiDocument;
    } catch {
      console.log(`breaking changes (${api}): not in ${base}, nothing to compare`);
      continue;
    }
    const current = JSON.parse(readFileSync(join(repoRoot, specPath), "utf8")) as OpenApiDocument;
    const changes = breakingChanges(released, current);
    console.log(`breaking changes (${api}) since ${base}: ${changes.length === 0 ? "none" : ""}`);
    for (const change of changes) console.log(`  - ${change}`);
    if (changes.length > 0 && !pending.get(packageName)?.has("major")) {
      console.error(`@authsignal-ts/${packageName} has breaking spec changes (${api}) but no pending major changeset.`);
      process.exitCode = 1;
    }
  }
}
