#!/usr/bin/env node
// `check:generated` of each package, run after `generate` from the package's folder: fails when
// its generated folders (src/generated, or those named: the emulator's spec and handler ones) differ
// from what is committed, and says which of three things happened.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "../spec/apis.ts";

const git = (args: string[]) => execFileSync("git", args, { encoding: "utf8" });
/** Paths git reports as changed or untracked below `paths`, with their status code. */
const changes = (paths: string[]) =>
  git(["status", "--porcelain", "--untracked-files=all", "--", ...paths])
    .split("\n")
    .filter(Boolean)
    .map((line) => ({ code: line.slice(0, 2), path: line.slice(3) }));

const folders = process.argv.length > 2 ? process.argv.slice(2) : ["src/generated"];
const folder = folders.join(" and ");
const generated = changes(folders);
if (generated.length > 0) {
  const untracked = generated.filter((change) => change.code === "??").map((change) => change.path);
  const changed = generated.filter((change) => change.code !== "??").map((change) => change.path);
  // What generate reads: a change there that is not committed either explains the difference.
  const inputsChanged = changes([join(repoRoot, "openapi"), join(repoRoot, "scripts")]).length > 0;
  if (untracked.length > 0) {
    console.error(`check:generated: new generated files are not committed: ${untracked.join(", ")}. git add them.`);
  }
  if (changed.length > 0 && inputsChanged) {
    console.error(
      `check:generated: ${folder} was regenerated from changes to openapi/ or scripts/ that are not committed; commit them together: ${changed.join(", ")}`,
    );
  } else if (changed.length > 0) {
    console.error(
      `check:generated: the committed ${folder} is out of date with openapi/; run \`pnpm generate\` and commit: ${changed.join(", ")}`,
    );
  }
  process.exit(1);
}
