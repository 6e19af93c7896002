// How a test runs the CLI from its sources, without the per-test hooks of support.ts: suites that
// keep one CLI for a whole file (test/adversarial/) import this.
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../../src/cli.ts", import.meta.url));
/** Node's arguments that run the CLI from its sources; the CLI's own follow. */
export const cliArgs = ["--conditions=@authsignal-ts/source", cli];
export const readyPattern = /Authsignal emulator listening on (http:\/\/\S+)/;
