// vitest globalSetup for the ecosystem tests: packs the public packages once and starts a Prism
// mock of each API; everything is removed or stopped when the run ends.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { packPublicPackages } from "../release/pack.ts";
import { apiNamed, loadApis, repoRoot } from "../spec/apis.ts";
import type {} from "./ecosystem-context.ts";
import { startPrism } from "./prism.ts";

export default async function setup(project: TestProject) {
  const packDir = mkdtempSync(join(tmpdir(), "authsignal-ts-packed-"));
  const tarballs = await packPublicPackages(packDir);
  const { apis } = await loadApis();
  const [server, management, callConnect] = await Promise.all(
    ["server", "management", "call-connect"].map((name) => startPrism(join(repoRoot, apiNamed(apis, name).specPath))),
  );
  if (!server || !management || !callConnect) throw new Error("a Prism mock did not start");
  project.provide("ecosystem", {
    tarballs,
    serverMockUrl: server.baseUrl,
    managementMockUrl: management.baseUrl,
    callConnectMockUrl: callConnect.baseUrl,
  });
  return async () => {
    await Promise.all([server.stop(), management.stop(), callConnect.stop()]);
    rmSync(packDir, { recursive: true, force: true });
  };
}
