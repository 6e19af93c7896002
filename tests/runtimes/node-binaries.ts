// Node binaries of exact versions, from the `node` package on the npm registry (it installs the
// real binary), cached where .ci/run caches its Node 24 so that a machine installs each once.
import { existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { runProcess } from "./processes.ts";

const cacheDir =
  process.env.AUTHSIGNAL_TS_TOOL_CACHE ||
  join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "authsignal-ts");

/** The path of a Node binary of exactly `version`: this process's own, or one installed on demand. */
export async function nodeBinary(version: string): Promise<string> {
  if (process.versions.node === version) return process.execPath;
  const prefix = join(cacheDir, `node-${version}`);
  const binary = join(prefix, "node_modules", ".bin", "node");
  if (await reportsVersion(binary, version)) return binary;

  // Installed beside the cache entry and moved in whole, so an interrupted install is never reused.
  const staging = `${prefix}.installing-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    await runProcess(
      "npm",
      ["install", "--no-save", "--no-audit", "--no-fund", "--loglevel=error", "--prefix", staging, `node@${version}`],
      { env: { ...process.env, npm_config_update_notifier: "false" }, timeoutMs: 150_000 },
    );
    await rm(prefix, { recursive: true, force: true });
    await rename(staging, prefix);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  if (!(await reportsVersion(binary, version)))
    throw new Error(`npm installed node@${version}, but ${binary} is not it`);
  return binary;
}

async function reportsVersion(binary: string, version: string): Promise<boolean> {
  if (!existsSync(binary)) return false;
  try {
    const { stdout } = await runProcess(binary, ["--version"], { timeoutMs: 10_000 });
    return stdout.trim() === `v${version}`;
  } catch {
    return false;
  }
}
