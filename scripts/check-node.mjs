// Runs first in the root scripts. The workspace runs its TypeScript scripts and tests directly
// with Node's type stripping, and its Prism mock needs Node 24.18, so an older Node would fail
// later with ERR_UNKNOWN_FILE_EXTENSION or a Prism crash. Plain JavaScript, so any Node runs it.
const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
if (major < 24 || (major === 24 && minor < 18)) {
  console.error(
    `authsignal-ts needs Node 24.18 or later for development; this is Node ${process.version}.\n` +
      "With nvm or fnm, run `nvm use` (it reads .node-version), or install Node 24 LTS from https://nodejs.org.\n" +
      "The published packages themselves run on Node 20 and later.",
  );
  process.exit(1);
}
