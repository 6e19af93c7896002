// The workspace's one list of APIs and public packages, read from openapi/redocly.yaml: an API
// generates into packages/<name>/src/generated, or, when it names another package with
// `x-package` (Call Connect lives in the server package), into that package's
// src/generated/<name>. A package an API generates into is published; no other package is.
import { join, posix } from "node:path";
import { loadConfig } from "@redocly/openapi-core";

export const repoRoot = join(import.meta.dirname, "../..");

export interface ApiLayout {
  /** The API's name in openapi/redocly.yaml, such as `server` or `call-connect`. */
  name: string;
  /** Its root document, relative to openapi/. */
  root: string;
  /** The workspace package it generates into: its folder under packages/, such as `server`. */
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

/** The published packages (folders under packages/, such as `server`), in openapi/redocly.yaml's order. */
export function publicPackagesOf(apis: readonly ApiLayout[]): string[] {
  return [...new Set(apis.map((api) => api.packageName))];
}

export async function loadPublicPackages(): Promise<string[]> {
  return publicPackagesOf((await loadApis()).apis);
}

/** The API named `name`; fails with the names there are. */
export function apiNamed(apis: readonly ApiLayout[], name: string): ApiLayout {
  const api = apis.find((candidate) => candidate.name === name);
  if (!api)
    throw new Error(`openapi/redocly.yaml has no API "${name}"; it lists ${apis.map((a) => a.name).join(", ")}`);
  return api;
}
