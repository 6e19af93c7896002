// The files the CLI is given: a seed or an exported state to read, and the file to export to,
// which is checked before the emulator starts, so a path that cannot be written fails the start
// rather than the exit, when the state would be lost.
import { builtin } from "../http/builtins.ts";
import { CliError } from "./options.ts";

const { closeSync, openSync, readFileSync, unlinkSync, writeFileSync } = builtin<typeof import("node:fs")>("node:fs");
const { dirname } = builtin<typeof import("node:path")>("node:path");

const reasons: Record<string, string> = {
  ENOENT: "no such file",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "it is a directory",
  ENOTDIR: "a part of the path is not a directory",
  EROFS: "the file system is read-only",
  ENOSPC: "the disk is full",
};

/** Why a file operation failed, in words: Node's messages repeat the path and the syscall. */
function reasonOf(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  return (code && reasons[code]) ?? message;
}

/** A JSON file named by `flag` (`--seed`), parsed; a CliError says why it cannot be. */
export function readJsonFile(flag: string, file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new CliError(`${flag} ${file} cannot be read: ${reasonOf(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    // V8 quotes the text around a bad token, and a seed holds secret keys: keep only its own words.
    const reason = (error as Error).message.replace(/, .* is not valid JSON$/s, "");
    throw new CliError(`${flag} ${file} is not valid JSON: ${reason}`);
  }
}

/**
 * Fails unless `file` can be written. It opens the file rather than asking access(): root passes
 * access() on a directory it may not write to (a read-only mount), and only an open tells. A file
 * that does not exist yet is created and removed again.
 */
export function checkWritable(flag: string, file: string): void {
  let descriptor: number | undefined;
  let created = false;
  try {
    try {
      // r+ opens an existing file for writing without truncating it.
      descriptor = openSync(file, "r+");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      descriptor = openSync(file, "wx");
      created = true;
    }
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === "ENOENT") throw new CliError(`${flag} ${file}: the directory ${dirname(file)} does not exist`);
    if (code === "EISDIR") throw new CliError(`${flag} ${file} is a directory; name a file to write the state to`);
    throw new CliError(`${flag} ${file} cannot be written: ${reasonOf(error)}`);
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
    if (created) unlinkSync(file);
  }
}

/** Writes the state at exit; a failure is one line for the user, never a crash. */
export function writeJsonFile(file: string, value: unknown): void {
  try {
    writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
  } catch (error) {
    throw new CliError(`could not write the state to ${file}: ${reasonOf(error)}`);
  }
}
