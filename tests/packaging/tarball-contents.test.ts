// Each tarball holds exactly what users need: the builds, types, the shipped spec, README and
// LICENSE, and nothing from src/ or the tests. Each entry point is one self-contained file.
import { execFileSync } from "node:child_process";
import { ecosystem } from "@authsignal-ts/scripts/ecosystem-context";
import { describe, expect, it } from "vitest";

const packages = ["server", "management"] as const;
/** The bundled specs each package ships: the server package also has Call Connect's. */
const shippedSpecs = { server: ["openapi.json", "call-connect/openapi.json"], management: ["openapi.json"] };

function filesIn(tarball: string): string[] {
  return execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .map((path) => path.replace(/^package\//, ""))
    .sort();
}

function fileIn(tarball: string, path: string): string {
  return execFileSync("tar", ["-xzOf", tarball, `package/${path}`], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
}

/** Every module specifier a built file loads: static and dynamic imports, re-exports and requires. */
function specifiersIn(source: string): string[] {
  const pattern =
    /\b(?:import|export)\b[^;"'`]*?\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']|\brequire\(\s*["']([^"']+)["']/g;
  return [...new Set([...source.matchAll(pattern)].map((match) => match[1] ?? match[2] ?? match[3] ?? ""))].sort();
}

const entry = (name: string) => [`dist/${name}.cjs`, `dist/${name}.d.cts`, `dist/${name}.d.ts`, `dist/${name}.js`];

describe.each(packages)("@authsignal-ts/%s", (name) => {
  const tarball = () => ecosystem().tarballs[name];

  it("ships its builds, types and bundled spec, and nothing else", () => {
    expect(filesIn(tarball())).toEqual(
      [
        "LICENSE",
        "README.md",
        ...entry("index"),
        ...entry("fetch-client"),
        "fetch-client/package.json",
        ...shippedSpecs[name],
        "package.json",
      ].sort(),
    );
  });

  // Each further module resolved at import costs start-up memory (BENCHMARKS.md).
  it("builds each entry point as one file: the client loads nothing else, the fetch client only openapi-fetch", () => {
    for (const file of entry("index")) expect(specifiersIn(fileIn(tarball(), file)), file).toEqual([]);
    for (const file of entry("fetch-client"))
      expect(specifiersIn(fileIn(tarball(), file)), file).toEqual(["openapi-fetch"]);
  });

  it("depends on openapi-fetch alone, at a published version range", () => {
    const manifest = JSON.parse(fileIn(tarball(), "package.json")) as {
      dependencies: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies)).toEqual(["openapi-fetch"]);
    expect(manifest.dependencies["openapi-fetch"]).toMatch(/^\^?\d+\.\d+\.\d+/);
  });
});
