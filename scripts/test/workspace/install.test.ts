// A fresh `pnpm install` prints nothing a newcomer would read as an error. pnpm links every
// workspace package's bins at install time, before anything is built, and warns for each link
// whose target is missing; so a bin must name a committed file, never build output.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, normalize } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../spec/apis.ts";

const tracked = new Set(
  execFileSync("git", ["ls-files", "-z"], { cwd: repoRoot, encoding: "utf8" }).split("\0").filter(Boolean),
);
const manifests = [...tracked].filter((file) => /^(?:[^/]+\/)*package\.json$/.test(file) && file !== "package.json");

function binsOf(manifest: string): string[] {
  const { bin } = JSON.parse(readFileSync(join(repoRoot, manifest), "utf8")) as {
    bin?: string | Record<string, string>;
  };
  const targets = bin === undefined ? [] : typeof bin === "string" ? [bin] : Object.values(bin);
  return targets.map((target) => normalize(join(manifest, "..", target)));
}

describe("workspace bins", () => {
  it("finds the emulator's command among them", () => {
    expect(manifests.flatMap(binsOf)).toContain("packages/emulator/bin/authsignal-emulator.js");
  });

  it.each(manifests.filter((manifest) => binsOf(manifest).length > 0))("%s names committed files only", (manifest) => {
    expect(binsOf(manifest).filter((target) => !tracked.has(target))).toEqual([]);
  });
});
