// A server the tests start as a child process and know to be ready by a line it prints: Prism has
// no readiness endpoint, and the emulator's CLI announces itself the same way. Also what a test
// needs to prove that a process left nothing behind: its descendants, and whether a PID still runs.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ReadyChild {
  /** What the ready line's first group matched, such as the URL it listens on. */
  ready: string;
  /** The process started, to signal it or read its PID. */
  child: ChildProcess;
  /** Everything it has printed, stdout and stderr as they came (the last MiB). */
  output(): string;
  /** Resolves once its output matches `pattern`; rejects if its output ends first. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
  /**
   * Resolves once it has exited and its output has ended: once every process that shares its
   * stdout and stderr (a grandchild too) has exited or closed them.
   */
  closed: Promise<ChildExit>;
  stop(): Promise<void>;
}

export interface ReadyChildOptions {
  /** Names the server in errors, such as "Prism". */
  name: string;
  /** The program to run; node (this process's) unless said. */
  command?: string;
  /** The arguments: for node, a script and its flags. */
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Matches the line that says it is ready; its first group is what `ready` resolves to. */
  readyPattern: RegExp;
  /** Matches output that means it will never be ready. */
  failurePattern?: RegExp;
  timeoutMs: number;
}

const keptOutput = 1 << 20;

/** Starts `node ...args` (or `command`) and resolves once it prints its ready line; a failure carries its output. */
export function startReadyChild(options: ReadyChildOptions): Promise<ReadyChild> {
  const { name, readyPattern, failurePattern, timeoutMs } = options;
  const child = spawn(options.command ?? process.execPath, options.args, {
    stdio: ["ignore", "pipe", "pipe"],
    env: options.env,
    cwd: options.cwd,
  });
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const stop = () => {
    process.off("exit", killOnExit);
    return stopChild(child);
  };
  const closed = new Promise<ChildExit>((resolve) => child.once("close", (code, signal) => resolve({ code, signal })));
  let output = "";
  const waiters = new Set<() => void>();
  // Keeps reading after the ready line, so a full pipe never blocks the child's logging.
  const collect = (chunk: string) => {
    output = (output + chunk).slice(-keptOutput);
    for (const check of waiters) check();
  };
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(output);
        if (match) {
          waiters.delete(check);
          resolve(match);
        }
      };
      waiters.add(check);
      check();
      void closed.then(() => {
        if (!waiters.delete(check)) return;
        reject(new Error(`${name} ended without printing ${pattern}\n--- ${name} output ---\n${output}`));
      });
    });
  child.stdout?.setEncoding("utf8").on("data", collect);
  child.stderr?.setEncoding("utf8").on("data", collect);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`did not start within ${timeoutMs} ms`), timeoutMs);
    const fail = (why: string) => {
      clearTimeout(timer);
      void stop();
      reject(new Error(`${name} ${why}\n--- ${name} output ---\n${output}`));
    };
    const onData = () => {
      const ready = readyPattern.exec(output);
      if (ready?.[1]) {
        clearTimeout(timer);
        child.off("exit", onExit);
        child.stdout?.off("data", onData);
        child.stderr?.off("data", onData);
        resolve({ ready: ready[1], child, output: () => output, waitFor, closed, stop });
      } else if (failurePattern?.test(output)) {
        fail("failed to start");
      }
    };
    const onExit = (code: number | null) => fail(`exited with code ${code} before it was ready`);
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", onExit);
  });
}

/** Stops a child process: SIGTERM, then SIGKILL if it has not exited within 3 s. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 3_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** The PIDs of every process below `pid` (children, their children, …), from `ps`. */
export function descendantsOf(pid: number): number[] {
  const table = execFileSync("ps", ["-A", "-o", "pid=,ppid="], { encoding: "utf8" });
  const children = new Map<number, number[]>();
  for (const line of table.trim().split("\n")) {
    const [child, parent] = line.trim().split(/\s+/).map(Number) as [number, number];
    children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  const found: number[] = [];
  const queue = [pid];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const child of children.get(next) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** Whether `pid` is a running process: an exited one that its new parent has not reaped yet is not. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw error;
  }
  try {
    return !execFileSync("ps", ["-o", "stat=", "-p", String(pid)], { encoding: "utf8" })
      .trim()
      .startsWith("Z");
  } catch {
    // ps exits 1 when the PID went away between the two looks.
    return false;
  }
}
