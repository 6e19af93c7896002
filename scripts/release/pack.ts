// Packs every public package into tarballs exactly as `pnpm publish` would (workspace:
// dependencies become real versions), for the checks and consumer projects that install them.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { loadPublicPackages, repoRoot } from "../spec/apis.ts";

/** Packs the built packages into `destination`; returns each package's tarball path by its folder name. */
export async function packPublicPackages(destination: string): Promise<Record<string, string>> {
  const tarballs: Record<string, string> = {};
  for (const name of await loadPublicPackages()) {
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
