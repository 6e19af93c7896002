// Regenerates everything a package derives from an API's spec, into the folder scripts/apis.ts
// gives it (packages/<api>/src/generated for the server and management APIs):
//   openapi.json   the bundled spec (the server and management ones ship as <pkg>/openapi.json)
//   schema.ts      openapi-typescript's types, descriptions as text (schema-docs.ts)
//   operations.ts  the runtime table that becomes the client's methods
//   methods.ts     a documented declaration of each method, with named argument and result types
//   api.md         the API reference: an entry per method
// Usage: node scripts/generate.ts [name ...]   where a name is an API or the package it generates
// into (`server` covers call-connect); no argument: every API in openapi/redocly.yaml
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { bundle } from "@redocly/openapi-core";
import openapiTS, { astToString, COMMENT_HEADER } from "openapi-typescript";
import { type ReferenceNaming, renderApiReference } from "./api-reference.ts";
import { type ApiLayout, loadApis } from "./apis.ts";
import { planMethods, renderMethodDeclarations } from "./method-declarations.ts";
import { collectMethods } from "./method-model.ts";
import type { OpenApiDocument } from "./openapi-document.ts";
import { renderOperationTable } from "./operation-table.ts";
import { repoRoot } from "./pack.ts";
import { dropRootAliases, liftDescriptions, schemaExports } from "./schema-docs.ts";

const openapiTypescriptVersion: string = (await import("openapi-typescript/package.json", { with: { type: "json" } }))
  .default.version;

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

  const provenance = `Source: openapi/${api.root} (info.version ${document.info.version}); generator: openapi-typescript ${openapiTypescriptVersion}.`;
  const banner = `${COMMENT_HEADER.replace(" */", ` * ${provenance}\n * Regenerate with \`pnpm generate\`.\n */`)}`;

  await writeFile(join(outDir, "openapi.json"), `${JSON.stringify(document, null, 2)}\n`);

  const ast = await openapiTS(structuredClone(document) as never, {
    alphabetize: true,
    // A `default` is what the API assumes when a field is left out, so the field stays optional.
    defaultNonNullable: false,
    rootTypes: true,
    rootTypesNoSchemaPrefix: true,
  });
  const schema = astToString(ast);
  const { names, rootAliases } = schemaExports(schema);
  const plan = planMethods(document, collectMethods(document), names, rootAliases);
  await writeFile(join(outDir, "schema.ts"), banner + liftDescriptions(dropRootAliases(schema, plan.redeclared)));

  await writeFile(join(outDir, "operations.ts"), banner + renderOperationTable(document));
  const naming = namingOf(api, document);
  await writeFile(join(outDir, "methods.ts"), banner + renderMethodDeclarations(naming, plan));
  await writeFile(join(outDir, "api.md"), renderApiReference(provenance, naming, plan.signatures));
  console.log(`generated ${api.generatedDir} from openapi/${api.root}`);
}

/** `server` → `ServerMethods`, `server`, `createServerClient`; `call-connect` → `CallConnectMethods`, … */
function namingOf(api: ApiLayout, document: OpenApiDocument): ReferenceNaming {
  const pascal = api.name.replace(/(?:^|-)(\w)/g, (_, letter: string) => letter.toUpperCase());
  return {
    interfaceName: `${pascal}Methods`,
    clientVariable: pascal.charAt(0).toLowerCase() + pascal.slice(1),
    title: document.info.title.replace(/^Authsignal /, ""),
    factory: `create${pascal}Client`,
    packageName: `@authsignal-ts/${api.packageName}`,
  };
}
