// What importing a package costs a fresh Node process, the median over fresh processes: the time
// of the import itself, and peak RSS. Node's own module loader costs about 3 MB the first time
// any package is imported by name, whatever the package, so the RSS budget applies to what the
// package adds over a one-file control package imported the same way; the figure over bare
// `node` is printed too. @authsignal/node is measured alike.
// Usage: node startup.ts [--check] [runs]   (--check fails when ours take over 10 ms to import in
// the fastest run;
// RSS is reported against its 3 MB budget but not enforced, see BENCHMARKS.md)
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const runs = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 11);
const subjects = ["@authsignal-ts/server", "@authsignal-ts/management", "@authsignal/node"];
const budgets = { importMs: 10, addedRssMb: 3 };

// A project where every subject, and the control, resolves by name from node_modules.
const project = mkdtempSync(join(tmpdir(), "authsignal-ts-startup-"));
const control = join(project, "node_modules/control-package");
mkdirSync(control, { recursive: true });
writeFileSync(
  join(control, "package.json"),
  JSON.stringify({ name: "control-package", type: "module", exports: "./index.js" }),
);
writeFileSync(join(control, "index.js"), "export const loaded = true;\n");
for (const name of subjects) {
  const target = join(project, "node_modules", name);
  mkdirSync(dirname(target), { recursive: true });
  symlinkSync(realpathSync(join(import.meta.dirname, "node_modules", name)), target);
}

const probe = (name: string | undefined) => `
  const startedAt = performance.now();
  ${name === undefined ? "" : `await import(${JSON.stringify(name)});`}
  const importMs = performance.now() - startedAt;
  console.log(JSON.stringify({ importMs, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
`;

function measure(name: string | undefined) {
  const samples = Array.from(
    { length: runs },
    () =>
      JSON.parse(
        execFileSync(process.execPath, ["--input-type=module", "-e", probe(name)], { cwd: project, encoding: "utf8" }),
      ) as {
        importMs: number;
        maxRssMb: number;
      },
  );
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  const times = sorted(samples.map((s) => s.importMs));
  return {
    importMs: times[Math.floor(times.length / 2)] ?? Number.NaN,
    // The check uses the fastest run: other work on a busy CI machine only ever adds time.
    fastestImportMs: times[0] ?? Number.NaN,
    maxRssMb: sorted(samples.map((s) => s.maxRssMb))[Math.floor(samples.length / 2)] ?? Number.NaN,
  };
}

let overBudget = false;
try {
  const bare = measure(undefined);
  const baseline = measure("control-package");
  console.log(`import cost, median of ${runs} fresh processes (Node ${process.version})`);
  console.log(
    `  bare node peak RSS ${bare.maxRssMb.toFixed(1)} MB; a one-file package adds ${(baseline.maxRssMb - bare.maxRssMb).toFixed(2)} MB and ${baseline.importMs.toFixed(1)} ms`,
  );
  for (const name of subjects) {
    const { importMs, fastestImportMs, maxRssMb } = measure(name);
    const added = maxRssMb - baseline.maxRssMb;
    const ours = name.startsWith("@authsignal-ts/");
    if (ours && fastestImportMs > budgets.importMs) overBudget = true;
    const verdict = ours
      ? `  time ${importMs <= budgets.importMs ? "within" : "OVER"} 10 ms, RSS ${added <= budgets.addedRssMb ? "within" : "over"} 3 MB`
      : "";
    console.log(
      `  ${name.padEnd(26)} import ${importMs.toFixed(1).padStart(6)} ms   RSS +${added.toFixed(2).padStart(5)} MB over the control, +${(maxRssMb - bare.maxRssMb).toFixed(2).padStart(5)} MB over bare node${verdict}`,
    );
  }
} finally {
  rmSync(project, { recursive: true, force: true });
}
if (process.argv.includes("--check") && overBudget) process.exitCode = 1;
