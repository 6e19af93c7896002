// Regenerates everything a package derives from its API's spec:
//   packages/<api>/src/generated/openapi.json   the bundled spec (shipped as <pkg>/openapi.json)
//   packages/<api>/src/generated/schema.ts      openapi-typescript's types
//   packages/<api>/src/generated/operations.ts  the runtime table that becomes the client's methods
// Usage: node scripts/generate.ts [api ...]   (no argument: every API in openapi/redocly.yaml)
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import { bundle, loadConfig } from "@redocly/openapi-core";
import openapiTS, { astToString, COMMENT_HEADER } from "openapi-typescript";
import type { OpenApiDocument } from "./openapi-document.ts";
import { renderOperationTable } from "./operation-table.ts";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const openapiTypescriptVersion: string = (await import("openapi-typescript/package.json", { with: { type: "json" } }))
  .default.version;

const config = await loadConfig({ configPath: join(repoRoot, "openapi/redocly.yaml") });
const apiConfigs = config.resolvedConfig.apis ?? {};
const apis = Object.keys(apiConfigs);
const requested = process.argv.slice(2);
for (const name of requested) {
  if (!apis.includes(name)) throw new Error(`Unknown API "${name}"; openapi/redocly.yaml lists ${apis.join(", ")}`);
}

for (const api of requested.length > 0 ? requested : apis) {
  const configuredRoot = apiConfigs[api]?.root;
  if (!configuredRoot) throw new Error(`openapi/redocly.yaml has no root for API "${api}"`);
  const root = posix.normalize(configuredRoot);
  const result = await bundle({ ref: join(repoRoot, "openapi", root), config, dereference: false });
  const errors = result.problems.filter((problem) => problem.severity === "error");
  if (errors.length > 0) {
    throw new Error(`Bundling ${api} failed:\n${errors.map((problem) => problem.message).join("\n")}`);
  }
  const document = result.bundle.parsed as OpenApiDocument;
  const outDir = join(repoRoot, "packages", api, "src/generated");
  await mkdir(outDir, { recursive: true });

  const provenance = `Source: openapi/${root} (info.version ${document.info.version}); generator: openapi-typescript ${openapiTypescriptVersion}.`;
  const banner = `${COMMENT_HEADER.replace(" */", ` * ${provenance}\n * Regenerate with \`pnpm generate\`.\n */`)}`;

  await writeFile(join(outDir, "openapi.json"), `${JSON.stringify(document, null, 2)}\n`);

  const ast = await openapiTS(structuredClone(document) as never, {
    alphabetize: true,
    // A `default` is what the API assumes when a field is left out, so the field stays optional.
    defaultNonNullable: false,
    rootTypes: true,
    rootTypesNoSchemaPrefix: true,
  });
  await writeFile(join(outDir, "schema.ts"), banner + astToString(ast));

  await writeFile(join(outDir, "operations.ts"), banner + renderOperationTable(document));
  console.log(`generated packages/${api}/src/generated from openapi/${root}`);
}
