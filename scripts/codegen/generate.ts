#!/usr/bin/env node
// Regenerates everything a package derives from an API's spec, into the folder spec/apis.ts
// gives it (packages/<api>/src/generated for the server and management APIs):
//   openapi.json        the bundled spec (the server and management ones ship as <pkg>/openapi.json)
//   schema.ts           openapi-typescript's types, each schema declared by name (schema-names.ts),
//                       descriptions as text (schema-docs.ts)
//   operation-table.ts  the runtime table that becomes the client's methods (operation-table.ts)
//   methods.ts          a documented declaration of each method, with named argument and result types
//   api.md              the API reference: an entry per method
// Usage: authsignal-ts-generate [name ...]   (a package's `generate` script; from the repository,
// node scripts/codegen/generate.ts) where a name is an API or the package it generates into
// (`server` covers call-connect); no argument: every API in openapi/redocly.yaml
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { bundle } from "@redocly/openapi-core";
import { type ApiLayout, loadApis, repoRoot } from "../spec/apis.ts";
import type { OpenApiDocument } from "../spec/openapi-document.ts";
import { type ReferenceNaming, renderApiReference } from "./api-reference.ts";
import { banner as bannerOf, headerLines } from "./header.ts";
import { planMethods, renderMethodDeclarations } from "./method-declarations.ts";
import { collectMethods } from "./method-model.ts";
import { renderOperationTable } from "./operation-table.ts";
import { liftDescriptions, openapiTypes, schemaExports } from "./schema-docs.ts";
import { declareSchemas, undocumentedSchemas } from "./schema-names.ts";

const openapiTypescriptVersion: string = (await import("openapi-typescript/package.json", { with: { type: "json" } }))
  .default.version;

const generator = "scripts/codegen/generate.ts";
const { config, apis } = await loadApis();
const requested = process.argv.slice(2);
const isRequested = (api: ApiLayout) =>
  requested.length === 0 || requested.includes(api.name) || requested.includes(api.packageName);
for (const name of requested) {
  if (!apis.some((api) => api.name === name || api.packageName === name))
    throw new Error(`Unknown API "${name}"; openapi/redocly.yaml lists ${apis.map((api) => api.name).join(", ")}`);
}

for (const api of apis.filter(isRequested)) {
  const result = await bundle({ ref: join(repoRoot, "openapi", api.root), config, dereference: false });
  const errors = result.problems.filter((problem) => problem.severity === "error");
  if (errors.length > 0) {
    throw new Error(`Bundling ${api.name} failed:\n${errors.map((problem) => problem.message).join("\n")}`);
  }
  const document = result.bundle.parsed as OpenApiDocument;
  const outDir = join(repoRoot, api.generatedDir);
  await mkdir(outDir, { recursive: true });

  const source = `openapi/${api.root} (info.version ${document.info.version})`;
  const header = (writer: string) => headerLines(writer, source);
  const banner = (writer: string) => bannerOf(writer, source);

  await writeFile(join(outDir, "openapi.json"), `${JSON.stringify(document, null, 2)}\n`);

  const schema = await openapiTypes(document);
  const undocumented = undocumentedSchemas(document);
  if (undocumented.length > 0) {
    throw new Error(`${api.name}: schemas need a description, their type's documentation: ${undocumented.join(", ")}`);
  }
  const { names, rootAliases, shadowing } = schemaExports(schema);
  const plan = planMethods(document, collectMethods(document), names, rootAliases);
  await writeFile(
    join(outDir, "schema.ts"),
    banner(`openapi-typescript ${openapiTypescriptVersion}, run by ${generator}`) +
      declareSchemas(liftDescriptions(schema), shadowing, plan.schemaDocs),
  );

  await writeFile(join(outDir, "operation-table.ts"), banner(generator) + renderOperationTable(document));
  const naming = namingOf(api, document);
  await writeFile(join(outDir, "methods.ts"), banner(generator) + renderMethodDeclarations(naming, plan));
  await writeFile(join(outDir, "api.md"), renderApiReference(header(generator).join(" "), naming, plan.signatures));
  console.log(`generated ${api.generatedDir} from openapi/${api.root}`);
}

/** `server` → `ServerMethods`, `server`, `createServerClient`; `call-connect` → `CallConnectMethods`, … */
function namingOf(api: ApiLayout, document: OpenApiDocument): ReferenceNaming {
  const pascal = api.typeName;
  return {
    interfaceName: `${pascal}Methods`,
    clientVariable: pascal.charAt(0).toLowerCase() + pascal.slice(1),
    title: document.info.title.replace(/^Authsignal /, ""),
    factory: `create${pascal}Client`,
    packageName: `@authsignal-ts/${api.packageName}`,
  };
}
