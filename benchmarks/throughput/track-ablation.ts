// What each part of a track costs the emulator, found by taking it out: copies of the built CLI, each
// with one function's body replaced by a constant answer, under the same wrk load as
// track-throughput.ts, all of them and the build as it is in every round. A part's cost is the main-
// thread CPU per answered track it saves, against the build as it is in the same round (the median
// of the rounds' differences: paired, steadier than either figure on a shared machine). The copies
// answer wrongly on purpose; they are measured, never used.
//   apt-get install wrk
//   pnpm --filter @authsignal-ts/emulator... build && pnpm --filter @authsignal-ts/benchmarks bench:throughput-ablation [seconds] [rounds]
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadAverage, median, spread, startChild, stopChild } from "../children.ts";
import { twentyRulesSeed } from "../seeds.ts";
import { fixedTrackAnswer } from "./fixed-track-answer.ts";
import { measuredTracks } from "./wrk.ts";

const seconds = Number(process.argv[2] ?? 6);
const rounds = Number(process.argv[3] ?? 5);
const root = join(import.meta.dirname, "..", "..");
const built = join(root, "packages", "emulator", "dist");
if (!existsSync(join(built, "cli.js"))) throw new Error(`${built}/cli.js is missing: build the emulator first`);
// Inside the emulator's node_modules, so the copies resolve its dependencies as the build does.
const copies = join(root, "packages", "emulator", "node_modules", ".track-ablation");
const rulesFile = twentyRulesSeed(mkdtempSync(join(tmpdir(), "emulator-ablation-")));
const authorization = `Basic ${btoa("sk_emulator_server:")}`;
const load = { seconds, connections: 32, authorization };

// A token as long as the emulator's, so that the answer stays the same size without one made.
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const fixedToken = `${base64url({ alg: "HS256", typ: "JWT" })}.${base64url({
  sub: "usr_100000001",
  actionCode: "signIn",
  idempotencyKey: "4c09e71e-d9fd-46c6-9056-9b1b3dd14667",
  scope: "read:authenticators",
  iat: 1796626054,
  exp: 1796626654,
  jti: "wR1-dfS_b1tFv6vSyWMWfQ",
})}.${"s".repeat(43)}`;

interface Ablation {
  name: string;
  /** The head of the function whose body is cut short, exactly as the bundle has it. */
  head: string;
  /** What it returns at once instead. */
  returns: string;
}

const ablations: Ablation[] = [
  {
    name: "the token (claims, base64url, HMAC)",
    head: "function signActionToken(ring,claims,nowMs,lifetimeMinutes){",
    returns: JSON.stringify(fixedToken),
  },
  {
    name: "the 20 rules",
    head: "function evaluateRules(context,actionCode,data){",
    returns: "{matched:[],errors:[],features:data}",
  },
  { name: "storing the user and action", head: "recordTrack(action,attributes,at,made){", returns: "action" },
  {
    // Not taken out but kept elsewhere: the same user and action held in two Maps, as a state made
    // of Maps would hold them, rather than in the prototype-free records of the state.
    name: "storing them in Maps instead (a what-if)",
    head: "recordTrack(action,attributes,at,made){",
    returns:
      "((maps)=>(maps.users.set(action.userId,made?.copy),maps.actions.set([action.userId,action.actionCode,action.idempotencyKey].join(String.fromCharCode(0)),action),action))(globalThis.ablationMaps??={users:new Map(),actions:new Map()})",
  },
  { name: "the request journal", head: "record(call,answered,startedAt,timeMs,note){", returns: "undefined" },
  {
    name: "the whole handler (the bare server's answer from the edge)",
    head: "const track=(request,context)=>{",
    returns: `{status:200,body:${fixedTrackAnswer}}`,
  },
];

/** A copy of the build with `ablation` applied; it throws when the bundle no longer has the head. */
function copyWith(ablation: Ablation | undefined, index: number): string {
  const dir = join(copies, String(index));
  cpSync(built, dir, { recursive: true });
  if (!ablation) return dir;
  const files = readdirSync(dir).filter((file) => file.endsWith(".js"));
  const holding = files.filter((file) => readFileSync(join(dir, file), "utf8").split(ablation.head).length === 2);
  if (holding.length !== 1) {
    throw new Error(
      `the bundle has ${ablation.head} in ${holding.length} files, not one: update this script's ablations`,
    );
  }
  const file = join(dir, holding[0] as string);
  writeFileSync(file, readFileSync(file, "utf8").replace(ablation.head, `${ablation.head}return ${ablation.returns};`));
  return dir;
}

rmSync(copies, { recursive: true, force: true });
mkdirSync(copies, { recursive: true });
const variants = [undefined, ...ablations].map((ablation, index) => ({
  name: ablation?.name ?? "as built",
  cli: join(copyWith(ablation, index), "cli.js"),
  cpuUs: [] as number[],
  requestsPerSecond: [] as number[],
}));

try {
  for (let round = 0; round < rounds; round++) {
    for (const variant of variants) {
      const started = await startChild(
        [variant.cli, "--port", "0", "--seed", rulesFile],
        /listening on (http:\/\/\S+)/,
        "/v1",
        { path: "/users/usr_probe", headers: { authorization } },
      );
      const result = measuredTracks(started, load);
      await stopChild(started);
      if (variant.name === "as built" && result.failed > 0) throw new Error(`${result.failed} tracks failed`);
      variant.cpuUs.push(result.cpuUs);
      variant.requestsPerSecond.push(result.requestsPerSecond);
    }
    console.error(`round ${round + 1}: ${variants.map((variant) => variant.cpuUs.at(-1)?.toFixed(0)).join(", ")} µs`);
  }
} finally {
  rmSync(copies, { recursive: true, force: true });
}

const asBuilt = variants[0] as (typeof variants)[number];
console.log(
  `Node ${process.version}, wrk -t1 -c${load.connections} -d${seconds}s, ${rounds} rounds of every variant; load average at the end ${loadAverage()}\n`,
);
console.log(
  "| taken out | main-thread CPU per track, median (range) µs | saves, median of the rounds' differences | req/s, median |",
);
console.log("| --- | ---: | ---: | ---: |");
for (const variant of variants) {
  const saved = variant.cpuUs.map((cpuUs, round) => (asBuilt.cpuUs[round] as number) - cpuUs);
  console.log(
    `| ${variant === asBuilt ? "nothing (as built)" : variant.name} | ${spread(variant.cpuUs)} | ${variant === asBuilt ? "" : `${median(saved).toFixed(0)} µs`} | ${median(variant.requestsPerSecond).toFixed(0)} |`,
  );
}
