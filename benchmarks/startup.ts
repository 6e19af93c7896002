// What importing a package costs a fresh Node process, the median over fresh processes: the time
// of the import itself, and peak RSS. It runs in a project where npm installed the packed
// tarballs and @authsignal/node, as users install them. Peak RSS after loading a module grows
// in steps that depend on the module's path length as well as its code, so the RSS budget
// applies to what a package adds over a one-file control package at a path of the same length.
// Usage: node startup.ts [--check] [runs]   (--check fails when ours exceed 10 ms on the fastest
// run; RSS is reported against its 3 MB budget, not enforced: see BENCHMARKS.md)
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packPublicPackages } from "../scripts/pack.ts";

const runs = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 11);
const subjects = ["@authsignal-ts/server", "@authsignal-ts/management", "@authsignal/node"];
const budgets = { importMs: 10, addedRssMb: 3 };
const officialVersion = (
  JSON.parse(readFileSync(join(import.meta.dirname, "package.json"), "utf8")) as {
    devDependencies: Record<string, string>;
  }
).devDependencies["@authsignal/node"];

const project = mkdtempSync(join(tmpdir(), "authsignal-ts-startup-"));
const packed = join(project, "packed");
mkdirSync(packed);
const tarballs = packPublicPackages(packed);
writeFileSync(join(project, "package.json"), JSON.stringify({ name: "startup", private: true, type: "module" }));
execFileSync(
  "npm",
  [
    "install",
    "--prefer-offline",
    "--no-audit",
    "--no-fund",
    "--no-package-lock",
    "--loglevel=error",
    ...Object.values(tarballs),
    `@authsignal/node@${officialVersion}`,
  ],
  { cwd: project, stdio: ["ignore", "ignore", "inherit"] },
);
// Same scope length and depth as ours: @authsignal-tx/control beside @authsignal-ts/server.
const control = join(project, "node_modules/@authsignal-tx/control");
mkdirSync(control, { recursive: true });
writeFileSync(
  join(control, "package.json"),
  JSON.stringify({ name: "@authsignal-tx/control", type: "module", exports: "./index.js" }),
);
writeFileSync(join(control, "index.js"), "export const loaded = true;\n");

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
  const baseline = measure("@authsignal-tx/control");
  console.log(`import cost, median of ${runs} fresh processes (Node ${process.version})`);
  console.log(
    `  bare node peak RSS ${bare.maxRssMb.toFixed(1)} MB; the one-file control adds ${(baseline.maxRssMb - bare.maxRssMb).toFixed(2)} MB and ${baseline.importMs.toFixed(1)} ms`,
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
