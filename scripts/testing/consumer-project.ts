// A throwaway project outside the workspace with packed tarballs installed by npm, the way a user
// installs them: no workspace links, no access to the packages' sources. The ecosystem tests run
// consumers in one, and the start-up benchmark measures imports in one.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface ConsumerProject {
  dir: string;
  /** Writes a file relative to the project. */
  write(path: string, content: string): Promise<string>;
  remove(): void;
}

export interface ConsumerProjectOptions {
  /** The tarballs to install, such as the ecosystem setup's `tarballs`. */
  tarballs: Record<string, string>;
  /** package.json fields besides a name and `private`. */
  manifest?: Record<string, unknown>;
  /** Packages to install from the registry beside the tarballs, such as `@authsignal/node@2.21.0`. */
  dependencies?: string[];
  /** The temporary folder's name starts with this; a short one keeps the project's path short. */
  prefix?: string;
}

/** Creates a project with the given package.json fields and installs the tarballs and dependencies into it. */
export async function createConsumerProject({
  tarballs,
  manifest = {},
  dependencies = [],
  prefix = "authsignal-ts-consumer-",
}: ConsumerProjectOptions): Promise<ConsumerProject> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, ...manifest }, null, 2));
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
      ...Object.values(tarballs),
      ...dependencies,
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
