#!/usr/bin/env node
// Regenerates the emulator's spec layer from the bundled specs of the APIs it emulates, into one
// folder that holds nothing else (a file it no longer writes is removed):
//   <api>-routes.ts          the route table: each operation's method, path, parameters, body and
//                            documented statuses with their error codes (emulator-routes.ts)
//   <api>-validators.js      the request validators, Ajv standalone code (emulator-validators.ts)
//   own-validators.js        the validators of the emulator's own schemas (a seed's), which the
//                            --own-schemas module describes over the specs
//   <api>-properties.ts      the properties of each component schema, for the APIs that module
//                            names (emulator-properties.ts), which handlers read: into the
//                            --properties-out folder, beside them, as they may not import the spec layer
// Usage: authsignal-ts-generate-emulator --out <folder> --properties-out <folder> --own-schemas <module> <api> ...
// run from the emulator's folder by its `generate` script, after the clients' `generate` has
// bundled their specs.
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { apiNamed, loadApis, repoRoot } from "../spec/apis.ts";
import type { OpenApiDocument } from "../spec/openapi-document.ts";
import { renderComponentProperties } from "./emulator-properties.ts";
import { collectRoutes, renderRoutes } from "./emulator-routes.ts";
import {
  renderValidatorDeclarations,
  renderValidatorModule,
  validatorCompiler,
  validatorLibraries,
} from "./emulator-validators.ts";
import { banner } from "./header.ts";

/** What the --own-schemas module's `ownSchemas` returns. */
interface OwnSchemas {
  /** Schema documents beside the specs (which are there under their API's name), by ID. */
  documents: Record<string, object>;
  /** The schemas to make validators of, such as `seed#` or `management#/components/schemas/Tenant`. */
  validators: string[];
  /** The APIs whose component schemas' properties the emulator reads (`<api>-properties.ts`). */
  componentProperties: string[];
}

const writer = "scripts/codegen/generate-emulator.ts";
const { values, positionals: requested } = parseArgs({
  options: { out: { type: "string" }, "properties-out": { type: "string" }, "own-schemas": { type: "string" } },
  allowPositionals: true,
});
const usage =
  "Usage: authsignal-ts-generate-emulator --out <folder> --properties-out <folder> --own-schemas <module> <api> ...";
if (!values.out || !values["properties-out"] || !values["own-schemas"] || requested.length === 0) {
  throw new Error(usage);
}
// What else is in each folder is removed, so it must be one that holds generated files only.
for (const option of ["out", "properties-out"] as const) {
  if (basename(resolve(values[option] as string)) !== "generated") {
    throw new Error(`--${option} ${values[option]}: the folder must be called generated`);
  }
}

// The generated code requires Ajv's runtime helpers from the package's own dependencies, so they
// must be those of the Ajv that wrote it.
const packageRequire = createRequire(resolve("package.json"));
for (const [name, version] of Object.entries(validatorLibraries)) {
  const theirs = (packageRequire(`${name}/package.json`) as { version: string }).version;
  if (theirs !== version) {
    throw new Error(`This package depends on ${name} ${theirs} and the generator on ${version}; pin the same version`);
  }
}

const { apis } = await loadApis();
const documents: Record<string, OpenApiDocument> = {};
const sources: Record<string, string> = {};
for (const name of requested) {
  const api = apiNamed(apis, name);
  documents[name] = JSON.parse(await readFile(join(repoRoot, api.specPath), "utf8")) as OpenApiDocument;
  sources[name] = `the bundled ${api.specPath} (info.version ${documents[name].info.version})`;
}

// Everything is rendered before the folder is touched; then only files that changed are written
// and those no longer generated removed, so a process reading the folder meanwhile (an emulator
// started by another task's tests) never finds a file missing.
const outputs = new Map<string, string>();
const output = (file: string, text: string) => outputs.set(file, text);
const propertyOutputs = new Map<string, string>();
const ajvWriter = `Ajv ${validatorLibraries.ajv}, run by ${writer}`;

for (const [name, document] of Object.entries(documents)) {
  const routes = collectRoutes(name, document);
  const refs: Record<string, string> = {};
  for (const route of routes) {
    for (const { schemaPointer } of [...route.parameters, ...(route.body ? [route.body] : [])]) {
      refs[schemaPointer] = `${name}#${schemaPointer}`;
    }
  }
  const validators = `${name}-validators`;
  output(`${name}-routes.ts`, renderRoutes(routes, banner(writer, sources[name] as string), `./${validators}.js`));
  const module = { exportName: "requestValidators", header: banner(ajvWriter, sources[name] as string) };
  const ajv = validatorCompiler({ [name]: document }, { allErrors: false });
  output(`${validators}.js`, await renderValidatorModule(ajv, refs, module));
  output(
    `${validators}.d.ts`,
    renderValidatorDeclarations(
      module,
      "Each request validator, by the JSON pointer of its schema in the bundled spec.",
    ),
  );
}

const { ownSchemas } = (await import(pathToFileURL(resolve(values["own-schemas"])).href)) as {
  ownSchemas?: (specs: Record<string, OpenApiDocument>) => OwnSchemas;
};
if (typeof ownSchemas !== "function") throw new Error(`${values["own-schemas"]} exports no ownSchemas function`);
const own = ownSchemas(documents);
const ownSource = `${values["own-schemas"]}, over the bundled ${requested.join(" and ")} specs`;
// Loaded with the emulator (a seed is checked as it is created, synchronously), so built on first use.
const ownModule = { exportName: "ownValidators", header: banner(ajvWriter, ownSource), lazy: true };
const ownAjv = validatorCompiler({ ...documents, ...own.documents }, { allErrors: true });
const ownRefs = Object.fromEntries(own.validators.map((ref) => [ref, ref]));
output("own-validators.js", await renderValidatorModule(ownAjv, ownRefs, ownModule));
output(
  "own-validators.d.ts",
  renderValidatorDeclarations(
    ownModule,
    "Each validator of the emulator's own schemas, by its schema's ID, built on the first call.",
  ),
);
for (const name of own.componentProperties) {
  const document = documents[name];
  if (!document)
    throw new Error(`ownSchemas names ${name}'s component properties; the generator was given ${requested.join(", ")}`);
  propertyOutputs.set(
    `${name}-properties.ts`,
    renderComponentProperties(document, banner(writer, sources[name] as string)),
  );
}
/** Writes `files` into `folder`, changing only what differs, and removes what else it holds. */
async function writeFolder(folder: string, files: Map<string, string>): Promise<void> {
  const dir = resolve(folder);
  await mkdir(dir, { recursive: true });
  for (const [file, text] of files) {
    const current = await readFile(join(dir, file), "utf8").catch(() => undefined);
    if (current !== text) await writeFile(join(dir, file), text);
  }
  for (const file of await readdir(dir)) {
    if (!files.has(file)) await rm(join(dir, file), { recursive: true, force: true });
  }
}
await writeFolder(values.out, outputs);
await writeFolder(values["properties-out"], propertyOutputs);
console.log(`generated ${values.out} and ${values["properties-out"]} for ${requested.join(", ")}`);
