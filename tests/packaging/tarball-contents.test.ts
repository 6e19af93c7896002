// Each tarball holds exactly what users need: the builds, types, the shipped spec, README and
// LICENSE, and nothing from src/ or the tests.
import { execFileSync } from "node:child_process";
import { ecosystem } from "@authsignal-ts/scripts/ecosystem-context";
import { describe, expect, it } from "vitest";

// Shared chunks carry a content hash in their names; they are listed by pattern.
function filesIn(tarball: string): string[] {
  return execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .map((path) => path.replace(/^package\//, "").replace(/-[\w-]{8}\.(js|cjs|d\.ts|d\.cts)$/, "-<hash>.$1"))
    .sort();
}

const entry = (name: string) => [`dist/${name}.cjs`, `dist/${name}.d.cts`, `dist/${name}.d.ts`, `dist/${name}.js`];
const builds = [...entry("index"), ...entry("fetch-client"), "fetch-client/package.json"];
const chunk = (name: string, kinds: string[]) => kinds.map((kind) => `dist/${name}-<hash>.${kind}`);

describe("tarball contents", () => {
  it.each(["server", "management"] as const)("@authsignal-ts/%s ships its builds, types and bundled spec", (name) => {
    expect(filesIn(ecosystem().tarballs[name])).toEqual(
      [
        "LICENSE",
        "README.md",
        ...builds,
        // What both entry points share: the generated table and the client's types.
        ...chunk("operations", ["js", "cjs"]),
        ...chunk("client", ["d.ts", "d.cts"]),
        "openapi.json",
        "package.json",
      ].sort(),
    );
  });

  it("@authsignal-ts/core ships its builds and types", () => {
    expect(filesIn(ecosystem().tarballs.core)).toEqual(
      [
        "LICENSE",
        "README.md",
        ...builds,
        ...chunk("transport", ["js", "cjs"]),
        ...chunk("request-options", ["d.ts", "d.cts"]),
        "package.json",
      ].sort(),
    );
  });

  it("rewrites workspace dependencies to real versions", () => {
    const manifest = JSON.parse(
      execFileSync("tar", ["-xzOf", ecosystem().tarballs.server, "package/package.json"], { encoding: "utf8" }),
    ) as { dependencies: Record<string, string> };
    expect(manifest.dependencies["@authsignal-ts/core"]).toMatch(/^\d+\.\d+\.\d+/);
  });
});
