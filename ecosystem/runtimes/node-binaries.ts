// Node binaries of exact versions, from the `node` package on the npm registry (it installs the
// real binary), cached where .ci/run caches its Node 24 so that a machine installs each once.
// `setup:runtimes` (install-runtimes.ts) fills the cache before the tests start; the tests only
// look binaries up, so a slow registry fails the setup with a clear message, not a test timeout.
import { existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { runProcess } from "./processes.ts";

/** The Node versions the runtime tests run on besides this process's own: the newest 20.x and 22.x when written. */
export const testedNodeVersions = ["20.20.2", "22.23.3"] as const;

const cacheDir =
  process.env.AUTHSIGNAL_TS_TOOL_CACHE ||
  join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "authsignal-ts");

const binaryOf = (version: string) => join(cacheDir, `node-${version}`, "node_modules", ".bin", "node");

/** The path of a Node binary of exactly `version`: this process's own, or the cached one. */
export async function nodeBinary(version: string): Promise<string> {
  if (process.versions.node === version) return process.execPath;
  const binary = binaryOf(version);
  if (await reportsVersion(binary, version)) return binary;
  throw new Error(
    `Node ${version} is not in ${cacheDir}: run \`pnpm --filter @authsignal-ts/ecosystem-tests setup:runtimes\``,
  );
}

/** Installs `node@version` into the cache unless it is there already; returns the binary's path. */
export async function installNodeBinary(version: string, timeoutMs: number): Promise<string> {
  if (process.versions.node === version) return process.execPath;
  const binary = binaryOf(version);
  if (await reportsVersion(binary, version)) return binary;
  const prefix = join(cacheDir, `node-${version}`);
  // Installed beside the cache entry and moved in whole, so an interrupted install is never reused.
  const staging = `${prefix}.installing-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    await runProcess(
      "npm",
      ["install", "--no-save", "--no-audit", "--no-fund", "--loglevel=error", "--prefix", staging, `node@${version}`],
      { env: { ...process.env, npm_config_update_notifier: "false" }, timeoutMs },
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
