#!/usr/bin/env node
// authsignal-emulator: serves the emulator until a signal or the exit of the process that started
// it. Every flag and file is checked before anything starts, and the ready line comes only once
// a stop would export; a problem is one line on stderr and exit 2.
import module from "node:module";
import { checkWritable, readJsonFile, writeJsonFile } from "./cli/files.ts";
import { type CliCommand, parseCommandLine, usage } from "./cli/options.ts";
import { stopOnSignalOrParentExit } from "./cli/stopping.ts";
import { EmulatorApiError } from "./domain/errors.ts";
import type { Emulator } from "./emulator.ts";
import { emulatorVersion } from "./http/responses.ts";
import type { RunningEmulator } from "./node.ts";
import type { EmulatorSeed } from "./seed/check.ts";
import type { EmulatorState } from "./state/types.ts";

// A reader that went away (the runner that started it, a closed terminal) makes every write fail
// with EPIPE, which would otherwise crash the emulator before it exports.
for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {});

const say = (line: string) => process.stderr.write(`authsignal-emulator: ${line}\n`);

function fail(message: string): never {
  say(message);
  process.exit(2);
}

let command: CliCommand;
try {
  command = parseCommandLine(process.argv.slice(2));
} catch (error) {
  fail((error as Error).message);
}
if (command.kind === "help") {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
if (command.kind === "version") {
  process.stdout.write(`${emulatorVersion}\n`);
  process.exit(0);
}
const { options } = command;

let seed: unknown;
let imported: unknown;
try {
  if (options.seed !== undefined) seed = readJsonFile("--seed", options.seed);
  if (options.import !== undefined) imported = readJsonFile("--import", options.import);
  if (options.exportOnExit !== undefined) checkWritable("--export-on-exit", options.exportOnExit);
} catch (error) {
  fail((error as Error).message);
}

interface Started {
  running: RunningEmulator;
  /** Listening on 0.0.0.0 or ::, which its URLs call localhost. */
  everywhere: boolean;
}

async function start(): Promise<Started> {
  // Node's on-disk cache of compiled code (Node 22.1+; NODE_DISABLE_COMPILE_CACHE turns it off), as
  // tsc uses it: parsing the emulator's generated validators is much of a start. Enabled before the
  // emulator is imported, since only modules loaded afterwards are cached.
  module.enableCompileCache?.();
  const [{ createEmulator }, { listensEverywhere, serveEmulator }, { EmulatorSeedError }, { DataDirError }] =
    await Promise.all([
      import("./emulator.ts"),
      import("./node.ts"),
      import("./seed/check.ts"),
      import("./data-dir.ts"),
    ]);
  let emulator: Emulator;
  try {
    emulator = createEmulator({
      ...(seed !== undefined && { seed: seed as EmulatorSeed }),
      ...(options.serverSecret !== undefined && { serverSecret: options.serverSecret }),
      ...(options.managementSecret !== undefined && { managementSecret: options.managementSecret }),
      // Only when given: without --strict, the seed's setting stands.
      ...(options.strict && { strict: true }),
      ...(options.verbose && { requestLog: say }),
      ...(options.dataDir !== undefined && { dataDir: options.dataDir }),
    });
  } catch (error) {
    if (error instanceof EmulatorSeedError) throw new Error(`--seed ${options.seed}: ${error.message}`);
    if (error instanceof DataDirError) throw new Error(`--data-dir ${options.dataDir}: ${error.message}`);
    throw error;
  }
  // The dir's state wins over the file: the same command line, run again after a kill, must
  // continue from where it stopped, not start over from the file.
  if (imported !== undefined && emulator.resumed) {
    say(`--import ${options.import}: not imported, as ${options.dataDir} holds a state (continuing from it)`);
  } else if (imported !== undefined) {
    try {
      emulator.importState(imported as EmulatorState);
    } catch (error) {
      if (error instanceof EmulatorApiError) throw new Error(`--import ${options.import}: ${error.description}`);
      throw error;
    }
  }
  // Imported before it listens, so no request ever sees the seed in place of the imported state.
  const running = await serveEmulator(emulator, {
    port: options.port,
    host: options.host,
    allowedHosts: options.allowedHosts,
  });
  return { running, everywhere: listensEverywhere(running) };
}

let starting: Promise<Started> | undefined;
const exportTo = options.exportOnExit;
const stopping = stopOnSignalOrParentExit({
  exportTo,
  outliveParent: options.outliveParent,
  say,
  async stop() {
    // A signal during the start waits for it: the start's own failure exits 2 meanwhile.
    const started = await starting;
    if (!started) return;
    const { running } = started;
    if (exportTo !== undefined) {
      await running.emulator.flushWebhooks();
      writeJsonFile(exportTo, running.emulator.exportState());
    }
    await running.stop();
    running.emulator.close();
  },
});

starting = start();
let started: Started;
try {
  started = await starting;
} catch (error) {
  fail((error as Error).message);
}

if (!stopping.begun) {
  const { running, everywhere } = started;
  const where = everywhere ? ` (on all interfaces, ${running.address})` : "";
  process.stdout.write(
    `Authsignal emulator listening on ${running.url}${where}\nServer API:     ${running.serverApiUrl}\nManagement API: ${running.managementApiUrl}\nClient API:     ${running.clientApiUrl}\nConsole:        ${running.url}/\n`,
  );
}
