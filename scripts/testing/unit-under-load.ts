#!/usr/bin/env node
// The unit suite on a saturated machine: it starts CPU-burning processes beside `turbo run test`
// (uncached, every package's unit project) and runs it several times in a row, so a test that
// leans on wall-clock time fails here before it flakes in CI. Run it after touching a test that
// waits for a timer, a child process or a server (CONTRIBUTING says when).
//
//   pnpm test:under-load [--runs 5] [--burners 2]
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { repoRoot } from "../spec/apis.ts";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "5" }, burners: { type: "string", default: "2" } },
});
const runs = Number(values.runs);
const burnerCount = Number(values.burners);
for (const [name, value] of [
  ["--runs", runs],
  ["--burners", burnerCount],
] as const) {
  if (!Number.isInteger(value) || value < 0 || (name === "--runs" && value < 1)) {
    process.stderr.write(`unit-under-load: ${name} must be a whole number${name === "--runs" ? " ≥ 1" : ""}\n`);
    process.exit(2);
  }
}

// Each burner spins one core at 100% until it is killed.
const burners = Array.from({ length: burnerCount }, () =>
  spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" }),
);
const stopBurners = () => {
  for (const burner of burners) burner.kill("SIGKILL");
};
process.on("exit", stopBurners);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => process.exit(130));
}

function runSuite(): Promise<{ ok: boolean; seconds: number; failures: string[] }> {
  const startedAt = performance.now();
  return new Promise((resolve) => {
    const child = spawn("pnpm", ["exec", "turbo", "run", "test", "--force", "--output-logs=errors-only"], {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk;
    });
    child.on("close", (code) => {
      // vitest names each failed test on a `FAIL` line; turbo names each failed task.
      const failures = [...new Set(output.split("\n").filter((line) => /\bFAIL\b|ERR_|Failed:/.test(line)))];
      resolve({ ok: code === 0, seconds: (performance.now() - startedAt) / 1000, failures });
    });
  });
}

console.log(`unit suite under load: ${runs} run(s), ${burnerCount} CPU burner(s) beside it`);
let failed = 0;
for (let run = 1; run <= runs; run++) {
  const { ok, seconds, failures } = await runSuite();
  console.log(`  run ${run}: ${ok ? "passed" : "FAILED"} in ${seconds.toFixed(0)} s`);
  for (const line of failures) console.log(`    ${line.trim()}`);
  if (!ok) failed++;
}
console.log(failed === 0 ? `all ${runs} runs passed` : `${failed} of ${runs} runs failed`);
process.exit(failed === 0 ? 0 : 1);
