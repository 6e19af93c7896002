// The one build config every published package uses: dual ESM/CJS with types for each. What a
// package builds is read from its package.json `exports`, which already names each entry point's
// source (the `@authsignal-ts/source` condition) and output, so the two cannot disagree.
import { readFileSync } from "node:fs";
import { join, posix } from "node:path";
import type { UserConfig } from "tsdown";

/** What one entry point needs beyond the shared settings. */
export interface EntryOptions {
  /** Modules it may import besides openapi-fetch, left unbundled: a Node built-in such as `node:crypto`. */
  imports?: string[];
  /** Build options for this entry point alone. */
  options?: UserConfig;
}

type ExportTarget = { "@authsignal-ts/source"?: string; import?: { default?: string }; default?: string };

/**
 * One build per entry point in the package's `exports`, so each loads as a single file with no
 * imports of ours. Shared chunks and a separate `@authsignal-ts/core` package each cost a module
 * resolution at import, which took peak RSS from about 1.2 MB to 4 MB above bare `node`
 * (BENCHMARKS.md). `entryOptions` are by output name (`compat` for `dist/compat.js`).
 */
export function packageBuildConfigs(
  packageRoot: string,
  entryOptions: Record<string, EntryOptions> = {},
): UserConfig[] {
  const manifest = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as {
    exports: Record<string, string | ExportTarget>;
  };
  const entries: { name: string; source: string }[] = [];
  const copy: { from: string; to: string }[] = [];
  for (const target of Object.values(manifest.exports)) {
    const source = typeof target === "object" ? target["@authsignal-ts/source"] : undefined;
    if (typeof target !== "object" || !source) continue;
    const output = target.import?.default;
    if (output) entries.push({ name: posix.basename(output, ".js"), source });
    // A bundled spec ships at the path its export names (`<package>/openapi.json`), not under
    // dist/, so the subpath resolves the same with and without the exports map: TypeScript's
    // `moduleResolution: node10` and pre-exports bundlers look for the file there.
    else if (target.default) copy.push({ from: source, to: posix.dirname(target.default) });
  }
  for (const name of Object.keys(entryOptions)) {
    if (!entries.some((entry) => entry.name === name)) throw new Error(`${packageRoot} exports no entry point ${name}`);
  }

  return entries.map(({ name, source }, index) => {
    const { imports = [], options } = entryOptions[name] ?? {};
    return {
      entry: { [name]: source },
      format: ["esm", "cjs"],
      platform: "neutral",
      target: "es2022",
      dts: { eager: true },
      sourcemap: false,
      // tsdown cleans once, before any of the builds starts.
      clean: true,
      deps: {
        // The internal transport package is bundled into each public package, never published.
        alwaysBundle: [/^@authsignal-ts\/core(\/|$)/],
        onlyImport: ["openapi-fetch", ...imports],
        ...(imports.length > 0 ? { neverBundle: imports } : {}),
      },
      // Lets the modules an entry shares with a lazily loaded chunk stay in the entry, which the
      // lazy chunk then imports from: no third file is loaded at import.
      inputOptions: { preserveEntrySignatures: "allow-extension" },
      ...options,
      // The first build copies the bundled specs.
      ...(index === 0 ? { copy } : {}),
    };
  });
}
