// CI check: every public package changed since the last release (or the pull request's base)
// has a pending changeset. Usage: pnpm check:changesets
import { clientPackagesOf, loadApis, loadPublicPackages, repoRoot } from "../spec/apis.ts";
import { packagesTouched, pendingBumps } from "./changesets.ts";
import { git, releaseBase } from "./release-base.ts";

const base = releaseBase(repoRoot);
// Before the first release every commit is unreleased, so the whole history counts.
const range = base
  ? [`${base}...HEAD`]
  : [git(["rev-list", "--max-parents=0", "HEAD"], repoRoot).split("\n").at(-1) ?? "HEAD"];
const changed = git(["diff", "--name-only", ...range], repoRoot)
  .split("\n")
  .filter(Boolean);
const { apis } = await loadApis();
const publicPackages = await loadPublicPackages();
const touched = packagesTouched(changed, apis, publicPackages);
const covered = new Set(pendingBumps(repoRoot).keys());

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
const unpublished = [...covered].filter((name) => !publicPackages.includes(name));
if (unpublished.length > 0) {
  console.error(
    `Changesets name packages that are never published: ${unpublished.map((name) => `@authsignal-ts/${name}`).join(", ")}.\nThe transport (packages/core) ships inside ${clientPackagesOf(
      apis,
    )
      .map((name) => `@authsignal-ts/${name}`)
      .join(" and ")}: name those instead.`,
  );
  process.exitCode = 1;
}
