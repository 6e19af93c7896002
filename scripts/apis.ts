// The APIs openapi/redocly.yaml lists, and where each one's generated files go: an API generates
// into packages/<name>/src/generated, or, when it names another package with `x-package` (Call
// Connect lives in the server package), into that package's src/generated/<name>.
import { join, posix } from "node:path";
import { loadConfig } from "@redocly/openapi-core";
import { repoRoot } from "./pack.ts";

export interface ApiLayout {
  /** The API's name in openapi/redocly.yaml, such as `server` or `call-connect`. */
  name: string;
  /** Its root document, relative to openapi/. */
  root: string;
  /** The workspace package it generates into, such as `server`. */
  packageName: string;
  /** The generated folder, relative to the repository root. */
  generatedDir: string;
  /** The bundled spec, relative to the repository root. */
  specPath: string;
}

export const redoclyConfigPath = join(repoRoot, "openapi/redocly.yaml");

export async function loadApis(): Promise<{ config: Awaited<ReturnType<typeof loadConfig>>; apis: ApiLayout[] }> {
  const config = await loadConfig({ configPath: redoclyConfigPath });
  const apis = Object.entries(config.resolvedConfig.apis ?? {}).map(([name, api]) => {
    if (!api.root) throw new Error(`openapi/redocly.yaml has no root for API "${name}"`);
    const hostPackage = (api as { "x-package"?: string })["x-package"];
    const packageName = hostPackage ?? name;
    const generatedDir = posix.join("packages", packageName, "src/generated", ...(hostPackage ? [name] : []));
    return {
      name,
      root: posix.normalize(api.root),
      packageName,
      generatedDir,
      specPath: `${generatedDir}/openapi.json`,
    };
  });
  return { config, apis };
}
