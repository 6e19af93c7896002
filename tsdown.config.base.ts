// The one build config every published package extends: dual ESM/CJS with types for each.
import { defineConfig, type UserConfig } from "tsdown";

export const packageBuildConfig: UserConfig = defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  platform: "neutral",
  target: "es2022",
  dts: true,
  sourcemap: false,
  clean: true,
});
