// A server the tests start as a child process and know to be ready by a line it prints: Prism has
// no readiness endpoint, and the emulator's CLI announces itself the same way.
import { type ChildProcess, spawn } from "node:child_process";

export interface ReadyChild {
  /** What the ready line's first group matched, such as the URL it listens on. */
  ready: string;
  stop(): Promise<void>;
}

export interface ReadyChildOptions {
  /** Names the server in errors, such as "Prism". */
  name: string;
  /** Node's arguments: a script and its flags. */
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** Matches the line that says it is ready; its first group is what `ready` resolves to. */
  readyPattern: RegExp;
  /** Matches output that means it will never be ready. */
  failurePattern?: RegExp;
  timeoutMs: number;
}

/** Starts `node ...args` and resolves once it prints its ready line; a failure carries its output. */
export function startReadyChild(options: ReadyChildOptions): Promise<ReadyChild> {
  const { name, readyPattern, failurePattern, timeoutMs } = options;
  const child = spawn(process.execPath, options.args, { stdio: ["ignore", "pipe", "pipe"], env: options.env });
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const stop = () => {
    process.off("exit", killOnExit);
    return stopChild(child);
  };
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => fail(`did not start within ${timeoutMs} ms`), timeoutMs);
    const fail = (why: string) => {
      clearTimeout(timer);
      void stop();
      reject(new Error(`${name} ${why}\n--- ${name} output ---\n${output}`));
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = readyPattern.exec(output);
      if (ready?.[1]) {
        clearTimeout(timer);
        child.off("exit", onExit);
        // Keep draining so a full pipe never blocks the child's logging.
        child.stdout?.off("data", onData).resume();
        child.stderr?.off("data", onData).resume();
        resolve({ ready: ready[1], stop });
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
