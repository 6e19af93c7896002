// Child processes for the runtime tests. Each runs in its own process group, so a runtime that
// starts helpers of its own (the deno npm shim runs the real binary under node) is ended whole:
// on a timeout, when it exits, and when the test process exits.
import { spawn } from "node:child_process";

const running = new Set<number>();
process.once("exit", () => {
  for (const pid of running) killGroup(pid);
});

export interface ProcessOutput {
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  timeoutMs: number;
}

/** Runs a command; rejects with its output when it exits non-zero or outlives `timeoutMs`. */
export function runProcess(command: string, args: string[], options: RunOptions): Promise<ProcessOutput> {
  const description = [command, ...args.map((arg) => (arg.length > 80 ? `${arg.slice(0, 77)}...` : arg))].join(" ");
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true, // its own process group
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const pid = child.pid;
    if (pid !== undefined) running.add(pid);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (pid !== undefined) killGroup(pid);
    }, options.timeoutMs);
    let exit = "";
    child.once("exit", (code, signal) => {
      exit = signal === null ? `exit code ${code}` : `signal ${signal}`;
      // Whatever it left behind goes with it.
      if (pid !== undefined) killGroup(pid);
    });
    child.once("error", (error) => {
      clearTimeout(timer);
      if (pid !== undefined) running.delete(pid);
      reject(new Error(`${description} could not start: ${error.message}`, { cause: error }));
    });
    child.once("close", (code) => {
      clearTimeout(timer);
      if (pid !== undefined) running.delete(pid);
      if (!timedOut && code === 0) return resolve({ stdout, stderr });
      const why = timedOut ? `was killed after ${options.timeoutMs} ms` : `failed (${exit})`;
      reject(new Error(`${description} ${why}\n--- stderr ---\n${stderr}\n--- stdout ---\n${stdout}`));
    });
  });
}

function killGroup(pid: number) {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // The group is already gone.
  }
}
