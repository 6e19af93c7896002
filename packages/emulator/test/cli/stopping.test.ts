import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { descendantsOf, isRunning } from "@authsignal-ts/scripts/testing/child-process";
import { createServerClient } from "@authsignal-ts/server";
import { afterEach, describe, expect, it } from "vitest";
import { connectEmulator } from "../../src/index.ts";
import { killAfterTest, readyPattern, startCli, tempDir, underShellArgs } from "./support.ts";

function exported(file: string) {
  return JSON.parse(readFileSync(file, "utf8"));
}

describe("a signal", () => {
  it.each(["SIGTERM", "SIGINT", "SIGHUP"] as const)("%s exports the state it served, then exits 0", async (signal) => {
    const dir = tempDir();
    const seedFile = join(dir, "seed.json");
    writeFileSync(seedFile, JSON.stringify({ users: [{ userId: "usr_cli", username: "cli" }] }));
    const exportFile = join(dir, "state.json");
    const running = await startCli([
      "--port",
      "0",
      "--seed",
      seedFile,
      "--server-secret",
      "sk_cli",
      "--export-on-exit",
      exportFile,
    ]);
    expect(running.output()).toBe(
      `Authsignal emulator listening on ${running.ready}\nServer API:     ${running.ready}/v1\nManagement API: ${running.ready}/v1/management\nClient API:     ${running.ready}/v1/client\nConsole:        ${running.ready}/\n`,
    );
    const server = createServerClient({ apiSecretKey: "sk_cli", baseUrl: `${running.ready}/v1`, maxRetries: 0 });
    expect(await server.getUser({ userId: "usr_cli" })).toMatchObject({ username: "cli" });
    await server.updateUser({ userId: "usr_later", attributes: { username: "later" } });
    running.child.kill(signal);
    expect(await running.closed).toEqual({ code: 0, signal: null });
    expect(exported(exportFile).server.users).toMatchObject({ usr_cli: {}, usr_later: { username: "later" } });
  });

  it("sent the moment the ready line arrives still exports, every time", async () => {
    const dir = tempDir();
    for (let attempt = 0; attempt < 5; attempt++) {
      const file = join(dir, `state-${attempt}.json`);
      const running = await startCli(["--port", "0", "--export-on-exit", file]);
      running.child.kill("SIGTERM");
      expect(await running.closed, `attempt ${attempt}: ${running.output()}`).toEqual({ code: 0, signal: null });
      expect(exported(file).emulator.settings).toBeDefined();
    }
  });

  describe("a second one while the export waits", () => {
    const held: IncomingMessage[] = [];
    const receiver = createServer((request) => held.push(request));
    afterEach(() => {
      for (const request of held.splice(0)) request.socket.destroy();
      receiver.close();
    });

    it("stops at once, without the export", async () => {
      // A webhook receiver that never answers holds the export, which first waits for deliveries.
      await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
      const delivered = new Promise((resolve) => receiver.once("request", resolve));
      const dir = tempDir();
      const seed = {
        tenant: {
          authenticatorEventsWebhookConfig: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/` },
        },
        settings: { webhookTimeoutMs: 120_000 },
      };
      writeFileSync(join(dir, "seed.json"), JSON.stringify(seed));
      const file = join(dir, "state.json");
      const running = await startCli(["--port", "0", "--seed", join(dir, "seed.json"), "--export-on-exit", file]);
      const server = createServerClient({ apiSecretKey: "sk_emulator_server", baseUrl: `${running.ready}/v1` });
      await server.enrollVerifiedAuthenticator({
        userId: "usr_1",
        attributes: { verificationMethod: "SMS", phoneNumber: "+64210000001" },
      });
      await delivered;

      running.child.kill("SIGTERM");
      await running.waitFor(/SIGTERM: writing the state to .*\(a second signal stops at once\)\n/);
      running.child.kill("SIGTERM");
      expect(await running.closed).toEqual({ code: 143, signal: null });
      expect(running.output()).toContain(
        "authsignal-emulator: SIGTERM again: stopped at once; the state was not written\n",
      );
      expect(existsSync(file)).toBe(false);
    });
  });
});

describe("the exit of the process that started it", () => {
  async function startUnderShell(args: string[]) {
    const running = await startCli(args, { underShell: true });
    const [node] = descendantsOf(running.child.pid as number);
    if (node === undefined) throw new Error("the shell has no child");
    killAfterTest(node);
    return { running, node };
  }

  it("stops it, exporting first, as a runner that kills npx would need", async () => {
    const file = join(tempDir(), "state.json");
    const { running, node } = await startUnderShell(["--port", "0", "--export-on-exit", file]);
    // SIGKILL: the shell can pass nothing on, as when npm's `sh -c` dies of a SIGTERM.
    running.child.kill("SIGKILL");
    await running.closed;
    expect(isRunning(node)).toBe(false);
    expect(running.output()).toContain(
      `authsignal-emulator: the process that started it exited; stopping, writing the state to ${file} (--outlive-parent keeps it running)\n`,
    );
    expect(exported(file).emulator.settings).toBeDefined();
  });

  it("still exports when nobody reads its output any more", async () => {
    const file = join(tempDir(), "state.json");
    // A fourth pipe that no one writes to: it ends when its last holder, the emulator, exits.
    const shell = spawn("sh", underShellArgs(["--port", "0", "--export-on-exit", file]), {
      stdio: ["ignore", "pipe", "pipe", "pipe"],
    });
    killAfterTest(shell.pid as number);
    const stdout = shell.stdio[1] as Readable;
    const stderr = shell.stdio[2] as Readable;
    const held = shell.stdio[3] as Readable;
    const exited = new Promise((resolve) => held.once("close", resolve));
    held.resume();
    let output = "";
    await new Promise<void>((resolve) =>
      stdout.on("data", (chunk) => {
        output += chunk;
        if (readyPattern.test(output)) resolve();
      }),
    );
    const [node] = descendantsOf(shell.pid as number);
    killAfterTest(node as number);
    // The runner is gone, and its ends of the pipes with it: every write the emulator makes fails.
    stdout.destroy();
    stderr.destroy();
    shell.kill("SIGKILL");
    await exited;
    expect(isRunning(node as number)).toBe(false);
    expect(exported(file).emulator.settings).toBeDefined();
  });

  it("leaves it running with --outlive-parent, until a signal stops it", async () => {
    const { running, node } = await startUnderShell(["--port", "0", "--outlive-parent"]);
    running.child.kill("SIGKILL");
    await running.waitFor(/the process that started it exited; running on \(--outlive-parent\)\n/);
    expect(isRunning(node)).toBe(true);
    expect(await connectEmulator(running.ready).settings()).toMatchObject({ otpLength: 6 });
    process.kill(node, "SIGTERM");
    await running.closed;
    expect(isRunning(node)).toBe(false);
  });
});
