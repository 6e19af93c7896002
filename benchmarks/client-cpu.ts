// Client CPU per Track Action call on loopback: raw fetch vs @authsignal-ts/server vs the official
// @authsignal/node, measured in one run against the same answering server in another process.
// Rounds are interleaved so drift in machine load hits every contender alike; the median of the
// rounds is reported. Usage: node client-cpu.ts [callsPerRound=2000] [rounds=7]
import { Authsignal } from "@authsignal/node";
import { createServerClient } from "@authsignal-ts/server";
import { interleavedMedians, startAnsweringServer } from "./cpu-measure.ts";

const callsPerRound = Number(process.argv[2] ?? 2000);
const rounds = Number(process.argv[3] ?? 7);
const secret = "sk_benchmark_secret";
const attributes = {
  email: "jane@example.com",
  ipAddress: "203.0.113.7",
  userAgent: "Mozilla/5.0",
  deviceId: "dev_42",
};

const { baseUrl, stop } = await startAnsweringServer();

const authorization = `Basic ${btoa(`${secret}:`)}`;
const ours = createServerClient({ apiSecretKey: secret, baseUrl });
const official = new Authsignal({ apiSecretKey: secret, apiUrl: baseUrl, retries: 0 });

const contenders: Record<string, () => Promise<unknown>> = {
  "raw fetch": async () => {
    const response = await fetch(`${baseUrl}/users/usr_123/actions/signIn`, {
      method: "POST",
      headers: { authorization, "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(attributes),
    });
    return response.json();
  },
  "@authsignal-ts/server": () => ours.track({ userId: "usr_123", action: "signIn", attributes }),
  "@authsignal/node": () => official.track({ userId: "usr_123", action: "signIn", attributes }),
};

const perCall = await interleavedMedians(contenders, { rounds, callsPerRound, warmUpCalls: 500 });
// Our own work per call, without the network: the same track() against an in-memory fetch,
// minus the same stub called directly.
const payload = await contenders["raw fetch"]?.().then((body) => JSON.stringify(body));
const stub: typeof fetch = async () => new Response(payload, { headers: { "content-type": "application/json" } });
const stubbed = createServerClient({ apiSecretKey: secret, baseUrl, fetch: stub });
const inMemory = {
  ours: () => stubbed.track({ userId: "usr_123", action: "signIn", attributes }),
  raw: async () =>
    (
      await stub(`${baseUrl}/users/usr_123/actions/signIn`, { method: "POST", body: JSON.stringify(attributes) })
    ).json(),
};
const overhead = await interleavedMedians(inMemory, { rounds, callsPerRound: 20_000, warmUpCalls: 5000 });
const raw = perCall["raw fetch"] ?? Number.NaN;
const mine = perCall["@authsignal-ts/server"] ?? Number.NaN;
const theirs = perCall["@authsignal/node"] ?? Number.NaN;

console.log(
  `client CPU per track() call, median of ${rounds} rounds × ${callsPerRound} calls (Node ${process.version})`,
);
for (const [name, micros] of Object.entries(perCall))
  console.log(`  ${name.padEnd(24)} ${micros.toFixed(1).padStart(7)} µs`);
console.log(`  ours / raw fetch          ${(mine / raw).toFixed(3)}  (target ≤ 1.15)`);
console.log(`  ours / @authsignal/node   ${(mine / theirs).toFixed(3)}  (target ≤ 0.80)`);
console.log(`  raw fetch / @authsignal/node ${(raw / theirs).toFixed(3)}  (the floor for any fetch-based client)`);
console.log(
  `  our own work per call, in-memory fetch: ${((overhead.ours ?? Number.NaN) - (overhead.raw ?? Number.NaN)).toFixed(1)} µs`,
);
stop();
