import { defineConfig } from "tsdown";
import { packageBuildConfigs } from "../../tsdown.config.base.ts";

export default defineConfig(
  packageBuildConfigs(import.meta.dirname, {
    // The `@authsignal/node` surface. Its webhook verification is synchronous, as the official one
    // is, so it needs Node's crypto; the page walk it never uses is inlined rather than left as a
    // chunk of its own, so the entry point stays one file.
    compat: { imports: ["node:crypto"], options: { outputOptions: { codeSplitting: false } } },
  }),
);
