// The emulator's validators, compiled at build time with Ajv into standalone modules, so a running
// emulator neither loads Ajv nor compiles a schema, and reads no spec. This file is the one place
// Ajv is configured for the emulator: JSON Schema 2020-12 (the dialect of OpenAPI 3.1) with
// ajv-formats, every validator from the same options.
//
// Ajv prints its code on a few enormous lines. Two tools make it a module a diff can show: esbuild
// drops what the code never uses (Ajv declares each schema it compiled as a constant, descriptions
// and all, and reads few of them), and Biome prints the rest at the repository's width (esbuild
// alone keeps Ajv's one-line expressions and object literals, lines of several kilobytes).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Ajv2020 as Ajv, Options } from "ajv/dist/2020.js";
import { transform } from "esbuild";

// Ajv is CommonJS; required, its exports are what its own docs describe, whatever the loader.
const require = createRequire(import.meta.url);
const { Ajv2020 } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
const addFormats = require("ajv-formats") as (ajv: Ajv) => void;
const standaloneCode = (require("ajv/dist/standalone/index.js") as { default: (ajv: Ajv, refs: object) => string })
  .default;

/** The versions the generated code is written for: its runtime helpers must come from the same Ajv. */
export const validatorLibraries = {
  ajv: (require("ajv/package.json") as { version: string }).version,
  "ajv-formats": (require("ajv-formats/package.json") as { version: string }).version,
};

/**
 * What every validator is compiled with. `strict` is off because OpenAPI adds keywords JSON Schema
 * does not know (`example`, `discriminator`, `x-…`). `allErrors` is the one choice left to the
 * caller: a request stops at its first error (Ajv's advice for input from the network, which could
 * otherwise make it collect an error per array item), while a seed, written by a developer,
 * reports every mistake at once.
 */
export const validatorOptions = {
  strict: false,
  validateSchema: false,
  validateFormats: true,
  inlineRefs: false,
  code: { source: true, esm: true },
} as const satisfies Options;

/** An Ajv holding `documents` (each under its ID, such as `server`), to compile validators from. */
export function validatorCompiler(documents: Record<string, object>, { allErrors }: { allErrors: boolean }): Ajv {
  const ajv = new Ajv2020({ ...validatorOptions, allErrors });
  addFormats(ajv);
  for (const [id, document] of Object.entries(documents)) ajv.addSchema(document, id);
  return ajv;
}

/**
 * An ES module exporting `exportName`, a record of a validator for each key: `refs` maps each key
 * to the schema it validates, by the ID of its document and a JSON pointer (`server#/components/…`).
 * Operations that share a schema share its validator. With `lazy`, `exportName` is a function
 * that builds the record on its first call: importing the module then costs its parsing alone, not
 * building every validator and loading ajv-formats (most of a start, for validators a start may
 * never use).
 */
export async function renderValidatorModule(
  ajv: Ajv,
  refs: Record<string, string>,
  options: { exportName: string; header: string; lazy?: boolean },
): Promise<string> {
  const { exportName, header, lazy = false } = options;
  const keys = Object.keys(refs).sort();
  const code = standaloneCode(ajv, Object.fromEntries(keys.map((key, index) => [`v${index}`, refs[key]])));
  // Ajv's ESM output still requires its runtime helpers and ajv-formats' formats; a local require
  // keeps their CommonJS semantics exactly, from the package that loads the module. Ajv exports
  // each validator; only the record is exported here.
  const body = code
    .replace(/^"use strict";/, "")
    .replaceAll("require(", "requireRuntime(")
    .replace(/export const (v\d+) = /g, "const $1 = ");
  const record = `{\n${keys.map((key, index) => `  ${JSON.stringify(key)}: v${index},`).join("\n")}\n}`;
  const shaken = await transform(`${body}\nexport const ${recordName} = ${record};\n`, {
    format: "esm",
    treeShaking: true,
    legalComments: "none",
  });
  // esbuild ends its output with the export clause of what is left exported: the record alone.
  const exportClause = `export {\n  ${recordName}\n};\n`;
  if (!shaken.code.endsWith(exportClause)) throw new Error("esbuild's output does not end with the record's export");
  const declarations = shaken.code.slice(0, -exportClause.length);
  const module = lazy
    ? `import { createRequire } from "node:module";
let built;
export function ${exportName}() {
  built ??= build();
  return built;
}
function build() {
  const requireRuntime = createRequire(import.meta.url);
  ${declarations}
  return ${recordName};
}
`
    : `import { createRequire } from "node:module";
const requireRuntime = createRequire(import.meta.url);
${declarations}
export const ${exportName} = ${recordName};
`;
  return header + formatJs(module);
}

// The record's name while esbuild shakes the code: a name Ajv's generated code does not use.
const recordName = "validatorsByKey";

/** The declarations of a module renderValidatorModule wrote. */
export function renderValidatorDeclarations(
  options: { exportName: string; header: string; lazy?: boolean },
  description: string,
): string {
  const { exportName, header, lazy = false } = options;
  const declaration = lazy
    ? `export declare function ${exportName}(): Record<string, ValidateFunction>;`
    : `export declare const ${exportName}: Record<string, ValidateFunction>;`;
  return `${header}import type { ValidateFunction } from "ajv";

/** ${description} */
${declaration}
`;
}

/** `code` as Biome prints it with the repository's settings, whatever configuration the file's folder has. */
function formatJs(code: string): string {
  const biome = require.resolve("@biomejs/biome/bin/biome");
  // An empty folder, so no biome.json of the repository's (which skips generated folders) applies.
  const cwd = mkdtempSync(join(tmpdir(), "emulator-codegen-"));
  try {
    return execFileSync(
      process.execPath,
      [biome, "format", "--stdin-file-path=module.js", "--indent-style=space", "--line-width=120"],
      { cwd, input: code, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
    );
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}
