// The CLI as users run it, in a child process from the sources: started until its ready line, or
// run to its exit. Whatever a test starts is stopped after it, so no test leaves a process behind.
import { type ChildProcess, execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { isRunning, type ReadyChild, startReadyChild, stopChild } from "@authsignal-ts/scripts/testing/child-process";
import { afterEach, expect } from "vitest";
import { cliArgs, readyPattern } from "./command.ts";

export { cliArgs, readyPattern };

const started = new Set<ChildProcess>();
const orphans = new Set<number>();
afterEach(async () => {
  await Promise.all([...started].map((child) => stopChild(child)));
  started.clear();
  for (const pid of orphans) if (isRunning(pid)) process.kill(pid, "SIGKILL");
  orphans.clear();
});

/** A process the test started through another (a shell), killed after the test if it still runs. */
export function killAfterTest(pid: number): void {
  orphans.add(pid);
}

/** `sh`'s arguments that run the CLI as npx runs a command: a child of `sh -c`, which does not exec it. */
export function underShellArgs(args: string[]): string[] {
  return ["-c", '"$0" "$@"; true', process.execPath, ...cliArgs, ...args];
}

/** Starts the CLI and resolves at its ready line, with the URL it printed; `underShell` as npx would. */
export async function startCli(args: string[], { underShell = false } = {}): Promise<ReadyChild> {
  const cliChild = await startReadyChild({
    name: "The emulator CLI",
    ...(underShell ? { command: "sh", args: underShellArgs(args) } : { args: [...cliArgs, ...args] }),
    readyPattern,
    timeoutMs: 30_000,
  });
  started.add(cliChild.child);
  return cliChild;
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const execute = promisify(execFile);

/** Runs the CLI to its exit: for what must not start. */
export async function runCli(args: string[]): Promise<CliRun> {
  const run = execute(process.execPath, [...cliArgs, ...args]);
  started.add(run.child);
  try {
    return { code: 0, signal: null, ...(await run) };
  } catch (error) {
    const { code, signal = null, stdout, stderr } = error as Partial<CliRun>;
    if (typeof code !== "number" && signal === null) throw error;
    return { code: code ?? null, signal, stdout: stdout ?? "", stderr: stderr ?? "" };
  }
}

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "emulator-cli-"));
}

/** A start refused as it must be: exit 2, nothing on stdout, and exactly this one line on stderr. */
export function expectRefusal(run: CliRun, message: string): void {
  expect(run).toMatchObject({ code: 2, stdout: "" });
  expect(run.stderr).toBe(`authsignal-emulator: ${message}\n`);
}
