// Which public packages a change touches, and whether the pending changesets cover them. The
// spec is public contract: a change under openapi/ counts for the packages generated from it,
// and a change to the internal transport (packages/core) for both packages that bundle it.
import { publicPackages } from "./pack.ts";

/**
 * The packages whose users see a change to these paths (repository-relative). `specOwners` maps
 * each folder under openapi/ to the package generated from it (openapi/call-connect → server).
 */
export function packagesTouched(paths: string[], specOwners: Readonly<Record<string, string>>): Set<string> {
  const touched = new Set<string>();
  for (const path of paths) {
    const source = /^packages\/([^/]+)\/src\//.exec(path);
    if (source?.[1] && (publicPackages as readonly string[]).includes(source[1])) touched.add(source[1]);
    const spec = /^openapi\/([^/]+)\//.exec(path)?.[1];
    if (spec === "shared" || source?.[1] === "core") {
      for (const name of publicPackages) touched.add(name);
    } else if (spec && Object.hasOwn(specOwners, spec)) {
      touched.add(specOwners[spec] as string);
    }
  }
  return touched;
}

/** The packages a changeset file's front matter bumps, with the bump type. */
export function changesetBumps(markdown: string): Map<string, string> {
  const bumps = new Map<string, string>();
  const frontMatter = /^---\n([\s\S]*?)\n---/.exec(markdown)?.[1] ?? "";
  for (const line of frontMatter.split("\n")) {
    const entry = /^\s*["']?@authsignal-ts\/([\w-]+)["']?\s*:\s*(major|minor|patch)\s*$/.exec(line);
    if (entry?.[1] && entry[2]) bumps.set(entry[1], entry[2]);
  }
  return bumps;
}
