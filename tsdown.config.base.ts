// The one build config every published package extends: dual ESM/CJS with types for each.
import type { UserConfig } from "tsdown";

// The openapi-fetch client is its own entry point, so openapi-fetch loads only for those who use it.
const entryPoints = ["src/index.ts", "src/fetch-client.ts"];

/**
 * One build per entry point, so each loads as a single file with no imports of ours. Shared
 * chunks and a separate `@authsignal-ts/core` package each cost a module resolution at import,
 * which took peak RSS from about 1.2 MB to 4 MB above bare `node` (BENCHMARKS.md).
 * `extra` applies to the first build only, for one-off steps such as copying files.
 */
export function packageBuildConfigs(extra: UserConfig = {}): UserConfig[] {
  return entryPoints.map((entry, index) => ({
    entry: [entry],
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
      onlyImport: ["openapi-fetch"],
    },
    // Lets the modules an entry shares with a lazily loaded chunk stay in the entry, which the
    // lazy chunk then imports from: no third file is loaded at import.
    inputOptions: { preserveEntrySignatures: "allow-extension" },
    ...(index === 0 ? extra : {}),
  }));
}
