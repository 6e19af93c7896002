// Bundle size of each package as a user's bundler sees it, with its dependencies, minified and
// gzipped: the first chunk, with lazily loaded code reported beside it. The budgeted figure imports the client factory, which brings every operation,
// retries, every error class and (for the server) webhook verification; the `export *` figure
// is all the main entry point exports. @authsignal/node is measured in the same run, and so is
// the compat entry point that takes its place, without a budget.
// Usage: node size.ts [--check]   (--check exits non-zero when a budget is exceeded)
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const budgets: Record<string, number> = {
  "@authsignal-ts/server": 6000,
  "@authsignal-ts/management": 6000,
  "@authsignal-ts/client": 6000,
};
const subjects = [
  { name: "@authsignal-ts/server", client: "createServerClient", platform: "neutral" },
  { name: "@authsignal-ts/management", client: "createManagementClient", platform: "neutral" },
  { name: "@authsignal-ts/client", client: "createClientApiClient", platform: "neutral" },
  // It imports axios and Node built-ins, so it only bundles for Node.
  { name: "@authsignal/node", client: "Authsignal", platform: "node" },
] as const;

/**
 * What a bundler puts in the code that loads first for `entry`: its chunk and every chunk that one
 * imports statically. What is loaded only through `import()` (webhook verification, on first use)
 * is reported apart. Splitting is on, as in Vite, webpack and Rollup by default.
 */
export async function bundleSize(entry: string, platform: "neutral" | "node") {
  const result = await build({
    stdin: { contents: entry, resolveDir: import.meta.dirname, loader: "js", sourcefile: "entry.js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform,
    mainFields: platform === "neutral" ? ["module", "main"] : undefined,
    splitting: true,
    outdir: "out",
    metafile: true,
    write: false,
    logLevel: "silent",
  });
  const outputs = result.metafile.outputs;
  const first = new Set<string>();
  const visit = (path: string) => {
    if (first.has(path)) return;
    first.add(path);
    for (const imported of outputs[path]?.imports ?? []) if (imported.kind === "import-statement") visit(imported.path);
  };
  visit(Object.keys(outputs).find((path) => outputs[path]?.entryPoint !== undefined) ?? "");
  const concat = (files: typeof result.outputFiles) => Buffer.concat(files.map((file) => file.contents));
  const isFirst = (file: (typeof result.outputFiles)[number]) => [...first].some((path) => file.path.endsWith(path));
  const initial = concat(result.outputFiles.filter(isFirst));
  const lazy = concat(result.outputFiles.filter((file) => !isFirst(file)));
  return {
    minified: initial.byteLength,
    gzipped: gzipSync(initial, { level: 9 }).byteLength,
    lazyGzipped: lazy.byteLength === 0 ? 0 : gzipSync(lazy, { level: 9 }).byteLength,
  };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;
let overBudget = false;
console.log("bundle size with dependencies, minified by esbuild, gzip -9 (1 kB = 1000 bytes, as size-limit counts)");
for (const { name, client, platform } of subjects) {
  const used = await bundleSize(`export { ${client} } from "${name}";`, platform);
  const everything = await bundleSize(`export * from "${name}";`, platform);
  const budget = budgets[name];
  const verdict =
    budget === undefined ? "" : used.gzipped <= budget ? `  within ${kB(budget)}` : `  OVER ${kB(budget)}`;
  if (budget !== undefined && used.gzipped > budget) overBudget = true;
  const lazy = used.lazyGzipped > 0 ? `  (+ ${kB(used.lazyGzipped)} gzip loaded on first use)` : "";
  console.log(
    `  ${`${name} { ${client} }`.padEnd(52)} ${kB(used.minified).padStart(10)} min ${kB(used.gzipped).padStart(9)} gzip${verdict}${lazy}`,
  );
  console.log(
    `  ${`${name} (export *)`.padEnd(52)} ${kB(everything.minified).padStart(10)} min ${kB(everything.gzipped).padStart(9)} gzip`,
  );
}
// The @authsignal/node compat entry point is measured, not budgeted: it is for moving code over,
// and its synchronous webhook check imports Node's crypto, so it bundles for Node only.
for (const entry of ["{ Authsignal }", "*"]) {
  const label = entry === "*" ? "@authsignal-ts/server/compat (export *)" : `@authsignal-ts/server/compat ${entry}`;
  const { minified, gzipped } = await bundleSize(`export ${entry} from "@authsignal-ts/server/compat";`, "node");
  console.log(`  ${label.padEnd(52)} ${kB(minified).padStart(10)} min ${kB(gzipped).padStart(9)} gzip  (not budgeted)`);
}
if (process.argv.includes("--check") && overBudget) process.exitCode = 1;
