// Runs first in the root scripts. The workspace runs its TypeScript scripts and tests directly
// with Node's type stripping, and its Prism mock needs Node 24.18, so an older Node would fail
// later with ERR_UNKNOWN_FILE_EXTENSION or a Prism crash. Plain JavaScript, so any Node runs it.
// The minimum is the root package.json's `engines.node`; .node-version pins the version CI and
// version managers install (test/node-version.test.ts checks that it meets the minimum).
import { readFileSync } from "node:fs";

const engines = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).engines.node;
const minimum = /^>=(\d+)\.(\d+)\.\d+$/.exec(engines);
if (!minimum) throw new Error(`package.json engines.node is "${engines}"; check-node.mjs reads only ">=x.y.z"`);
const [wantMajor, wantMinor] = [Number(minimum[1]), Number(minimum[2])];
const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
if (major < wantMajor || (major === wantMajor && minor < wantMinor)) {
  console.error(
    `authsignal-ts needs Node ${wantMajor}.${wantMinor} or later for development; this is Node ${process.version}.\n` +
      "With nvm or fnm, run `nvm use` (it reads .node-version), or install Node 24 LTS from https://nodejs.org.\n" +
      "The published packages themselves run on Node 20 and later.",
  );
  process.exit(1);
}
