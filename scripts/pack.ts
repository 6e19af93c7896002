// Packs every public package into tarballs exactly as `pnpm publish` would (workspace:
// dependencies become real versions), for the checks and consumer tests that install them.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
// The transport (packages/core) is bundled into each of these, never published on its own.
export const publicPackages = ["server", "management"] as const;
export type PublicPackage = (typeof publicPackages)[number];

/** Packs the built packages into `destination`; returns each package's tarball path. */
export function packPublicPackages(destination: string): Record<PublicPackage, string> {
  const tarballs = {} as Record<PublicPackage, string>;
  for (const name of publicPackages) {
    const before = new Set(readdirSync(destination));
    execFileSync("pnpm", ["pack", "--pack-destination", destination], {
      cwd: join(repoRoot, "packages", name),
      stdio: ["ignore", "ignore", "inherit"],
    });
    const created = readdirSync(destination).find((file) => file.endsWith(".tgz") && !before.has(file));
    if (!created) throw new Error(`pnpm pack produced no tarball for packages/${name}`);
    tarballs[name] = join(destination, created);
  }
  return tarballs;
}
