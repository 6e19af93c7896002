// How the CLI stops: on SIGINT, SIGTERM or SIGHUP, or when the process that started it exits.
// It is all in place before the emulator starts, so no signal ever finds it without its export.
//
// Why the parent: `npx @authsignal-ts/emulator` runs npm, which runs the command through `sh -c`,
// which runs node. npm forwards SIGTERM to that shell, but dash (Debian's and Ubuntu's sh) waits
// for node instead of exec-ing it and dies of the signal without passing it on, so a runner that
// stops npx leaves node running, re-parented to init. A runner that SIGKILLs npx does the same
// with any shell. No signal says that a parent exited, so the emulator looks for a change of its
// parent's PID.
import { builtin } from "../http/builtins.ts";

const { constants } = builtin<typeof import("node:os")>("node:os");

export interface StopOptions {
  /** Exports the state when asked and stops the server; the CLI exits 1 if it throws. */
  stop(): Promise<void>;
  /** The --export-on-exit file, named in what it says while stopping. */
  exportTo: string | undefined;
  /** Keep running when the parent exits (--outlive-parent). */
  outliveParent: boolean;
  /** Writes one line on stderr. */
  say(line: string): void;
}

export interface Stopping {
  /** Whether a signal or the parent's exit has begun to stop it. */
  readonly begun: boolean;
}

const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
// Cheap (one getppid a tick), and a parent's exit is noticed within a quarter of a second.
const parentPollMs = 250;

export function stopOnSignalOrParentExit(options: StopOptions): Stopping {
  let begun = false;
  const { exportTo, say } = options;

  async function stop(notice: string | undefined) {
    begun = true;
    if (notice !== undefined) say(notice);
    try {
      await options.stop();
    } catch (error) {
      say((error as Error).message);
      process.exit(1);
    }
    process.exit(0);
  }

  for (const signal of signals) {
    process.on(signal, () => {
      if (!begun) {
        // Said only when there is something to wait for: an export can wait on slow webhooks.
        const exporting = `${signal}: writing the state to ${exportTo}, then stopping (a second signal stops at once)`;
        void stop(exportTo === undefined ? undefined : exporting);
        return;
      }
      say(`${signal} again: stopped at once${exportTo === undefined ? "" : "; the state was not written"}`);
      process.exit(128 + constants.signals[signal]);
    });
  }

  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watch);
    if (options.outliveParent) say("the process that started it exited; running on (--outlive-parent)");
    else if (!begun) {
      const exporting = exportTo === undefined ? "" : `, writing the state to ${exportTo}`;
      void stop(`the process that started it exited; stopping${exporting} (--outlive-parent keeps it running)`);
    }
  }, parentPollMs);
  // The watch never keeps the process alive: the server does, until it stops.
  watch.unref();

  return {
    get begun() {
      return begun;
    },
  };
}
