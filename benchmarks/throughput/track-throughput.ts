// `track` throughput of the emulator against the floor, a bare node:http server that parses the body
// and answers a fixed Track response, in the same run with the same external load generator (wrk),
// alternating rounds so that both see the same machine. The emulator runs as users run it (the
// built CLI), in memory with its request journal as it comes, 20 active rules on the action, every
// request a new user from a new IP address; after each round, the actions it created are counted
// against the requests wrk saw answered, and the CPU each server spent per answer is read from /proc,
// its main thread's (the emulator's state) and all its threads' (node:http's thread and the
// collector's helpers too). Also: time from spawn to the first answer, and memory per 100,000 users.
//   apt-get install wrk
//   pnpm --filter @authsignal-ts/emulator... build && pnpm --filter @authsignal-ts/benchmarks bench:throughput [seconds] [rounds] [--data-dir]
// With --data-dir, every emulator started keeps its state in a fresh directory of its own.
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  emulatorActions,
  loadAverage,
  median,
  rssMb,
  type Started,
  spread,
  startChild,
  stopChild,
} from "../children.ts";
import { hundredThousandUsersSeed, twentyRulesSeed } from "../seeds.ts";
import { measuredTracks } from "./wrk.ts";

const withDataDir = process.argv.includes("--data-dir");
const positional = process.argv.slice(2).filter((arg) => arg !== "--data-dir");
const seconds = Number(positional[0] ?? 10);
const rounds = Number(positional[1] ?? 3);
const connections = 32;
const root = join(import.meta.dirname, "..", "..");
const cli = join(root, "packages", "emulator", "dist", "cli.js");
if (!existsSync(cli)) throw new Error(`${cli} is missing: build the emulator first`);
const authorization = `Basic ${btoa("sk_emulator_server:")}`;
const dir = mkdtempSync(join(tmpdir(), "emulator-throughput-"));

const rulesFile = twentyRulesSeed(dir);

const probe = { path: "/users/usr_probe", headers: { authorization } };
const startBare = () =>
  startChild([join(import.meta.dirname, "bare-track-server.ts")], /listening on (http:\/\/\S+)/, "", probe);
let dataDirs = 0;
const emulatorFlags = () => (withDataDir ? ["--data-dir", join(dir, `data-${++dataDirs}`)] : []);
const startEmulator = (args: string[]) =>
  startChild([cli, "--port", "0", ...args, ...emulatorFlags()], /listening on (http:\/\/\S+)/, "/v1", probe);

const load = { seconds, connections, authorization };
const measured = (started: Started) => measuredTracks(started, load);

const ratios: number[] = [];
const bare: number[] = [];
const emulated: number[] = [];
const cpu = { bare: [] as number[], emulator: [] as number[] };
const processCpu = { bare: [] as number[], emulator: [] as number[] };
for (let round = 0; round < rounds; round++) {
  const floor = await startBare();
  const floorResult = measured(floor);
  bare.push(floorResult.requestsPerSecond);
  cpu.bare.push(floorResult.cpuUs);
  processCpu.bare.push(floorResult.processCpuUs);
  await stopChild(floor);
  const emulator = await startEmulator(["--seed", rulesFile]);
  const result = measured(emulator);
  cpu.emulator.push(result.cpuUs);
  processCpu.emulator.push(result.processCpuUs);
  const actions = await emulatorActions(emulator.url.replace(/\/v1$/, ""));
  await stopChild(emulator);
  if (result.failed > 0) throw new Error(`round ${round + 1}: ${result.failed} tracks failed`);
  // wrk counts the answers it read; a request in flight when it stopped may have been answered unread.
  if (actions < result.answered || actions > result.answered + connections) {
    throw new Error(`round ${round + 1}: ${actions} actions for ${result.answered} answered tracks`);
  }
  emulated.push(result.requestsPerSecond);
  ratios.push(result.requestsPerSecond / (bare.at(-1) as number));
  console.error(
    `round ${round + 1}: bare ${bare.at(-1)?.toFixed(0)} req/s, emulator ${result.requestsPerSecond.toFixed(0)} req/s, ${actions} actions for ${result.answered} answered`,
  );
}

const starts = { bare: [] as number[], emulator: [] as number[] };
for (let run = 0; run < 11; run++) {
  const floor = await startBare();
  starts.bare.push(floor.firstAnswerMs);
  await stopChild(floor);
  const emulator = await startEmulator([]);
  starts.emulator.push(emulator.firstAnswerMs);
  await stopChild(emulator);
}

const usersFile = hundredThousandUsersSeed(dir);
const empty = await startEmulator([]);
const emptyRss = rssMb(empty.child.pid);
await stopChild(empty);
const seeded = await startEmulator(["--seed", usersFile]);
const seededRss = rssMb(seeded.child.pid);
await stopChild(seeded);

console.log(
  `Node ${process.version}, wrk -t1 -c${connections} -d${seconds}s, ${rounds} alternating rounds${withDataDir ? ", emulator with --data-dir" : ""}; load average at the end ${loadAverage()}\n`,
);
console.log("| figure | bare node:http | emulator | emulator ÷ bare |");
console.log("| --- | ---: | ---: | ---: |");
console.log(`| track req/s, median (range) | ${spread(bare)} | ${spread(emulated)} | ${spread(ratios, 2)} |`);
console.log(
  // Each round's emulator against the floor measured just before it: the machine's drift between
  // rounds cancels out, as it does not in the ratio of the two medians.
  `| main-thread CPU per answered track, median (range) µs | ${spread(cpu.bare)} | ${spread(cpu.emulator)} | ${spread(
    cpu.emulator.map((emulatorUs, round) => emulatorUs / (cpu.bare[round] as number)),
    2,
  )} |`,
);
console.log(
  `| CPU per answered track, all threads, median (range) µs | ${spread(processCpu.bare)} | ${spread(processCpu.emulator)} | ${spread(
    processCpu.emulator.map((emulatorUs, round) => emulatorUs / (processCpu.bare[round] as number)),
    2,
  )} |`,
);
console.log(
  `| spawn → first answer, median (range) ms | ${spread(starts.bare)} | ${spread(starts.emulator)} | ${(median(starts.emulator) / median(starts.bare)).toFixed(2)} |`,
);
console.log(`| RSS per 100,000 seeded users, MB | | ${(seededRss - emptyRss).toFixed(0)} | |`);
