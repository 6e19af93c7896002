// Every shell command in the READMEs runs as written, in order: the root README's in a throwaway
// copy of the repository (a fresh clone, as a contributor has it), a package README's in a project
// that has installed the packed tarballs (as a user has it). A command that starts a server must
// print its ready line, answer on the URL it printed, and stop on Ctrl-C (SIGINT to its process
// group, as a terminal sends it) leaving no process behind. What a command is documented to print
// (the `# …` lines under it) must appear in its output, in order.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "@authsignal-ts/scripts/spec/apis";
import { type ConsumerProject, createConsumerProject } from "@authsignal-ts/scripts/testing/consumer-project";
import { ecosystem } from "@authsignal-ts/scripts/testing/ecosystem-context";
import { copyOfRepository, type RepositoryCopy } from "@authsignal-ts/scripts/testing/repository-copy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notRun, readmes, type ShellCommand, shellCommands, where, whyNotRun } from "./readme-blocks.ts";

const commands = shellCommands();
const runnable = commands.filter((command) => !whyNotRun(command.readme, command.command));
const readyLine = /listening on (https?:\/\/\S+)/;

interface Outcome {
  output: string;
  /** The URL a server printed, when the command started one. */
  served?: string;
}

/** Whether any process of the group is alive. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function run(command: ShellCommand, cwd: string): Promise<Outcome> {
  // Its own process group, so the whole tree can be stopped as a terminal stops it.
  const child = spawn("sh", ["-c", command.command], { cwd, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const pid = child.pid ?? 0;
  let output = "";
  let served: string | undefined;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return new Promise<Outcome>((resolve, reject) => {
    const fail = (why: string) => {
      if (groupAlive(pid)) process.kill(-pid, "SIGKILL");
      reject(new Error(`${where(command)} \`${command.command}\` ${why}\n--- output ---\n${output}`));
    };
    const deadline = setTimeout(() => fail("did not finish within 3 minutes"), 180_000);
    const onData = async (chunk: Buffer) => {
      output += chunk;
      const ready = served === undefined ? readyLine.exec(output) : null;
      if (!ready?.[1]) return;
      served = ready[1];
      try {
        // Any HTTP answer shows that the printed URL is one a person can open.
        await fetch(new URL("/v1/", served));
      } catch (error) {
        return fail(`printed ${served}, which does not answer: ${(error as Error).message}`);
      }
      process.kill(-pid, "SIGINT");
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    void exited.then(async ({ code, signal }) => {
      clearTimeout(deadline);
      // The group's other processes (a server under a package manager) may still be stopping.
      for (let waited = 0; groupAlive(pid) && waited < 100; waited++)
        await new Promise((done) => setTimeout(done, 100));
      if (groupAlive(pid)) return fail("left a process running after it exited");
      const stoppedByUs = served !== undefined;
      if (code !== 0 && !stoppedByUs) return fail(`exited with code ${code}`);
      // On Ctrl-C the shell running the command dies of the SIGINT, as in a terminal; what matters
      // is that nothing of the group is left.
      if (stoppedByUs && code !== 0 && code !== 130 && signal !== "SIGINT") {
        return fail(`exited with code ${code} (signal ${signal}) on Ctrl-C`);
      }
      resolve({ output, ...(served === undefined ? {} : { served }) });
    });
  });
}

function expectPromised(command: ShellCommand, output: string) {
  const lines = output.split("\n").map((line) => line.trimEnd());
  let from = 0;
  for (const promised of command.promised) {
    const at = lines.indexOf(promised.trimEnd(), from);
    expect(at, `${where(command)} promises "${promised}"`).toBeGreaterThanOrEqual(from);
    from = at + 1;
  }
}

let repository: RepositoryCopy | undefined;
let project: ConsumerProject | undefined;
const ran = new Set<string>();

beforeAll(async () => {
  repository = copyOfRepository();
  project = await createConsumerProject({ tarballs: ecosystem().tarballs, manifest: { type: "module" } });
});
afterAll(() => {
  repository?.remove();
  project?.remove();
});

describe("the READMEs' shell commands", () => {
  it("are found, and each one left out says why and still exists", () => {
    expect(commands.length).toBeGreaterThanOrEqual(8);
    for (const entry of notRun) {
      const matches = commands.filter(
        (command) => command.readme === entry.readme && command.command.startsWith(entry.starts),
      );
      expect(matches, `${entry.readme}: nothing starts with "${entry.starts}"`).not.toEqual([]);
    }
  });

  it("name scoped packages wherever they use npx, in prose as well", () => {
    // An unscoped name may belong to anyone on the registry, and npx would fetch and run it.
    const unscoped = readmes.flatMap((readme) =>
      [...readFileSync(join(repoRoot, readme), "utf8").matchAll(/\bnpx\s+(@?[a-z0-9][\w./@-]*)/g)]
        .map((match) => match[1] ?? "")
        .filter((name) => !name.startsWith("@"))
        .map((name) => `${readme}: npx ${name}`),
    );
    expect(unscoped).toEqual([]);
  });

  it.each(runnable.map((command) => [where(command), command.command, command] as const))(
    "%s `%s` runs as written",
    async (_, __, command) => {
      const cwd = command.readme === "README.md" ? repository?.dir : project?.dir;
      if (!cwd) throw new Error("the repository copy and the consumer project are made in beforeAll");
      const { output } = await run(command, cwd);
      expectPromised(command, output);
      // The docs promise the state is written there when it stops.
      const exportedTo = /--export-on-exit\s+(\S+)/.exec(command.command)?.[1];
      if (exportedTo) expect(Object.keys(JSON.parse(readFileSync(join(cwd, exportedTo), "utf8")))).toContain("server");
      ran.add(where(command));
    },
    240_000,
  );

  it("ran every one but those left out", () => {
    const skipped = commands.length - runnable.length;
    console.log(
      `docs: ${ran.size} of ${commands.length} shell commands ran as written, ${skipped} left out (readme-blocks.ts says why)`,
    );
    expect([...ran].sort()).toEqual(runnable.map(where).sort());
  });
});
