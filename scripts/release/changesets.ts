// What the pending changesets bump, and which public packages a change touches. The spec is
// public contract: a change under openapi/ counts for the packages generated from it, and a change
// to the internal transport (packages/core, bundled into every public package) for all of them.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type ApiLayout, clientPackagesOf } from "../spec/apis.ts";

export type Bump = "major" | "minor" | "patch";

/**
 * The packages whose users see a change to these paths (repository-relative), by folder name:
 * a published package's own src/, and for the spec and core the client packages built from them.
 * A folder under openapi/ that holds no API's root document (shared/) is used by every API.
 */
export function packagesTouched(
  paths: string[],
  apis: readonly ApiLayout[],
  publicPackages: readonly string[] = clientPackagesOf(apis),
): Set<string> {
  const clientPackages = clientPackagesOf(apis);
  const specOwners = new Map(apis.map((api) => [api.root.split("/")[0] as string, api.packageName]));
  const touched = new Set<string>();
  for (const path of paths) {
    const source = /^packages\/([^/]+)\/src\//.exec(path)?.[1];
    if (source && publicPackages.includes(source)) touched.add(source);
    const spec = /^openapi\/([^/]+)\//.exec(path)?.[1];
    const owner = spec === undefined ? undefined : specOwners.get(spec);
    if (owner) touched.add(owner);
    else if (spec !== undefined || source === "core") for (const name of clientPackages) touched.add(name);
  }
  return touched;
}

/** The packages a changeset file's front matter bumps (`@authsignal-ts/server` as `server`), with the bump type. */
export function changesetBumps(markdown: string): Map<string, Bump> {
  const bumps = new Map<string, Bump>();
  const frontMatter = /^---\n([\s\S]*?)\n---/.exec(markdown)?.[1] ?? "";
  for (const line of frontMatter.split("\n")) {
    const entry = /^\s*["']?@authsignal-ts\/([\w-]+)["']?\s*:\s*(major|minor|patch)\s*$/.exec(line);
    if (entry?.[1] && entry[2]) bumps.set(entry[1], entry[2] as Bump);
  }
  return bumps;
}

/** Every bump the pending changesets in `.changeset/` ask for, by package. */
export function pendingBumps(repoRoot: string): Map<string, Set<Bump>> {
  const changesetDir = join(repoRoot, ".changeset");
  const pending = new Map<string, Set<Bump>>();
  for (const file of readdirSync(changesetDir).filter((name) => name.endsWith(".md") && name !== "README.md")) {
    for (const [name, bump] of changesetBumps(readFileSync(join(changesetDir, file), "utf8"))) {
      pending.set(name, (pending.get(name) ?? new Set<Bump>()).add(bump));
    }
  }
  return pending;
}
