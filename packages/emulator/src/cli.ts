#!/usr/bin/env node
// authsignal-emulator: serves the emulator until SIGINT or SIGTERM.
import module from "node:module";
import { builtin } from "./builtins.ts";
import type { EmulatorSeed } from "./seed.ts";
import type { EmulatorState } from "./state.ts";

const { readFileSync, writeFileSync } = builtin<typeof import("node:fs")>("node:fs");
const { parseArgs } = builtin<typeof import("node:util")>("node:util");

const usage = `Usage: authsignal-emulator [options]

  --port N                 port to listen on (default 4010; 0 picks a free port)
  --host HOST              address to listen on (default 127.0.0.1)
  --seed FILE              JSON seed: tenant, secrets, actions, rules, users, … (see README)
  --server-secret KEY      Server API secret key (default sk_emulator_server)
  --management-secret KEY  Management API secret key (default sk_emulator_management)
  --import FILE            start from a state exported earlier (GET /_emulator/v1/state)
  --export-on-exit FILE    write the state to FILE when stopped
  --help                   show this`;

function fail(message: string): never {
  process.stderr.write(`authsignal-emulator: ${message}\n`);
  process.exit(2);
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    fail(`cannot read the ${what} file ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    fail(`the ${what} file ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      port: { type: "string", default: "4010" },
      host: { type: "string", default: "127.0.0.1" },
      seed: { type: "string" },
      "server-secret": { type: "string" },
      "management-secret": { type: "string" },
      import: { type: "string" },
      "export-on-exit": { type: "string" },
      help: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
}
try {
  parsed = parse();
} catch (error) {
  fail(`${(error as Error).message}\n\n${usage}`);
}
const { values } = parsed;
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`--port must be a whole number from 0 to 65535, not "${values.port}"`);

// Node's on-disk cache of compiled code (Node 22.1+; NODE_DISABLE_COMPILE_CACHE turns it off), as
// tsc uses it: parsing the emulator's generated validators is much of a start. Enabled before the
// emulator is imported, since only modules loaded afterwards are cached.
module.enableCompileCache?.();
const { startEmulator } = await import("./node.ts");

let running: Awaited<ReturnType<typeof startEmulator>>;
try {
  running = await startEmulator({
    port,
    host: values.host,
    ...(values.seed !== undefined && { seed: readJson(values.seed, "seed") as EmulatorSeed }),
    ...(values["server-secret"] !== undefined && { serverSecret: values["server-secret"] }),
    ...(values["management-secret"] !== undefined && { managementSecret: values["management-secret"] }),
  });
  if (values.import !== undefined) running.emulator.importState(readJson(values.import, "import") as EmulatorState);
} catch (error) {
  fail((error as Error).message);
}

process.stdout.write(
  `Authsignal emulator listening on ${running.url}\nServer API:     ${running.serverApiUrl}\nManagement API: ${running.managementApiUrl}\n`,
);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  const file = values["export-on-exit"];
  if (file !== undefined) {
    await running.emulator.flushWebhooks();
    writeFileSync(file, `${JSON.stringify(running.emulator.exportState(), null, 2)}\n`);
  }
  await running.stop();
  process.exit(0);
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
