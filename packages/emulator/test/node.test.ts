import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createManagementClient } from "@authsignal-ts/management";
import { createServerClient } from "@authsignal-ts/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningEmulator, startEmulator } from "../src/index.ts";

describe("startEmulator", () => {
  let running: RunningEmulator;
  beforeAll(async () => {
    running = await startEmulator({ port: 0 });
  });
  afterAll(() => running.stop());

  it("serves both APIs on a loopback port for our clients", async () => {
    expect(running.serverApiUrl).toBe(`${running.url}/v1`);
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const management = createManagementClient({
      apiSecretKey: "sk_emulator_management",
      baseUrl: running.managementApiUrl,
    });
    const server = createServerClient({ apiSecretKey: "sk_emulator_server", baseUrl: running.serverApiUrl });
    await management.createActionConfiguration({ actionCode: "signIn", defaultUserActionResult: "BLOCK" });
    const tracked = await server.track({
      userId: "usr_http",
      action: "signIn",
      attributes: { ipAddress: "203.0.113.7" },
    });
    expect(tracked.state).toBe("BLOCK");
    expect(tracked.url.startsWith(`${running.url}/_emulator/v1/ui?token=`)).toBe(true);
  });

  it("answers a body over the limit with 413 over HTTP too", async () => {
    const response = await fetch(`${running.serverApiUrl}/users/u`, {
      method: "PATCH",
      headers: { authorization: `Basic ${btoa("sk_emulator_server:")}`, "content-type": "application/json" },
      body: JSON.stringify({ displayName: "x".repeat(2 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
  });

  it("refuses a port in use with a clear error", async () => {
    const port = Number(new URL(running.url).port);
    await expect(startEmulator({ port })).rejects.toThrow(`Port ${port} on 127.0.0.1 is already in use`);
  });

  it("refuses a host that is not an address of this machine with a clear error", async () => {
    // 192.0.2.0/24 is reserved for documentation: no machine has it, and nothing is sent to it.
    await expect(startEmulator({ host: "192.0.2.1" })).rejects.toThrow(
      "192.0.2.1 is not an address of this machine; listen on 127.0.0.1, on one of its own addresses, or on 0.0.0.0 for every interface.",
    );
  });
});

describe("startEmulator on every interface", () => {
  it("names localhost in its URLs, which open, and the wildcard in its address", async () => {
    const everywhere = await startEmulator({ host: "0.0.0.0" });
    try {
      expect(everywhere.url).toBe(`http://localhost:${everywhere.port}`);
      expect(everywhere.address).toBe("0.0.0.0");
      expect(everywhere.serverApiUrl).toBe(`${everywhere.url}/v1`);
      const response = await fetch(`${everywhere.url}/_emulator/v1/clock`);
      expect(response.status).toBe(200);
    } finally {
      await everywhere.stop();
    }
  });
});

describe("the authsignal-emulator CLI", () => {
  const cli = new URL("../src/cli.ts", import.meta.url).pathname;

  function run(args: string[]) {
    const child = spawn(process.execPath, ["--conditions=@authsignal-ts/source", cli, ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const ready = new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk) => {
        output += chunk;
        if (output.includes("Management API:")) resolve(output);
      });
      child.stderr.on("data", (chunk) => {
        output += chunk;
      });
      child.once("exit", (code) => reject(new Error(`exited ${code}: ${output}`)));
    });
    // A run that is expected to fail never gets ready; that is not an unhandled rejection.
    ready.catch(() => {});
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    return { child, ready, exited, output: () => output };
  }

  it("prints its URLs, serves the seed, and exports its state when stopped by SIGTERM", async () => {
    const dir = mkdtempSync(join(tmpdir(), "emulator-cli-"));
    const seedFile = join(dir, "seed.json");
    writeFileSync(seedFile, JSON.stringify({ users: [{ userId: "usr_cli", username: "cli" }] }));
    const exportFile = join(dir, "state.json");
    const { child, ready, exited } = run([
      "--port",
      "0",
      "--seed",
      seedFile,
      "--server-secret",
      "sk_cli",
      "--export-on-exit",
      exportFile,
    ]);
    const output = await ready;
    const url = /Authsignal emulator listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(output)?.[1];
    expect(output).toContain(`Server API:     ${url}/v1\nManagement API: ${url}/v1/management`);
    const server = createServerClient({ apiSecretKey: "sk_cli", baseUrl: `${url}/v1` });
    expect(await server.getUser({ userId: "usr_cli" })).toMatchObject({ username: "cli" });
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(JSON.parse(readFileSync(exportFile, "utf8")).server.users.usr_cli.username).toBe("cli");
  });

  it("stops with a clear message for a port in use and for a seed with an unknown field", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    const busy = run(["--port", String(port)]);
    expect(await busy.exited).toBe(2);
    expect(busy.output()).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    blocker.close();

    const dir = mkdtempSync(join(tmpdir(), "emulator-cli-"));
    writeFileSync(join(dir, "seed.json"), JSON.stringify({ usres: [] }));
    const badSeed = run(["--port", "0", "--seed", join(dir, "seed.json")]);
    expect(await badSeed.exited).toBe(2);
    expect(badSeed.output()).toContain('seed has an unknown field "usres"');
  });
});
