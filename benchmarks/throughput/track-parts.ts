// Parts of a track timed alone, in one warm process (no server, no load generator): what each costs
// when nothing else competes for the caches, beside what track-ablation.ts finds each saves under
// load. Each figure is the fastest of 5 runs of its loop, in ns per call; inserting new keys, which
// only the first run would do, is timed once.
//   pnpm --filter @authsignal-ts/benchmarks bench:throughput-parts
import { createHmac } from "node:crypto";
import { compileLogic } from "../../packages/emulator/src/domain/compiled-logic.ts";
import { hmacSha256 } from "../../packages/emulator/src/domain/tokens.ts";

function fastest(calls: number, run: (index: number) => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  let sink = 0;
  for (let round = 0; round < 5; round++) {
    const startedAt = process.hrtime.bigint();
    for (let index = 0; index < calls; index++) if (run(index)) sink++;
    best = Math.min(best, Number(process.hrtime.bigint() - startedAt) / calls);
  }
  if (sink < 0) console.log(sink);
  return best;
}

// The benchmark's 20 rules (seeds.ts twentyRulesSeed), over values shaped as the rules read them.
const nothing = Object.freeze(Object.create(null));
const on = (fields: object) => Object.assign(Object.create(nothing), fields);
const rules = Array.from({ length: 20 }, (_, index) =>
  compileLogic({
    or: [{ "==": [{ var: "ip.isAnonymous" }, true] }, { ">": [{ var: "custom.amount" }, 1000 + index] }],
  }),
);
const values = on({ ip: on({ isAnonymous: false, address: "10.1.2.3" }), custom: on({ amount: 10 }) });
// The steps the rules spend, counted as the emulator's budget counts them, with no limit here.
const budget = { spent: 0 };
const spend = (steps: number) => {
  budget.spent += steps;
};

const secret = "kq3V0c8f2mXbW1yZ7oLr4tJ9eA6sHnU5gPdQiKvBxCw";
const signed = `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${"e".repeat(260)}`;
const token = `${signed}.${hmacSha256(secret, signed)}`;
const answer = {
  state: "ALLOW",
  idempotencyKey: "4c09e71e-d9fd-46c6-9056-9b1b3dd14667",
  url: `http://127.0.0.1:8787/_emulator/v1/ui?token=${token}&mode=enroll`,
  token,
  isEnrolled: false,
  allowedVerificationMethods: ["SMS", "EMAIL_OTP", "PASSKEY", "AUTHENTICATOR_APP", "WHATSAPP"],
  enrolledVerificationMethods: [],
  ruleIds: [],
};

/** ns per call of one run of `run` over `calls` indexes. */
function once(calls: number, run: (index: number) => void): number {
  const startedAt = process.hrtime.bigint();
  for (let index = 0; index < calls; index++) run(index);
  return Number(process.hrtime.bigint() - startedAt) / calls;
}

const keys = 200_000;
const ids = (prefix: string) => Array.from({ length: keys }, (_, index) => `${prefix}_${index * 7919}_${index}`);
const dictionaryIds = ids("usr");
const mapIds = ids("usr");
const dictionary: Record<string, object> = Object.create(null);
const map = new Map<string, object>();

const figures: [string, number][] = [
  [
    "the 20 rules, compiled, evaluated once each",
    fastest(200_000, () => rules.filter((rule) => rule?.(values, spend)).length),
  ],
  ["HMAC-SHA256 of a token's signed part: hmacSha256", fastest(200_000, () => hmacSha256(secret, signed))],
  [
    "HMAC-SHA256 of a token's signed part: createHmac",
    fastest(200_000, () => createHmac("sha256", secret).update(signed).digest("base64url")),
  ],
  ["JSON.stringify of a track's answer (its token twice)", fastest(100_000, () => JSON.stringify(answer))],
  [
    `a new key in a prototype-free record, ${keys} of them`,
    once(keys, (index) => {
      dictionary[dictionaryIds[index] as string] = { index };
    }),
  ],
  [
    `a new key in a Map, ${keys} of them`,
    once(keys, (index) => {
      map.set(mapIds[index] as string, { index });
    }),
  ],
];

console.log(`Node ${process.version}, fastest of 5 runs of each loop (the inserts: one run)\n`);
console.log("| part | ns per call |");
console.log("| --- | ---: |");
for (const [part, ns] of figures) console.log(`| ${part} | ${ns.toFixed(0)} |`);
