// The workspace's one list of APIs and public packages, read from openapi/redocly.yaml: an API
// generates into packages/<name>/src/generated, or, when it names another package with
// `x-package` (Call Connect lives in the server package), into that package's
// src/generated/<name>. A package an API generates into is a client package; the published
// packages are the packages/ folders whose package.json is not private (the clients, and tools
// such as the emulator).
import { readdirSync, readFileSync } from "node:fs";
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
  /**
   * The name its types and factory take (`ServerMethods`, `createServerClient`): the API's own
   * in PascalCase, or `x-type-name` where that would read badly (`client` → `ClientApi`).
   */
  typeName: string;
}

export const redoclyConfigPath = join(repoRoot, "openapi/redocly.yaml");

export async function loadApis(): Promise<{ config: Awaited<ReturnType<typeof loadConfig>>; apis: ApiLayout[] }> {
  const config = await loadConfig({ configPath: redoclyConfigPath });
  const apis = Object.entries(config.resolvedConfig.apis ?? {}).map(([name, api]) => {
    if (!api.root) throw new Error(`openapi/redocly.yaml has no root for API "${name}"`);
    const { "x-package": hostPackage, "x-type-name": typeName } = api as {
      "x-package"?: string;
      "x-type-name"?: string;
    };
    const packageName = hostPackage ?? name;
    const generatedDir = posix.join("packages", packageName, "src/generated", ...(hostPackage ? [name] : []));
    return {
      name,
      root: posix.normalize(api.root),
      packageName,
      generatedDir,
      specPath: `${generatedDir}/openapi.json`,
      typeName: typeName ?? name.replace(/(?:^|-)(\w)/g, (_, letter: string) => letter.toUpperCase()),
    };
  });
  return { config, apis };
}

/** The client packages (folders under packages/, such as `server`), in openapi/redocly.yaml's order. */
export function clientPackagesOf(apis: readonly ApiLayout[]): string[] {
  return [...new Set(apis.map((api) => api.packageName))];
}

export async function loadClientPackages(): Promise<string[]> {
  return clientPackagesOf((await loadApis()).apis);
}

/**
 * The published packages: every folder under packages/ whose package.json is not private, as
 * pnpm publishes them. A client package that is private is a mistake, and fails here.
 */
export async function loadPublicPackages(): Promise<string[]> {
  const packagesDir = join(repoRoot, "packages");
  const isPublic = (name: string) => {
    const manifest = JSON.parse(readFileSync(join(packagesDir, name, "package.json"), "utf8")) as { private?: boolean };
    return manifest.private !== true;
  };
  const folders = readdirSync(packagesDir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  const published = folders.map((entry) => entry.name).filter(isPublic);
  const privateClients = (await loadClientPackages()).filter((name) => !published.includes(name));
  if (privateClients.length > 0)
    throw new Error(`packages/${privateClients.join(", packages/")}: an API generates into it, but it is private`);
  return published.sort();
}

/** The API named `name`; fails with the names there are. */
export function apiNamed(apis: readonly ApiLayout[], name: string): ApiLayout {
  const api = apis.find((candidate) => candidate.name === name);
  if (!api)
    throw new Error(`openapi/redocly.yaml has no API "${name}"; it lists ${apis.map((a) => a.name).join(", ")}`);
  return api;
}
