import { defineConfig, type UserConfig } from "tsdown";

// Node-only (node:http, the CLI), ESM only, unlike the clients: the emulator is a dev tool with a bin.
// Its dependencies, the clients' specs among them, stay imports. Whitespace is dropped (names and
// code are kept as written): the generated validators are most of the bundle, and Node parses all
// of it before the CLI can answer.
const shared: UserConfig = {
  format: "esm",
  platform: "node",
  target: "node22",
  dts: true,
  sourcemap: false,
  fixedExtension: false,
  minify: { compress: false, mangle: false, codegen: { removeWhitespace: true } },
};

export default defineConfig([
  // The command has no types to declare: it is run, never imported.
  // The HTTP thread is a file of its own, which startEmulator starts a worker thread on.
  {
    ...shared,
    entry: { index: "src/index.ts", cli: "src/cli.ts", "http-thread": "src/http/http-thread.ts" },
    dts: { entry: "src/index.ts" },
    clean: true,
  },
  // The Prism harness on its own, one file: a test that imports it loads nothing of the emulator
  // (it runs the command), and the workspace's Prism and child-process helpers are bundled in, so
  // it imports node builtins only. Its declarations import the clients' types, which the seed's use.
  {
    ...shared,
    entry: { prism: "src/prism.ts" },
    clean: false,
    deps: {
      alwaysBundle: [/^@authsignal-ts\/scripts\//],
      onlyImport: [/^node:/, "@authsignal-ts/server", "@authsignal-ts/management"],
    },
  },
]);
