// --data-dir on the command line: one emulator per dir, a path that cannot be a dir refused at the
// start, and --import filling only a dir that holds no state, so the same command line run again
// after a kill continues from the dir.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectRefusal, runCli, startCli, tempDir } from "./support.ts";

const authorization = `Basic ${btoa("sk_emulator_server:")}`;

async function username(url: string, userId: string): Promise<unknown> {
  const response = await fetch(`${url}/v1/users/${userId}`, { headers: { authorization } });
  return ((await response.json()) as { username?: string }).username;
}

describe("--data-dir", () => {
  it("refuses a second emulator on the same dir, in one line", async () => {
    const dataDir = join(tempDir(), "data");
    const first = await startCli(["--port", "0", "--data-dir", dataDir]);
    expectRefusal(
      await runCli(["--port", "0", "--data-dir", dataDir]),
      `--data-dir ${dataDir}: ${dataDir} is in use by another emulator (its database is locked); give each its own dir`,
    );
    first.child.kill("SIGKILL");
    await first.closed;
    // The lock went with the killed process.
    const second = await startCli(["--port", "0", "--data-dir", dataDir]);
    second.child.kill("SIGTERM");
    expect(await second.closed).toEqual({ code: 0, signal: null });
  });

  it("refuses a path that cannot be a dir, and an empty one", async () => {
    const file = join(tempDir(), "file");
    writeFileSync(file, "");
    expectRefusal(
      await runCli(["--port", "0", "--data-dir", file]),
      `--data-dir ${file}: ${file} cannot be made a directory: a file is in the way`,
    );
    expectRefusal(
      await runCli(["--port", "0", "--data-dir", join(file, "data")]),
      `--data-dir ${join(file, "data")}: ${join(file, "data")} cannot be made a directory: a part of the path is a file`,
    );
    expectRefusal(await runCli(["--data-dir", ""]), "--data-dir must not be empty");
  });

  it("starts a fresh dir from --import, and a dir that holds a state from the dir", async () => {
    const dir = tempDir();
    const dataDir = join(dir, "data");
    const first = await startCli(["--port", "0"]);
    await fetch(`${first.ready}/v1/users/usr_1`, {
      method: "PATCH",
      headers: { authorization, "content-type": "application/json" },
      body: JSON.stringify({ username: "imported" }),
    });
    const exported = join(dir, "state.json");
    writeFileSync(exported, await (await fetch(`${first.ready}/_emulator/v1/state`)).text());
    await first.stop();

    const args = ["--port", "0", "--data-dir", dataDir, "--import", exported];
    const fresh = await startCli(args);
    expect(await username(fresh.ready, "usr_1")).toBe("imported");
    await fetch(`${fresh.ready}/v1/users/usr_1`, {
      method: "PATCH",
      headers: { authorization, "content-type": "application/json" },
      body: JSON.stringify({ username: "changed since" }),
    });
    fresh.child.kill("SIGKILL");
    await fresh.closed;

    const again = await startCli(args);
    expect(await username(again.ready, "usr_1")).toBe("changed since");
    expect(again.output()).toContain(
      `authsignal-emulator: --import ${exported}: not imported, as ${dataDir} holds a state (continuing from it)\n`,
    );
  });
});
