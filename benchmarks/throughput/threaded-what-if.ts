// Whether an emulator with its HTTP work on worker threads could reach half the floor's throughput on
// this machine (what led to the emulator's node:http thread): what-if servers (threaded-server.ts)
// doing the floor's work plus CPU burnt to stand in for the emulator's costs per track, beside the
// floor and the emulator itself, under the same wrk load, every round. The one-thread what-if with
// the emulator's measured costs should land near the emulator; if it does, the threaded rows say
// what threads would buy.
//   apt-get install wrk
//   pnpm --filter @authsignal-ts/emulator... build && pnpm --filter @authsignal-ts/benchmarks bench:throughput-threaded [seconds] [rounds] [edge µs] [handler µs]
// The costs default to the ablation's (BENCHMARKS.md): the edge's checks ~24 µs above the floor, the handler ~60 µs.
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadAverage, spread, startChild, stopChild } from "../children.ts";
import { twentyRulesSeed } from "../seeds.ts";
import { measuredTracks } from "./wrk.ts";

const [seconds = 6, rounds = 3, edgeUs = 24, handlerUs = 60] = process.argv.slice(2).map(Number);
const cli = join(import.meta.dirname, "..", "..", "packages", "emulator", "dist", "cli.js");
if (!existsSync(cli)) throw new Error(`${cli} is missing: build the emulator first`);
const rulesFile = twentyRulesSeed(mkdtempSync(join(tmpdir(), "emulator-threaded-")));
const authorization = `Basic ${btoa("sk_emulator_server:")}`;
const load = { seconds, connections: 32, authorization };
const probe = { path: "/users/usr_probe", headers: { authorization } };
const listening = /listening on (http:\/\/\S+)/;
const here = (file: string) => join(import.meta.dirname, file);

const whatIf = (workers: number, edge: number, handler: number) => () =>
  startChild([here("threaded-server.ts"), String(workers), String(edge), String(handler)], listening, "", probe);

const servers = [
  { name: "the floor (bare node:http)", start: () => startChild([here("bare-track-server.ts")], listening, "", probe) },
  {
    name: "the emulator (built CLI, 20 rules)",
    start: () => startChild([cli, "--port", "0", "--seed", rulesFile], listening, "/v1", probe),
  },
  {
    name: `one thread, floor + ${edgeUs} + ${handlerUs} µs (a model of the emulator)`,
    start: whatIf(0, edgeUs, handlerUs),
  },
  { name: "2 HTTP worker threads, a round trip to the main thread, no costs", start: whatIf(2, 0, 0) },
  { name: `2 HTTP worker threads + ${edgeUs} µs, main thread ${handlerUs} µs`, start: whatIf(2, edgeUs, handlerUs) },
  {
    name: `2 HTTP worker threads + ${edgeUs} µs, main thread ${handlerUs / 2} µs (handler halved)`,
    start: whatIf(2, edgeUs, handlerUs / 2),
  },
].map((server) => ({ ...server, rates: [] as number[], ratios: [] as number[] }));

for (let round = 0; round < rounds; round++) {
  for (const server of servers) {
    const started = await server.start();
    const result = measuredTracks(started, load);
    await stopChild(started);
    if (result.failed > 0) throw new Error(`${server.name}: ${result.failed} requests failed`);
    server.rates.push(result.requestsPerSecond);
    server.ratios.push(result.requestsPerSecond / (servers[0]?.rates.at(-1) as number));
  }
  console.error(`round ${round + 1}: ${servers.map((server) => server.rates.at(-1)?.toFixed(0)).join(", ")} req/s`);
}

console.log(
  `Node ${process.version}, wrk -t1 -c${load.connections} -d${seconds}s, ${rounds} rounds of every server; load average at the end ${loadAverage()}\n`,
);
console.log("| server | req/s, median (range) | ÷ the floor of its round, median (range) |");
console.log("| --- | ---: | ---: |");
for (const server of servers) {
  console.log(`| ${server.name} | ${spread(server.rates)} | ${spread(server.ratios, 2)} |`);
}
