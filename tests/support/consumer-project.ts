// A throwaway project outside the workspace with the packed tarballs installed by npm, the way
// a user installs them: no workspace links, no access to the packages' sources.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { ecosystem } from "@authsignal-ts/scripts/ecosystem-context";

const run = promisify(execFile);

export interface ConsumerProject {
  dir: string;
  /** Writes a file relative to the project. */
  write(path: string, content: string): Promise<string>;
  remove(): void;
}

/**
 * Creates a project with the given package.json fields and installs both tarballs plus
 * `extraDependencies` from the registry.
 */
export async function createConsumerProject(
  manifest: Record<string, unknown> = {},
  extraDependencies: string[] = [],
): Promise<ConsumerProject> {
  const dir = mkdtempSync(join(tmpdir(), "authsignal-ts-consumer-"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, ...manifest }, null, 2));
  const { server, management } = ecosystem().tarballs;
  await run(
    "npm",
    [
      "install",
      // Registry metadata cached by an earlier install in the run is reused, not fetched again.
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      "--no-package-lock",
      "--loglevel=error",
      server,
      management,
      ...extraDependencies,
    ],
    {
      cwd: dir,
      env: { ...process.env, npm_config_update_notifier: "false" },
    },
  );
  return {
    dir,
    async write(path, content) {
      const target = join(dir, path);
      await mkdir(dirname(target), { recursive: true });
      writeFileSync(target, content);
      return target;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs a command in the project; rejects with its output when it fails. */
export async function runIn(
  project: ConsumerProject,
  command: string,
  args: string[],
  env: Record<string, string> = {},
) {
  try {
    return await run(command, args, { cwd: project.dir, env: { ...process.env, ...env }, timeout: 60_000 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(" ")} failed:\n${stdout ?? ""}\n${stderr ?? ""}`, { cause: error });
  }
}
