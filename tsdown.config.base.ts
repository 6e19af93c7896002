// The one build config every published package extends: dual ESM/CJS with types for each.
import { defineConfig, type UserConfig } from "tsdown";

export const packageBuildConfig: UserConfig = defineConfig({
  // The openapi-fetch client is its own entry point, so openapi-fetch loads only for those who use it.
  entry: ["src/index.ts", "src/fetch-client.ts"],
  format: ["esm", "cjs"],
  platform: "neutral",
  target: "es2022",
  dts: true,
  sourcemap: false,
  clean: true,
});
