import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectRefusal, runCli, startCli, tempDir } from "./support.ts";

describe("--seed and --import", () => {
  it("refuse a file that cannot be read", async () => {
    const missing = join(tempDir(), "missing.json");
    expectRefusal(await runCli(["--seed", missing]), `--seed ${missing} cannot be read: no such file`);
    const folder = tempDir();
    expectRefusal(await runCli(["--import", folder]), `--import ${folder} cannot be read: it is a directory`);
  });

  it("refuse a file that is not JSON without quoting it, as a seed holds secret keys", async () => {
    const file = join(tempDir(), "seed.json");
    writeFileSync(file, '{ "secrets": { "server": sk_live_never_printed } }');
    expectRefusal(await runCli(["--seed", file]), `--seed ${file} is not valid JSON: Unexpected token 's'`);
  });

  it("refuse a seed the emulator rejects, and an import that is not an exported state", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "seed.json"), JSON.stringify({ usres: [] }));
    expectRefusal(
      await runCli(["--seed", join(dir, "seed.json")]),
      `--seed ${join(dir, "seed.json")}: seed has an unknown field "usres" (known: tenant, theme, actionConfigurations, rules, valueLists, customDataPoints, messageOverrides, authenticatorConfigurations, secrets, settings, appClients, riskSignals, users, challenges)`,
    );
    writeFileSync(join(dir, "state.json"), JSON.stringify({ server: {} }));
    expectRefusal(
      await runCli(["--import", join(dir, "state.json")]),
      `--import ${join(dir, "state.json")}: state.server.users is required`,
    );
  });
});

describe("--export-on-exit", () => {
  it("refuses, before it starts, a file in a directory that does not exist", async () => {
    const file = join(tempDir(), "missing", "state.json");
    expectRefusal(
      await runCli(["--port", "0", "--export-on-exit", file]),
      `--export-on-exit ${file}: the directory ${join(file, "..")} does not exist`,
    );
  });

  it("refuses a directory", async () => {
    const folder = tempDir();
    expectRefusal(
      await runCli(["--port", "0", "--export-on-exit", folder]),
      `--export-on-exit ${folder} is a directory; name a file to write the state to`,
    );
  });

  it("refuses a directory it may not write to, and leaves a file it may write to as it was", async () => {
    const dir = tempDir();
    // Root may write to any folder its mode forbids, but not into sysfs (access() would say it may).
    const asRoot = process.getuid?.() === 0;
    const readOnly = asRoot ? "/sys" : join(dir, "read-only");
    if (!asRoot) mkdirSync(readOnly, { mode: 0o555 });
    const file = join(readOnly, "authsignal-emulator-state.json");
    expectRefusal(
      await runCli(["--port", "0", "--export-on-exit", file]),
      `--export-on-exit ${file} cannot be written: permission denied`,
    );
    expect(existsSync(file)).toBe(false);

    const kept = join(dir, "kept.json");
    writeFileSync(kept, "what was there");
    const running = await startCli(["--port", "0", "--export-on-exit", kept]);
    expect(readFileSync(kept, "utf8")).toBe("what was there");
    await running.stop();
  });

  it("exits 1 with one line when the file cannot be written at exit, never with a crash", async () => {
    const dir = join(tempDir(), "gone");
    mkdirSync(dir);
    const file = join(dir, "state.json");
    const running = await startCli(["--port", "0", "--export-on-exit", file]);
    rmSync(dir, { recursive: true });
    running.child.kill("SIGTERM");
    expect(await running.closed).toEqual({ code: 1, signal: null });
    const stderr = running.output().slice(running.output().indexOf("Console:"));
    expect(stderr.split("\n").slice(1)).toEqual([
      `authsignal-emulator: SIGTERM: writing the state to ${file}, then stopping (a second signal stops at once)`,
      `authsignal-emulator: could not write the state to ${file}: no such file`,
      "",
    ]);
  });
});
