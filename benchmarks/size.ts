// Bundle size of each package as a user's bundler sees it, with its dependencies, minified and
// gzipped. The budgeted figure imports the client factory, which brings every operation,
// retries, every error class and (for the server) webhook verification; the `export *` figure
// is all the main entry point exports. @authsignal/node is measured in the same run.
// Usage: node size.ts [--check]   (--check exits non-zero when a budget is exceeded)
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const budgets: Record<string, number> = { "@authsignal-ts/server": 6000, "@authsignal-ts/management": 6000 };
const subjects = [
  { name: "@authsignal-ts/server", client: "createServerClient", platform: "neutral" },
  { name: "@authsignal-ts/management", client: "createManagementClient", platform: "neutral" },
  // It imports axios and Node built-ins, so it only bundles for Node.
  { name: "@authsignal/node", client: "Authsignal", platform: "node" },
] as const;

export async function bundleSize(entry: string, platform: "neutral" | "node") {
  const result = await build({
    stdin: { contents: entry, resolveDir: import.meta.dirname, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform,
    mainFields: platform === "neutral" ? ["module", "main"] : undefined,
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength };
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
  console.log(
    `  ${`${name} { ${client} }`.padEnd(52)} ${kB(used.minified).padStart(10)} min ${kB(used.gzipped).padStart(9)} gzip${verdict}`,
  );
  console.log(
    `  ${`${name} (export *)`.padEnd(52)} ${kB(everything.minified).padStart(10)} min ${kB(everything.gzipped).padStart(9)} gzip`,
  );
}
if (process.argv.includes("--check") && overBudget) process.exitCode = 1;
