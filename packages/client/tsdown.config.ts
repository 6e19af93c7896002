import { defineConfig } from "tsdown";
import { packageBuildConfigs } from "../../tsdown.config.base.ts";

export default defineConfig(packageBuildConfigs(import.meta.dirname));
