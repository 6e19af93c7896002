// A throwaway copy of the repository as it stands (HEAD plus uncommitted and untracked files that
// git does not ignore), for tests that run what a contributor runs in a fresh clone: `pnpm install`
// there cannot disturb the workspace the test runs in.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { repoRoot } from "../spec/apis.ts";

export interface RepositoryCopy {
  dir: string;
  remove(): void;
}

export function copyOfRepository(): RepositoryCopy {
  const dir = join(mkdtempSync(join(tmpdir(), "authsignal-ts-copy-")), "repo");
  const git = (...args: string[]) => execFileSync("git", args, { cwd: repoRoot, encoding: "utf8" });
  git("worktree", "add", "--detach", "--quiet", dir, "HEAD");
  const changed = git("ls-files", "--modified", "--others", "--exclude-standard", "-z").split("\0").filter(Boolean);
  const deleted = new Set(git("ls-files", "--deleted", "-z").split("\0").filter(Boolean));
  for (const file of changed) {
    if (deleted.has(file)) {
      rmSync(join(dir, file), { force: true });
      continue;
    }
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    copyFileSync(join(repoRoot, file), join(dir, file));
  }
  return {
    dir,
    remove() {
      try {
        git("worktree", "remove", "--force", dir);
      } finally {
        rmSync(dirname(dir), { recursive: true, force: true });
        git("worktree", "prune");
      }
    },
  };
}
