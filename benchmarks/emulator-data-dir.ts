// What a data dir costs: `track` requests per second from the built emulator CLI in memory and with
// `--data-dir`, in alternating rounds of the same run with the same requests (20 active rules, a
// new user and IP per request), the actions created checked against the requests sent; then the
// start on the dir the runs filled, to the first answer. Build the emulator first:
//   pnpm --filter @authsignal-ts/emulator... build && pnpm --filter @authsignal-ts/benchmarks bench:emulator-data-dir [requests] [rounds]
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { emulatorActions, loadAverage, median, spread, startChild, stopChild } from "./children.ts";
import { twentyRulesSeed } from "./seeds.ts";

const requests = Number(process.argv[2] ?? 3000);
const rounds = Number(process.argv[3] ?? 5);
const concurrency = 16;
const root = join(import.meta.dirname, "..");
const cli = join(root, "packages", "emulator", "dist", "cli.js");
if (!existsSync(cli))
  throw new Error(`${cli} is missing: build the emulator first (pnpm --filter @authsignal-ts/emulator... build)`);
const authorization = `Basic ${btoa("sk_emulator_server:")}`;
const dir = mkdtempSync(join(tmpdir(), "emulator-data-dir-bench-"));

const start = (args: string[]) =>
  startChild([cli, "--port", "0", ...args], /listening on (http:\/\/\S+)/, "", {
    path: "/v1/users/usr_probe",
    headers: { authorization },
  });
const stop = stopChild;

/** Requests per second for `requests` tracks, each a new user from a new IP, `concurrency` at a time. */
async function trackThroughput(url: string, prefix: string): Promise<number> {
  let next = 0;
  const startedAt = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const index = next++;
        const response = await fetch(`${url}/v1/users/usr_${prefix}_${index}/actions/signIn`, {
          method: "POST",
          headers: { authorization, "content-type": "application/json" },
          body: JSON.stringify({
            ipAddress: `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
            userAgent: "Mozilla/5.0",
            deviceId: `dev_${index}`,
            custom: { amount: 10 },
          }),
        });
        if (response.status !== 200) throw new Error(`track answered ${response.status}: ${await response.text()}`);
        await response.arrayBuffer();
      }
    }),
  );
  return requests / ((performance.now() - startedAt) / 1000);
}

const rulesFile = twentyRulesSeed(dir);

const dataDir = join(dir, "data");
const figures = { memory: [] as number[], dataDir: [] as number[] };
for (let round = 0; round < rounds; round++) {
  for (const mode of ["memory", "dataDir"] as const) {
    const running = await start(["--seed", rulesFile, ...(mode === "dataDir" ? ["--data-dir", dataDir] : [])]);
    const prefix = `${mode}${round}`;
    await trackThroughput(running.url, `warm${prefix}`);
    figures[mode].push(await trackThroughput(running.url, prefix));
    const created = await emulatorActions(running.url, `usr_${prefix}_`);
    if (created !== requests) throw new Error(`${mode}: ${created} actions for ${requests} tracks`);
    await stop(running);
  }
}
const restart = await start(["--seed", rulesFile, "--data-dir", dataDir]);
const kept = await emulatorActions(restart.url);
await stop(restart);
rmSync(dir, { recursive: true, force: true });

const load = loadAverage();
console.log(
  `Node ${process.version}, ${rounds} alternating rounds of ${requests} tracks at concurrency ${concurrency} (after a warm-up pass each); load average at the end ${load}\n`,
);
console.log("| emulator | track req/s, median (range) | ÷ in memory |");
console.log("| --- | ---: | ---: |");
console.log(`| in memory | ${spread(figures.memory)} | 1.00 |`);
console.log(
  `| --data-dir | ${spread(figures.dataDir)} | ${(median(figures.dataDir) / median(figures.memory)).toFixed(2)} |`,
);
console.log(
  `\nA start on the data dir then holding ${kept} actions: first answer after ${restart.firstAnswerMs.toFixed(0)} ms.`,
);
