// Starting the servers a benchmark measures as child processes, as users run them: the time from
// spawn to the first answered request, their resident memory, and a stop that waits for the exit.
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

export interface Started {
  child: ChildProcess;
  /** The URL the ready line named, with `basePath` appended. */
  url: string;
  /** Milliseconds from spawn to the first answered request. */
  firstAnswerMs: number;
}

/**
 * Spawns `node command…`, waits for a line matching `ready` (its first group the URL), then for the
 * answer to one `GET <url><basePath><probe>`.
 */
export async function startChild(
  command: string[],
  ready: RegExp,
  basePath: string,
  probe: { path: string; headers?: Record<string, string> },
): Promise<Started> {
  const startedAt = performance.now();
  const child = spawn(process.execPath, command, {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = ready.exec(output);
      if (match?.[1]) resolve(match[1].replace(/\/$/, ""));
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
  child.stdout?.resume();
  child.stderr?.resume();
  const response = await fetch(`${url}${basePath}${probe.path}`, { headers: probe.headers });
  await response.arrayBuffer();
  return { child, url: `${url}${basePath}`, firstAnswerMs: performance.now() - startedAt };
}

export function stopChild(started: Started): Promise<void> {
  return new Promise((resolve) => {
    if (started.child.exitCode !== null) return resolve();
    started.child.once("exit", () => resolve());
    started.child.kill("SIGTERM");
  });
}

/** Milliseconds of CPU a thread has run, from /proc's schedstat (nanoseconds, unlike its clock ticks). */
const threadCpuMs = (pid: number | undefined, thread: number | string | undefined) =>
  Number(readFileSync(`/proc/${pid}/task/${thread}/schedstat`, "utf8").split(" ")[0]) / 1e6;

/**
 * Milliseconds of CPU the process's main thread has run: the thread that holds the emulator's state
 * (and the bare server's only one), without node:http's thread or the collector's and compiler's helpers.
 */
export function mainThreadCpuMs(pid: number | undefined): number {
  return threadCpuMs(pid, pid);
}

/** Milliseconds of CPU every thread of the process has run, those that have ended aside. */
export function processCpuMs(pid: number | undefined): number {
  return readdirSync(`/proc/${pid}/task`).reduce((sum, thread) => sum + threadCpuMs(pid, thread), 0);
}

/** Resident memory of a process, in MB. */
export function rssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]) / 1024;
}

export const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** The median, with the fastest and slowest run: on a shared machine the spread is part of the figure. */
export const spread = (values: readonly number[], digits = 0) =>
  `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;

/** The machine's load average now, for the figures' context. */
export const loadAverage = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

/** The actions an emulator at `origin` holds, from its exported state; only users whose ID starts with `userPrefix`, when given. */
export async function emulatorActions(origin: string, userPrefix?: string): Promise<number> {
  const state = (await (await fetch(`${origin}/_emulator/v1/state`)).json()) as {
    server: { actions: Record<string, Record<string, unknown>> };
  };
  return Object.entries(state.server.actions)
    .filter(([userId]) => userPrefix === undefined || userId.startsWith(userPrefix))
    .reduce((count, [, actions]) => count + Object.keys(actions).length, 0);
}
