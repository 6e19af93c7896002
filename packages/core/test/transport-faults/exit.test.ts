import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const scenario = fileURLToPath(new URL("./exit-scenario.ts", import.meta.url));

describe("process lifetime", () => {
  it("exits promptly after faulty calls settle, with no leaked timers or sockets", async () => {
    const child = spawn(process.execPath, [scenario], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    // A leaked attempt timer would hold the process for 10 s after its calls settled. Timed from
    // the report of that moment, not from the start, so a slow start on a busy machine counts for
    // nothing; 5 s is half the leak.
    let killer: ReturnType<typeof setTimeout> | undefined;
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
      if (stdout.includes("\n")) killer ??= setTimeout(() => child.kill("SIGKILL"), 5000);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    clearTimeout(killer);

    expect(stderr).toBe("");
    expect(code).toBe(0);
    const report = JSON.parse(stdout.trim()) as { outcome: string[]; resources: string[] };
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
  }, 60_000);
});
