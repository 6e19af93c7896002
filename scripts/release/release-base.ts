// The commit the next release is measured from: CHANGESET_BASE when CI sets one (a pull
// request's target), else the newest release tag changesets created, else none (nothing has
// been released yet).
import { execFileSync } from "node:child_process";

export function git(args: string[], cwd?: string): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
}

export function releaseBase(cwd?: string): string | undefined {
  if (process.env.CHANGESET_BASE) return process.env.CHANGESET_BASE;
  try {
    return git(["describe", "--tags", "--abbrev=0", "--match", "@authsignal-ts/*@*"], cwd) || undefined;
  } catch {
    return undefined;
  }
}
