import { defineConfig } from "tsdown";

// Node-only (node:http, the CLI), ESM only, unlike the clients: the emulator is a dev tool with a bin.
// Its dependencies, the clients' specs among them, stay imports. Whitespace is dropped (names and
// code are kept as written): the generated validators are most of the bundle, and Node parses all
// of it before the CLI can answer.
export default defineConfig({
  entry: ["src/index.ts", "src/cli.ts"],
  format: ["esm"],
  platform: "node",
  target: "node20",
  dts: true,
  sourcemap: false,
  clean: true,
  fixedExtension: false,
  minify: { compress: false, mangle: false, codegen: { removeWhitespace: true } },
});
