import { defineConfig } from "tsdown";
import { packageBuildConfigs } from "../../tsdown.config.base.ts";

export default defineConfig(
  packageBuildConfigs(
    {
      // The bundled spec ships as `<package>/openapi.json` for users' own tools. It is copied to the
      // package root, not dist/, so the subpath resolves the same with and without the exports map:
      // TypeScript's `moduleResolution: node10` and pre-exports bundlers look for the file at
      // `<package>/openapi.json`.
      // Call Connect's spec ships beside it as `<package>/call-connect/openapi.json`.
      copy: [
        { from: "src/generated/openapi.json", to: "." },
        { from: "src/generated/call-connect/openapi.json", to: "call-connect" },
      ],
    },
    [
      {
        // The `@authsignal/node` surface. Its webhook verification is synchronous, as the official
        // one is, so it needs Node's crypto; the page walk it never uses is inlined rather than
        // left as a chunk of its own, so the entry point stays one file.
        entry: { compat: "src/compat/index.ts" },
        imports: ["node:crypto"],
        options: { outputOptions: { codeSplitting: false } },
      },
    ],
  ),
);
