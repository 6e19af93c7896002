import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const scenario = fileURLToPath(new URL("./exit-scenario.ts", import.meta.url));

describe("process lifetime", () => {
  it("exits promptly after faulty calls settle, with no leaked timers or sockets", async () => {
    const child = spawn(process.execPath, [scenario], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk;
    });
    const killer = setTimeout(() => child.kill("SIGKILL"), 8000);
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    const exitedAt = Date.now();
    clearTimeout(killer);

    expect(stderr).toBe("");
    expect(code).toBe(0);
    const report = JSON.parse(stdout.trim()) as { done: number; outcome: string[]; resources: string[] };
    expect(report.outcome).toEqual([
      "ok",
      "AuthsignalInternalServerError",
      "AuthsignalConnectionError",
      "ok",
      "AuthsignalTimeoutError",
      "AuthsignalTimeoutError",
      "AuthsignalAbortError",
      "AuthsignalAbortError",
      "AuthsignalTimeoutError",
    ]);
    expect(report.resources).not.toContain("Timeout");
    // A leaked attempt timer would hold the process for 10 s.
    expect(exitedAt - report.done).toBeLessThan(2500);
  }, 15_000);
});
