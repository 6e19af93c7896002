// Each tarball holds exactly what users need: the builds, types, the shipped spec, README and
// LICENSE, and nothing from src/ or the tests.
import { execFileSync } from "node:child_process";
import { ecosystem } from "@authsignal-ts/scripts/ecosystem-context";
import { describe, expect, it } from "vitest";

function filesIn(tarball: string): string[] {
  return execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .map((path) => path.replace(/^package\//, ""))
    .sort();
}

const builds = ["dist/index.cjs", "dist/index.d.cts", "dist/index.d.ts", "dist/index.js"];

describe("tarball contents", () => {
  it.each(["server", "management"] as const)("@authsignal-ts/%s ships its builds, types and bundled spec", (name) => {
    expect(filesIn(ecosystem().tarballs[name])).toEqual(
      ["LICENSE", "README.md", ...builds, "openapi.json", "package.json"].sort(),
    );
  });

  it("@authsignal-ts/core ships its builds and types", () => {
    expect(filesIn(ecosystem().tarballs.core)).toEqual(["LICENSE", "README.md", ...builds, "package.json"].sort());
  });

  it("rewrites workspace dependencies to real versions", () => {
    const manifest = JSON.parse(
      execFileSync("tar", ["-xzOf", ecosystem().tarballs.server, "package/package.json"], { encoding: "utf8" }),
    ) as { dependencies: Record<string, string> };
    expect(manifest.dependencies["@authsignal-ts/core"]).toMatch(/^\d+\.\d+\.\d+/);
  });
});
