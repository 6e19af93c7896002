// The emulator's layers, each importing only itself and those below it (CONTRIBUTING, "The
// emulator's layers"): the entry points compose everything; then the HTTP edge, the spec layer, the
// handlers, the domain and, at the bottom, the state. An import running back up fails here with
// the file, the import and both layers named.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const src = resolve(import.meta.dirname, "../../src");

/** Top to bottom; a folder of src/ not named here is an entry point's. */
const layers = ["entry", "http", "spec", "api", "domain", "state"] as const;
type Layer = (typeof layers)[number];

function layerOf(file: string): Layer {
  const top = relative(src, file).split("/")[0] as string;
  return (layers as readonly string[]).includes(top) ? (top as Layer) : "entry";
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((item) => {
    const path = join(folder, item.name);
    if (item.isDirectory()) return sourceFiles(path);
    return /\.(ts|js)$/.test(item.name) && !item.name.endsWith(".d.ts") ? [path] : [];
  });
}

// Static imports and exports, `import type` among them, and dynamic imports of a literal path.
const importPattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^import\s+)["'](\.{1,2}\/[^"']+)["']/gm;

/** Each import of `files` (path and text) that runs to a layer above the importing file's. */
function upwardImports(files: readonly (readonly [string, string])[]): string[] {
  const found: string[] = [];
  for (const [file, text] of files) {
    for (const match of text.matchAll(importPattern)) {
      const target = resolve(dirname(file), match[1] as string);
      if (!target.startsWith(`${src}/`)) continue;
      const [from, to] = [layerOf(file), layerOf(target)];
      if (layers.indexOf(to) < layers.indexOf(from)) {
        found.push(`${relative(src, file)} (${from}) imports ${relative(src, target)} (${to})`);
      }
    }
  }
  return found;
}

describe("the emulator's layers", () => {
  const files = sourceFiles(src).map((file) => [file, readFileSync(file, "utf8")] as const);

  it("has a file in every layer", () => {
    expect(new Set(files.map(([file]) => layerOf(file)))).toEqual(new Set(layers));
  });

  it("has no import running back up", () => {
    expect(upwardImports(files)).toEqual([]);
  });

  it("sees one, static, type-only or dynamic, and lets a downward one pass", () => {
    const handler = join(src, "api/server/track.ts");
    expect(
      upwardImports([
        [handler, 'import { route } from "../../http/router.ts";\nimport { emit } from "../../domain/webhooks.ts";'],
        [handler, 'import type { Seed } from "../../seed/check.ts";'],
        [join(src, "state/store.ts"), 'const rules = await import("../domain/rules.ts");'],
      ]),
    ).toEqual([
      "api/server/track.ts (api) imports http/router.ts (http)",
      "api/server/track.ts (api) imports seed/check.ts (entry)",
      "state/store.ts (state) imports domain/rules.ts (domain)",
    ]);
  });
});
