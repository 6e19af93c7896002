// vitest globalSetup for the ecosystem tests: packs the public packages once and starts a Prism
// mock of each API; everything is removed or stopped when the run ends.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import type {} from "./ecosystem-context.ts";
import { packPublicPackages, repoRoot } from "./pack.ts";
import { startPrism } from "./prism.ts";

export default async function setup(project: TestProject) {
  const packDir = mkdtempSync(join(tmpdir(), "authsignal-ts-packed-"));
  const tarballs = packPublicPackages(packDir);
  const [server, management] = await Promise.all([
    startPrism(join(repoRoot, "packages/server/src/generated/openapi.json")),
    startPrism(join(repoRoot, "packages/management/src/generated/openapi.json")),
  ]);
  project.provide("ecosystem", { tarballs, serverMockUrl: server.baseUrl, managementMockUrl: management.baseUrl });
  return async () => {
    await Promise.all([server.stop(), management.stop()]);
    rmSync(packDir, { recursive: true, force: true });
  };
}
