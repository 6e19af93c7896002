// CI check: every public package changed since the last release (or the pull request's base)
// has a pending changeset. Usage: node scripts/check-changesets.ts
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadApis } from "./apis.ts";
import { changesetBumps, packagesTouched } from "./changeset-check.ts";
import { publicPackages, repoRoot } from "./pack.ts";
import { git, releaseBase } from "./release-base.ts";

const base = releaseBase(repoRoot);
// Before the first release every commit is unreleased, so the whole history counts.
const range = base
  ? [`${base}...HEAD`]
  : [git(["rev-list", "--max-parents=0", "HEAD"], repoRoot).split("\n").at(-1) ?? "HEAD"];
const changed = git(["diff", "--name-only", ...range], repoRoot)
  .split("\n")
  .filter(Boolean);
const specOwners = Object.fromEntries(
  (await loadApis()).apis.map((api) => [api.root.split("/")[0] as string, api.packageName]),
);
const touched = packagesTouched(changed, specOwners);

const changesetDir = join(repoRoot, ".changeset");
const covered = new Set<string>();
for (const file of readdirSync(changesetDir).filter((name) => name.endsWith(".md") && name !== "README.md")) {
  for (const name of changesetBumps(readFileSync(join(changesetDir, file), "utf8")).keys()) covered.add(name);
}

const missing = [...touched].filter((name) => !covered.has(name));
console.log(
  `changesets: compared with ${base ?? "the first commit (no release yet)"}; changed: ${[...touched].join(", ") || "none"}; covered: ${[...covered].join(", ") || "none"}`,
);
if (missing.length > 0) {
  console.error(
    `These packages changed without a changeset: ${missing.map((name) => `@authsignal-ts/${name}`).join(", ")}.\nRun \`pnpm changeset\` to describe the change for their changelogs.`,
  );
  process.exitCode = 1;
}
const unpublished = [...covered].filter((name) => !(publicPackages as readonly string[]).includes(name));
if (unpublished.length > 0) {
  console.error(
    `Changesets name packages that are never published: ${unpublished.map((name) => `@authsignal-ts/${name}`).join(", ")}.\nThe transport (packages/core) ships inside @authsignal-ts/server and @authsignal-ts/management: name those instead.`,
  );
  process.exitCode = 1;
}
