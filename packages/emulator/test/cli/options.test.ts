import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { emulatorVersion } from "../../src/index.ts";
import { expectRefusal, runCli, startCli } from "./support.ts";

const helpHint = "(authsignal-emulator --help lists the options)";

describe("the command line", () => {
  it.each(["-h", "--help"])("%s prints the usage on stdout and exits 0", async (flag) => {
    const run = await runCli([flag]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toMatch(/^Usage: authsignal-emulator \[options\]\n/);
  });

  it.each(["-V", "--version"])("%s prints the package's version", async (flag) => {
    expect(await runCli([flag])).toMatchObject({ code: 0, stdout: `${emulatorVersion}\n`, stderr: "" });
  });

  it("takes a lone leading --, which `pnpm emulator -- --port 4010` passes on", async () => {
    const running = await startCli(["--", "--port", "0"]);
    expect(running.ready).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it.each(["abc", "70000", "", "4010.5", "-1"])("refuses --port=%s in one line", async (port) => {
    expectRefusal(await runCli([`--port=${port}`]), `--port must be a whole number from 0 to 65535, not "${port}"`);
  });

  it("refuses an unknown option, a missing value and a positional argument in one line each", async () => {
    expectRefusal(await runCli(["--frob"]), `Unknown option '--frob' ${helpHint}`);
    expectRefusal(await runCli(["--seed"]), `Option '--seed <value>' argument missing ${helpHint}`);
    expectRefusal(await runCli(["--port", "0", "extra"]), `Unexpected argument 'extra' ${helpHint}`);
  });

  it("refuses an empty --host", async () => {
    expectRefusal(await runCli(["--host="]), "--host must not be empty");
  });
});

describe("the README's flag table", () => {
  const flagsIn = (text: string) => new Set([...text.matchAll(/(?<![\w-])--[a-z][\w-]*/g)].map((match) => match[0]));

  it("lists exactly the flags of the usage text", async () => {
    const usage = (await runCli(["--help"])).stdout;
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const table = /^\| flag .*\n(?:\|.*\n)+/m.exec(readme)?.[0] ?? "";
    const firstColumns = table
      .split("\n")
      .map((row) => row.split("|")[1] ?? "")
      .join("\n");
    expect(flagsIn(firstColumns)).toEqual(flagsIn(usage));
    expect(flagsIn(usage).size).toBeGreaterThanOrEqual(10);
  });
});
