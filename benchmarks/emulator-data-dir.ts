// What a data dir costs: `track` requests per second from the built emulator CLI in memory and with
// `--data-dir`, in alternating rounds of the same run with the same requests (20 active rules, a
// new user and IP per request), the actions created checked against the requests sent; then the
// start on the dir the runs filled, to the first answer. Build the emulator first:
//   pnpm --filter @authsignal-ts/emulator... build && pnpm --filter @authsignal-ts/benchmarks bench:emulator-data-dir [requests] [rounds]
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

interface Started {
  child: ChildProcess;
  url: string;
  firstAnswerMs: number;
}

async function start(args: string[]): Promise<Started> {
  const startedAt = performance.now();
  const child = spawn(process.execPath, [cli, "--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
  child.stdout?.resume();
  child.stderr?.resume();
  await (await fetch(`${url}/v1/users/usr_probe`, { headers: { authorization } })).arrayBuffer();
  return { child, url, firstAnswerMs: performance.now() - startedAt };
}

function stop(started: Started): Promise<void> {
  return new Promise((resolve) => {
    started.child.once("exit", () => resolve());
    started.child.kill("SIGTERM");
  });
}

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

/** The actions the emulator holds (whose user's ID starts with `usr_<prefix>_`, when given). */
async function actionsOf(url: string, prefix?: string): Promise<number> {
  const state = (await (await fetch(`${url}/_emulator/v1/state`)).json()) as {
    server: { actions: Record<string, Record<string, unknown>> };
  };
  return Object.entries(state.server.actions)
    .filter(([userId]) => prefix === undefined || userId.startsWith(`usr_${prefix}_`))
    .reduce((count, [, actions]) => count + Object.keys(actions).length, 0);
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
    const created = await actionsOf(running.url, prefix);
    if (created !== requests) throw new Error(`${mode}: ${created} actions for ${requests} tracks`);
    await stop(running);
  }
}
const restart = await start(["--seed", rulesFile, "--data-dir", dataDir]);
const kept = await actionsOf(restart.url);
await stop(restart);
rmSync(dir, { recursive: true, force: true });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const spread = (values: number[]) =>
  `${median(values).toFixed(0)} (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`;
const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
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
