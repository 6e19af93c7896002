// Where a track's time goes, thread by thread: the built CLI under --cpu-prof and the same wrk load
// as track-throughput.ts, then each thread's profile (the main thread, node:http's) read back as
// the functions with the most samples of their own, as shares of the thread's busy samples (its
// idle ones, waiting for work, left out and given apart).
//   apt-get install wrk
//   pnpm --filter @authsignal-ts/emulator... build && pnpm --filter @authsignal-ts/benchmarks bench:throughput-profile [seconds] [functions]
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startChild } from "../children.ts";
import { twentyRulesSeed } from "../seeds.ts";
import { trackLoad } from "./wrk.ts";

const [seconds = 8, shown = 15] = process.argv.slice(2).map(Number);
const cli = join(import.meta.dirname, "..", "..", "packages", "emulator", "dist", "cli.js");
if (!existsSync(cli)) throw new Error(`${cli} is missing: build the emulator first`);
const dir = mkdtempSync(join(tmpdir(), "emulator-profile-"));
const rulesFile = twentyRulesSeed(dir);
const authorization = `Basic ${btoa("sk_emulator_server:")}`;

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[];
  samples: number[];
  timeDeltas: number[];
}

const started = await startChild(
  ["--cpu-prof", `--cpu-prof-dir=${dir}`, cli, "--port", "0", "--seed", rulesFile],
  /listening on (http:\/\/\S+)/,
  "/v1",
  { path: "/users/usr_probe", headers: { authorization } },
);
const result = trackLoad(started.url, { seconds, connections: 32, authorization });
// SIGINT: the CLI stops as it does for a user, and V8 writes each thread's profile as it ends.
await new Promise((resolve) => {
  started.child.once("exit", resolve);
  started.child.kill("SIGINT");
});

console.log(
  `Node ${process.version}, wrk -t1 -c32 -d${seconds}s, ${result.requestsPerSecond.toFixed(0)} tracks/s under the profiler\n`,
);
// A bundle's file by its name in dist/; Node's own modules as node: names.
const place = (url: string) => (url === "" ? "" : ` (${url.replace(/^.*\/dist\//, "")})`);
for (const file of readdirSync(dir)
  .filter((name) => name.endsWith(".cpuprofile"))
  .sort()) {
  const profile = JSON.parse(readFileSync(join(dir, file), "utf8")) as Profile;
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const self = new Map<string, number>();
  let idle = 0;
  let busy = 0;
  profile.samples.forEach((id, index) => {
    const frame = frames.get(id);
    const time = profile.timeDeltas[index] ?? 0;
    if (frame?.functionName === "(idle)") {
      idle += time;
      return;
    }
    busy += time;
    const name = `${frame?.functionName || "(anonymous)"}${place(frame?.url ?? "")}`;
    self.set(name, (self.get(name) ?? 0) + time);
  });
  // CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile: thread 0 is the main one, the emulator's state's.
  const threadId = file.split(".").at(-3);
  const thread = threadId === "0" ? "the main thread" : `worker thread ${threadId} (node:http's)`;
  console.log(`${thread}: idle ${((100 * idle) / (idle + busy)).toFixed(0)} % of its samples; of the busy ones:\n`);
  console.log("| function (file) | share |");
  console.log("| --- | ---: |");
  for (const [name, time] of [...self].sort((a, b) => b[1] - a[1]).slice(0, shown)) {
    console.log(`| ${name.replaceAll("|", "\\|")} | ${((100 * time) / busy).toFixed(1)} % |`);
  }
  console.log("");
}
