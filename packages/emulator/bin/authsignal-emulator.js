#!/usr/bin/env node
// The installed command. `bin` names this file, not dist/cli.js, because pnpm links a workspace
// package's bins at install time, before anything is built, and warns for every link whose file
// is missing; this one is committed, so the link always has a target. It loads the CLI through
// the package's `#cli` import: the build, or, under `--conditions=@authsignal-ts/source` (the
// Prism harness run from this repository's sources), the sources.
import("#cli").catch((error) => {
  if (error?.code === "ERR_MODULE_NOT_FOUND" && String(error.url ?? error.message).includes("/dist/cli.js")) {
    process.stderr.write(
      "authsignal-emulator: the package is not built. In the authsignal-ts repository, run `pnpm build`, or `pnpm emulator`, which runs the sources.\n",
    );
    process.exit(1);
  }
  throw error;
});
