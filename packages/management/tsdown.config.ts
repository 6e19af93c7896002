import { defineConfig } from "tsdown";
import { packageBuildConfig } from "../../tsdown.config.base.ts";

export default defineConfig({
  ...packageBuildConfig,
  // The bundled spec ships as `<package>/openapi.json` for users' own tools.
  copy: [{ from: "src/generated/openapi.json", to: "dist" }],
});
