// Type-checks the official SDK's own test files against the built `@authsignal-ts/server/compat`,
// with only their imports of `../src` changed. The files are never copied into this repository:
// give the script a checkout of authsignal/authsignal-node (or any folder holding its `test/`),
// and it rewrites them into a temporary project that installs this package by symlink.
//
// Usage (after `pnpm --filter @authsignal-ts/server build`):
//   node packages/server/test/compat/official-sdk-tests.ts <authsignal-node checkout> [--keep]
// Exits non-zero, printing tsc's diagnostics, when any file fails under any of the settings.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

const files = ["client.test.ts", "webhook.test.ts", "call-connect.test.ts"];
const compatEntry = "@authsignal-ts/server/compat";
const packageRoot = resolve(import.meta.dirname, "../..");
const requireHere = createRequire(join(packageRoot, "package.json"));

/**
 * The compiler settings to check under: the official repository's own tsconfig (node10
 * resolution, which reads compat/package.json), and the two resolutions of current projects.
 * Our declarations are checked in full under the last two; under node10 library checks are
 * skipped, because vitest's own declarations import `vite/module-runner`, which node10 cannot resolve.
 */
const settings: Record<string, Record<string, unknown>> = {
  "authsignal-node's tsconfig": {
    target: "es2018",
    module: "esnext",
    moduleResolution: "node",
    lib: ["es2017"],
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
  },
  bundler: { target: "es2022", module: "preserve", moduleResolution: "bundler", lib: ["es2023"], strict: true },
  nodenext: { target: "es2022", module: "nodenext", moduleResolution: "nodenext", lib: ["es2023"], strict: true },
};

/** The file with each import from `../src` (the package's index or any module in it) pointed at the compat entry. */
export function rewriteImports(source: string, file: string): string {
  let rewritten = 0;
  const result = source.replace(
    /(\bfrom\s*|\bimport\s*)(["'])\.\.\/src(?:\/[\w./-]*)?\2/g,
    (_match, keyword: string) => {
      rewritten++;
      return `${keyword}"${compatEntry}"`;
    },
  );
  if (rewritten === 0)
    throw new Error(`${file}: no import of ../src to rewrite; is this authsignal-node's test folder?`);
  const leftover = /\bfrom\s*["']\.\.?\//.exec(result);
  if (leftover) throw new Error(`${file}: a relative import is left after rewriting: ${leftover[0]}`);
  // Only import lines may change.
  const before = source.split("\n");
  const changed = result.split("\n").filter((line, index) => line !== before[index]);
  const nonImport = changed.find((line) => !/^\s*import\b|^\s*}\s*from\b/.test(line));
  if (nonImport !== undefined)
    throw new Error(`${file}: the rewrite touched a line that is not an import: ${nonImport}`);
  return result;
}

function main(args: string[]) {
  const given = args.find((arg) => !arg.startsWith("--"));
  if (!given) throw new Error("usage: node official-sdk-tests.ts <authsignal-node checkout> [--keep]");
  // Relative to where the command was typed: pnpm runs package scripts in the package's folder.
  const checkout = resolve(process.env.INIT_CWD ?? process.cwd(), given);
  if (!existsSync(join(packageRoot, "dist/compat.d.ts"))) {
    throw new Error("dist/compat.d.ts is missing: run `pnpm --filter @authsignal-ts/server build` first");
  }
  const project = mkdtempSync(join(tmpdir(), "official-sdk-tests-"));
  try {
    mkdirSync(join(project, "test"));
    mkdirSync(join(project, "node_modules/@authsignal-ts"), { recursive: true });
    // The package as it is built, resolved through its exports map (or compat/package.json under node10).
    symlinkSync(packageRoot, join(project, "node_modules/@authsignal-ts/server"), "dir");
    symlinkSync(dirname(requireHere.resolve("vitest/package.json")), join(project, "node_modules/vitest"), "dir");
    writeFileSync(
      join(project, "package.json"),
      JSON.stringify({ name: "official-sdk-tests", private: true, type: "module" }),
    );
    // Neither is a dependency of this repository; the tests use uuid's v4 and load dotenv for its side effect.
    writeFileSync(
      join(project, "stubs.d.ts"),
      'declare module "uuid" {\n  export function v4(): string;\n}\ndeclare module "dotenv/config";\n',
    );
    for (const file of files) {
      const source = readFileSync(join(checkout, "test", file), "utf8");
      writeFileSync(join(project, "test", file), rewriteImports(source, file));
    }

    const tsc = requireHere.resolve("typescript/bin/tsc");
    const typeRoots = [join(dirname(requireHere.resolve("@types/node/package.json")), "..")];
    const failures: string[] = [];
    for (const [name, compilerOptions] of Object.entries(settings)) {
      const config = `tsconfig.${name.replace(/\W+/g, "-")}.json`;
      writeFileSync(
        join(project, config),
        JSON.stringify({
          compilerOptions: { ...compilerOptions, noEmit: true, types: ["node"], typeRoots },
          files: ["stubs.d.ts", ...files.map((file) => `test/${file}`)],
        }),
      );
      try {
        execFileSync(process.execPath, [tsc, "-p", config], { cwd: project, encoding: "utf8", stdio: "pipe" });
        for (const file of files) console.log(`ok    ${file} type-checks against ${compatEntry} (${name})`);
      } catch (error) {
        const output = `${(error as { stdout?: string }).stdout ?? ""}${(error as { stderr?: string }).stderr ?? ""}`;
        for (const file of files) {
          console.log(`${output.includes(`test/${file}`) ? "FAIL" : "ok  "}  ${file} (${name})`);
        }
        failures.push(`--- ${name} ---\n${output}`);
      }
    }
    if (failures.length > 0) {
      console.error(`\nThe official test files do not type-check against ${compatEntry}:\n\n${failures.join("\n")}`);
      process.exitCode = 1;
    } else {
      console.log(`\nAll ${files.length} official test files type-check with only their imports changed.`);
    }
  } finally {
    if (args.includes("--keep")) console.log(`project kept at ${project}`);
    else rmSync(project, { recursive: true, force: true });
  }
}

if (import.meta.main) main(process.argv.slice(2));
