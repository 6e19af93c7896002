// What importing a package costs a fresh Node process, the median over fresh processes: the time
// of the import itself, and peak RSS over bare `node` running the same probe without the import.
// It runs in a project where npm installed the packed tarballs and @authsignal/node, as users
// install them, beside a one-line control package.
// When the project's path is long (over about 40 characters here), importing any package at all,
// the control included, makes V8 tier Node's own path handling up to Maglev, which maps about
// 2 MB more of the node binary. The RSS budget is then held against the control, which shows
// that cost, instead of against bare node. BENCHMARKS.md has the measurements.
// Usage: node startup.ts [--check] [runs]   (--check fails when either of ours exceeds 10 ms on
// its fastest run, or 3 MB of median peak RSS over that baseline)
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packPublicPackages } from "@authsignal-ts/scripts/release/pack";
import { createConsumerProject } from "@authsignal-ts/scripts/testing/consumer-project";

const runs = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 11);
const subjects = ["@authsignal-ts/server", "@authsignal-ts/management", "@authsignal-ts/client", "@authsignal/node"];
const budgets = { importMs: 10, addedRssMb: 3 };
const officialVersion = (
  JSON.parse(readFileSync(join(import.meta.dirname, "package.json"), "utf8")) as {
    devDependencies: Record<string, string>;
  }
).devDependencies["@authsignal/node"];

const packed = mkdtempSync(join(tmpdir(), "as-packed-"));
// A short name keeps the project's path under that length wherever the temporary folder is short.
const consumer = await createConsumerProject({
  tarballs: await packPublicPackages(packed),
  manifest: { name: "startup", type: "module" },
  dependencies: [`@authsignal/node@${officialVersion}`],
  prefix: "as-startup-",
});
rmSync(packed, { recursive: true, force: true });
const project = consumer.dir;
const control = "@authsignal-tx/control";
const controlDir = join(project, "node_modules", control);
mkdirSync(controlDir, { recursive: true });
writeFileSync(
  join(controlDir, "package.json"),
  JSON.stringify({ name: control, type: "module", exports: "./index.js" }),
);
writeFileSync(join(controlDir, "index.js"), "export const loaded = true;\n");

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
  const controlCost = measure(control).maxRssMb - bare.maxRssMb;
  const nodeTieredUp = controlCost > 1.5;
  const baseline = nodeTieredUp ? "the control" : "bare node";
  console.log(`import cost in ${project}, median of ${runs} fresh processes (Node ${process.version})`);
  console.log(
    `  bare node peak RSS ${bare.maxRssMb.toFixed(1)} MB; the one-line control adds ${controlCost.toFixed(2)} MB`,
  );
  if (nodeTieredUp)
    console.log("  Node tiered up its path handling even for the control, so RSS is held against the control");
  for (const name of subjects) {
    const { importMs, fastestImportMs, maxRssMb } = measure(name);
    const addedRssMb = maxRssMb - bare.maxRssMb - (nodeTieredUp ? controlCost : 0);
    const ours = name.startsWith("@authsignal-ts/");
    const timeOver = fastestImportMs > budgets.importMs;
    const rssOver = addedRssMb > budgets.addedRssMb;
    if (ours && (timeOver || rssOver)) overBudget = true;
    const verdict = ours
      ? `  time ${timeOver ? "OVER" : "within"} ${budgets.importMs} ms, RSS ${rssOver ? "OVER" : "within"} ${budgets.addedRssMb} MB`
      : "";
    console.log(
      `  ${name.padEnd(26)} import ${importMs.toFixed(1).padStart(6)} ms   peak RSS +${addedRssMb.toFixed(2).padStart(5)} MB over ${baseline}${verdict}`,
    );
  }
} finally {
  consumer.remove();
}
if (process.argv.includes("--check") && overBudget) process.exitCode = 1;
