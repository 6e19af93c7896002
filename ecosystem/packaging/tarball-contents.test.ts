// Each tarball holds exactly what users need: the builds, types, the shipped spec, README and
// LICENSE, and nothing from src/ or the tests. Each entry point of a client is one self-contained
// file; the emulator's builds import only node builtins, their own chunks and its dependencies,
// and its Prism harness node builtins alone.
import { execFileSync } from "node:child_process";
import { tarballOf } from "@authsignal-ts/scripts/testing/ecosystem-context";
import { describe, expect, it } from "vitest";
import { clientPackages, emulator, expectedOf } from "./expected.ts";

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

/** The chunks each package's entry loads with `import()` on first use, by name before the hash. */
const chunkName = (specifier: string) => specifier.replace(/-[\w-]+\.c?js$/, "");

/**
 * The specifiers a file loads as soon as it runs: ESM imports and re-exports, and CommonJS
 * requires that are not inside the arrow function a lazy `import()` compiles to.
 */
function staticSpecifiersIn(source: string): string[] {
  const pattern = /\b(?:import|export)\b[^;"'`(]*?\bfrom\s*["']([^"']+)["']|(?<!=>\s*)\brequire\(\s*["']([^"']+)["']/g;
  return [...source.matchAll(pattern)].map((match) => match[1] ?? match[2] ?? "");
}

const entry = (name: string) => [`dist/${name}.cjs`, `dist/${name}.d.cts`, `dist/${name}.d.ts`, `dist/${name}.js`];

describe.each(clientPackages)("@authsignal-ts/%s", (name) => {
  const tarball = () => tarballOf(name);
  const { ownEntries, lazyChunks, shippedSpecs, renamedDeclarations } = expectedOf(name);

  it("ships its builds, types, lazily loaded chunks and bundled spec, and nothing else", () => {
    const files = filesIn(tarball());
    const isChunk = (file: string) => /^dist\/(pagination|verification)-[\w-]+\.c?js$/.test(file);
    expect(files.filter((file) => !isChunk(file))).toEqual(
      [
        "LICENSE",
        "README.md",
        ...entry("index"),
        ...entry("fetch-client"),
        "fetch-client/package.json",
        ...Object.keys(ownEntries).flatMap((own) => [...entry(own), `${own}/package.json`]),
        ...shippedSpecs,
        "package.json",
      ].sort(),
    );
    // One ESM and one CommonJS build of each.
    expect(files.filter(isChunk).map((file) => chunkName(file.replace("dist/", "./")))).toEqual(
      lazyChunks.flatMap((chunk) => [`./${chunk}`, `./${chunk}`]),
    );
  });

  // Each further module resolved at import costs start-up memory (BENCHMARKS.md).
  it("builds each entry point as one file: the client loads nothing else, the fetch client only openapi-fetch, compat only node:crypto", () => {
    for (const file of entry("index")) {
      const source = fileIn(tarball(), file);
      const types = file.endsWith(".d.ts") || file.endsWith(".d.cts");
      const lazy = specifiersIn(source);
      // Code for rarer features (webhook verification, pagination) is loaded on first use, from
      // a chunk of the package's own: never at import.
      expect(lazy.map(chunkName).sort(), file).toEqual(types ? [] : lazyChunks.map((chunk) => `./${chunk}`));
      expect(staticSpecifiersIn(source), file).toEqual([]);
      for (const chunk of lazy) {
        const extension = file.endsWith(".cjs") ? ".cjs" : ".js";
        expect(chunk.endsWith(extension), chunk).toBe(true);
        // It shares the entry's copy of everything (the error classes above all): it imports the
        // entry and nothing else.
        expect(specifiersIn(fileIn(tarball(), `dist/${chunk.slice(2)}`)), chunk).toEqual([`./index${extension}`]);
      }
    }
    for (const file of entry("fetch-client"))
      expect(specifiersIn(fileIn(tarball(), file)), file).toEqual(["openapi-fetch"]);
    // Nothing lazy either: the page walk it never uses is inlined, not a chunk of its own.
    for (const [own, imports] of Object.entries(ownEntries)) {
      for (const file of entry(own)) {
        const types = file.endsWith(".d.ts") || file.endsWith(".d.cts");
        expect(specifiersIn(fileIn(tarball(), file)), file).toEqual(types ? [] : imports);
      }
    }
  });

  // A generated type declared twice in one entry's bundle (a compat alias of the same name, say)
  // is renamed in the bundled declarations, and hovers and errors would print `TrackAttributes$1`.
  it("keeps the name of every type a message prints in its bundled declarations", () => {
    const declarations = filesIn(tarball()).filter((file) => /\.d\.c?ts$/.test(file));
    const renamed = declarations.flatMap((file) =>
      [...fileIn(tarball(), file).matchAll(/\b([A-Za-z_]\w*)\$\d+\b/g)].map((match) => match[1]),
    );
    expect([...new Set(renamed)].sort()).toEqual(renamedDeclarations);
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

describe("@authsignal-ts/emulator", () => {
  const tarball = () => tarballOf("emulator");
  const isChunk = (file: string) => /^dist\/[\w-]+-[\w-]{8}\.js$/.test(file);

  it("ships its command, builds, the two entry points' types, docs and the example seed: no sources, tests or maps", () => {
    const files = filesIn(tarball());
    expect(files.filter((file) => !isChunk(file))).toEqual([...emulator.files, ...emulator.entries].sort());
    expect(files.filter(isChunk).length).toBeGreaterThan(0);
  });

  it("imports in its builds only node builtins, its own chunks and its dependencies", () => {
    const outside = filesIn(tarball())
      .filter((file) => file.endsWith(".js") && file.startsWith("dist/"))
      .flatMap((file) => specifiersIn(fileIn(tarball(), file)).map((specifier) => `${file}: ${specifier}`))
      .filter((line) => {
        const specifier = line.slice(line.indexOf(": ") + 2);
        if (specifier.startsWith("node:")) return false;
        if (specifier.startsWith("./")) return !isChunk(`dist/${specifier.slice(2)}`);
        const name = specifier
          .split("/")
          .slice(0, specifier.startsWith("@") ? 2 : 1)
          .join("/");
        return !emulator.dependencies.includes(name);
      });
    expect(outside).toEqual([]);
  });

  // A test that imports the harness loads nothing of the emulator, and nothing it has not installed.
  it("builds the Prism harness as one file that imports node builtins only, and types that import the clients' alone", () => {
    expect(
      specifiersIn(fileIn(tarball(), "dist/prism.js")).filter((specifier) => !specifier.startsWith("node:")),
    ).toEqual([]);
    expect(specifiersIn(fileIn(tarball(), "dist/prism.d.ts"))).toEqual([
      "@authsignal-ts/management",
      "@authsignal-ts/server",
    ]);
  });

  it("starts its command from a launcher that loads the build through the package's #cli import", () => {
    const launcher = fileIn(tarball(), "bin/authsignal-emulator.js");
    expect(launcher.startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(specifiersIn(launcher)).toEqual(["#cli"]);
  });
});
