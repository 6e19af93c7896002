// The one build config every published package extends: dual ESM/CJS with types for each.
import type { UserConfig } from "tsdown";

/** An entry point and what its build alone needs. */
export interface EntryPoint {
  /** A source file (`src/index.ts` builds to `dist/index.*`), or output names to sources. */
  entry: NonNullable<UserConfig["entry"]>;
  /** Modules it may import besides openapi-fetch, left unbundled: a Node built-in such as `node:crypto`. */
  imports?: string[];
  /** Build options for this entry point alone. */
  options?: UserConfig;
}

// The openapi-fetch client is its own entry point, so openapi-fetch loads only for those who use it.
const entryPoints: EntryPoint[] = [{ entry: ["src/index.ts"] }, { entry: ["src/fetch-client.ts"] }];

/**
 * One build per entry point, so each loads as a single file with no imports of ours. Shared
 * chunks and a separate `@authsignal-ts/core` package each cost a module resolution at import,
 * which took peak RSS from about 1.2 MB to 4 MB above bare `node` (BENCHMARKS.md).
 * `extra` applies to the first build only, for one-off steps such as copying files;
 * `packageEntryPoints` are a package's own entry points, built after the shared ones.
 */
export function packageBuildConfigs(extra: UserConfig = {}, packageEntryPoints: EntryPoint[] = []): UserConfig[] {
  return [...entryPoints, ...packageEntryPoints].map(({ entry, imports = [], options }, index) => ({
    entry,
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
    ...(index === 0 ? extra : {}),
  }));
}
