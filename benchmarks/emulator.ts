// The emulator beside a Prism mock of the same spec, in the same run: time from process start to
// the first answered request, `track` throughput with 20 active rules, and memory with 100,000
// users. Both run as child processes on loopback, driven over HTTP with the same requests.
// The emulator runs as users run it, the built CLI (dist/cli.js), so build it first:
//   pnpm --filter @authsignal-ts/emulator... build && pnpm --filter @authsignal-ts/benchmarks bench:emulator [requests]
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { loadAverage, median, rssMb, spread, startChild, stopChild } from "./children.ts";
import { hundredThousandUsersSeed, twentyRulesSeed } from "./seeds.ts";

const requests = Number(process.argv[2] ?? 3000);
const concurrency = 16;
const runs = 11;
const root = join(import.meta.dirname, "..");
const scriptsRequire = createRequire(join(root, "scripts", "package.json"));
const prismPackage = scriptsRequire.resolve("@stoplight/prism-cli/package.json");
const prismBin = join(
  dirname(prismPackage),
  (JSON.parse(readFileSync(prismPackage, "utf8")) as { bin: { prism: string } }).bin.prism,
);
const serverSpec = createRequire(import.meta.url).resolve("@authsignal-ts/server/openapi.json");
const cli = join(root, "packages", "emulator", "dist", "cli.js");
if (!existsSync(cli))
  throw new Error(`${cli} is missing: build the emulator first (pnpm --filter @authsignal-ts/emulator... build)`);
const authorization = `Basic ${btoa("sk_emulator_server:")}`;
const dir = mkdtempSync(join(tmpdir(), "emulator-bench-"));

const start = (command: string[], ready: RegExp, basePath: string) =>
  startChild(command, ready, basePath, { path: "/users/usr_1", headers: { authorization } });

const startEmulator = (args: string[] = []) =>
  start([cli, "--port", "0", ...args], /listening on (http:\/\/\S+)/, "/v1");
const startPrism = () =>
  start(
    [
      prismBin,
      "mock",
      "--host",
      "127.0.0.1",
      "--port",
      String(40000 + Math.floor(Math.random() * 20000)),
      "--errors",
      serverSpec,
    ],
    /Prism is listening on (http:\/\/\S+)/,
    "",
  );

const stop = stopChild;

/** Requests per second for `requests` tracks, `concurrency` at a time. */
async function trackThroughput(baseUrl: string): Promise<number> {
  const body = JSON.stringify({
    ipAddress: "203.0.113.7",
    userAgent: "Mozilla/5.0",
    deviceId: "dev_1",
    custom: { amount: 10 },
  });
  let next = 0;
  const startedAt = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const index = next++;
        const response = await fetch(`${baseUrl}/users/usr_${index % 500}/actions/signIn`, {
          method: "POST",
          headers: { authorization, "content-type": "application/json" },
          body,
        });
        if (response.status !== 200) throw new Error(`track answered ${response.status}: ${await response.text()}`);
        await response.arrayBuffer();
      }
    }),
  );
  return requests / ((performance.now() - startedAt) / 1000);
}

const rulesFile = twentyRulesSeed(dir);
const usersFile = hundredThousandUsersSeed(dir);

const startup = { emulator: [] as number[], prism: [] as number[] };
for (let run = 0; run < runs; run++) {
  const emulator = await startEmulator();
  startup.emulator.push(emulator.firstAnswerMs);
  await stop(emulator);
  const prism = await startPrism();
  startup.prism.push(prism.firstAnswerMs);
  await stop(prism);
}

const emulator = await startEmulator(["--seed", rulesFile]);
const prism = await startPrism();
// A warm-up pass each, then the measured one.
await trackThroughput(emulator.url);
await trackThroughput(prism.url);
const throughput = { emulator: await trackThroughput(emulator.url), prism: await trackThroughput(prism.url) };
const prismRss = rssMb(prism.child.pid);
await stop(emulator);
await stop(prism);

const seeded = await startEmulator(["--seed", usersFile]);
const seededRss = rssMb(seeded.child.pid);
await stop(seeded);

const row = (label: string, emulatorValue: string, prismValue: string) =>
  console.log(`| ${label.padEnd(44)} | ${emulatorValue.padStart(12)} | ${prismValue.padStart(12)} |`);
const load = loadAverage();
console.log(
  `Node ${process.version}, ${runs} starts each, ${requests} tracks at concurrency ${concurrency}; load average at the end ${load}\n`,
);
row("", "emulator", "Prism mock");
row("---", "---:", "---:");
row("Process start → first answer (median ms)", spread(startup.emulator), spread(startup.prism));
row(
  "Prism's start ÷ the emulator's (medians)",
  "",
  `${(median(startup.prism) / median(startup.emulator)).toFixed(1)}×`,
);
row("track throughput, 20 active rules (req/s)", throughput.emulator.toFixed(0), throughput.prism.toFixed(0));
row("RSS with 100,000 users (MB)", seededRss.toFixed(0), `${prismRss.toFixed(0)} (stateless)`);
