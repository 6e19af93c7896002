// The command line of authsignal-emulator: what it accepts, and the usage text that says so.
import { builtin } from "../http/builtins.ts";
import { allowedHostProblem } from "../http/guard.ts";

const { parseArgs } = builtin<typeof import("node:util")>("node:util");

export const usage = `Usage: authsignal-emulator [options]

  --port N                 port to listen on (default 4010; 0 picks a free port)
  --host HOST              address to listen on (default 127.0.0.1; 0.0.0.0 or :: for every interface)
  --allowed-host NAME      a name the test-only API also answers to, besides loopback names, IP
                           addresses and --host (repeatable; .example.test: a domain and its subdomains)
  --seed FILE              start from a JSON seed: tenant, secrets, actions, rules, users, … (see README)
  --server-secret KEY      Server API secret key (default sk_emulator_server)
  --management-secret KEY  Management API secret key (default sk_emulator_management)
  --data-dir DIR           keep the state in DIR, each write on disk before its answer, so it
                           survives a kill; a restart on DIR continues where it stopped
                           (Node 22.13 or later)
  --import FILE            start from a state exported earlier (GET /_emulator/v1/state); with
                           --data-dir, only a dir that holds no state yet starts from it
  --export-on-exit FILE    write the state to FILE when stopped (SIGINT, SIGTERM, SIGHUP)
  --outlive-parent         keep running when the process that started it exits
                           (by default it stops, exporting first, as if sent SIGTERM)
  --strict                 refuse a request body with a field the spec does not know (by
                           default the field is ignored, as the live API does, with a warning header)
  --verbose                print a line per request on stderr: method, path, status, duration, warnings
  -h, --help               show this
  -V, --version            show the version

A second signal while it is stopping stops it at once, without the export.`;

/** A command line that cannot run: the one-line message says why, and the CLI exits 2. */
export class CliError extends Error {
  override name = "CliError";
}

export interface CliOptions {
  port: number;
  host: string;
  allowedHosts: string[];
  seed?: string;
  import?: string;
  dataDir?: string;
  exportOnExit?: string;
  serverSecret?: string;
  managementSecret?: string;
  outliveParent: boolean;
  strict: boolean;
  verbose: boolean;
}

export type CliCommand = { kind: "help" } | { kind: "version" } | { kind: "run"; options: CliOptions };

function portOf(value: string): number {
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!(port <= 65535)) throw new CliError(`--port must be a whole number from 0 to 65535, not "${value}"`);
  return port;
}

/** Reads the arguments after the command's name. */
export function parseCommandLine(args: readonly string[]): CliCommand {
  // `pnpm emulator -- --port 4010` (npm's habit) passes the `--` on; it ends no options here.
  const rest = args[0] === "--" ? args.slice(1) : [...args];
  let values: ReturnType<typeof parse>["values"];
  function parse() {
    return parseArgs({
      args: rest,
      options: {
        port: { type: "string", default: "4010" },
        host: { type: "string", default: "127.0.0.1" },
        "allowed-host": { type: "string", multiple: true, default: [] },
        seed: { type: "string" },
        "server-secret": { type: "string" },
        "management-secret": { type: "string" },
        import: { type: "string" },
        "data-dir": { type: "string" },
        "export-on-exit": { type: "string" },
        "outlive-parent": { type: "boolean", default: false },
        strict: { type: "boolean", default: false },
        verbose: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", short: "V", default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  }
  try {
    values = parse().values;
  } catch (error) {
    // Node's first sentence names the argument; the rest suggests `--` for positionals, which this takes none of.
    const [reason] = (error as Error).message.split(". ");
    throw new CliError(`${reason} (authsignal-emulator --help lists the options)`);
  }
  if (values.help) return { kind: "help" };
  if (values.version) return { kind: "version" };
  for (const flag of ["host", "seed", "import", "data-dir", "export-on-exit"] as const) {
    if (values[flag] === "") throw new CliError(`--${flag} must not be empty`);
  }
  const allowedHosts = values["allowed-host"];
  for (const allowed of allowedHosts) {
    const problem = allowedHostProblem(allowed, "--allowed-host");
    if (problem) throw new CliError(problem);
  }
  return {
    kind: "run",
    options: {
      port: portOf(values.port),
      host: values.host,
      allowedHosts,
      seed: values.seed,
      import: values.import,
      dataDir: values["data-dir"],
      exportOnExit: values["export-on-exit"],
      serverSecret: values["server-secret"],
      managementSecret: values["management-secret"],
      outliveParent: values["outlive-parent"],
      strict: values.strict,
      verbose: values.verbose,
    },
  };
}
