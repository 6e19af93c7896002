// What a per-attempt timeout costs raw fetch: the same loopback call with and without an
// AbortController signal (and its timer), which is what every attempt of our transport carries.
// It explains most of the gap between our client and raw fetch in client-cpu.ts, measured here
// with more calls and only two contenders, because that gap is smaller than client-cpu's noise.
// Usage: node timeout-signal-cost.ts [callsPerRound=3000] [rounds=9]
import { interleavedMedians, startAnsweringServer } from "./cpu-measure.ts";

const callsPerRound = Number(process.argv[2] ?? 3000);
const rounds = Number(process.argv[3] ?? 9);

const { baseUrl, stop } = await startAnsweringServer();
const url = `${baseUrl}/users/usr_123/actions/signIn`;
const init = { method: "POST", headers: { "content-type": "application/json" }, body: "{}" };

const contenders: Record<string, () => Promise<unknown>> = {
  fetch: async () => (await fetch(url, init)).json(),
  "fetch + timeout signal": async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 10_000);
    try {
      return await (await fetch(url, { ...init, signal: controller.signal })).json();
    } finally {
      clearTimeout(timer);
    }
  },
};

const perCall = await interleavedMedians(contenders, { rounds, callsPerRound, warmUpCalls: 1000 });
const plain = perCall.fetch ?? Number.NaN;
const signalled = perCall["fetch + timeout signal"] ?? Number.NaN;

console.log(
  `client CPU per loopback call, median of ${rounds} rounds × ${callsPerRound} calls (Node ${process.version})`,
);
console.log(`  fetch                    ${plain.toFixed(1).padStart(7)} µs`);
console.log(`  fetch + timeout signal   ${signalled.toFixed(1).padStart(7)} µs`);
console.log(
  `  the signal costs ${(signalled - plain).toFixed(1)} µs per call (${((signalled / plain - 1) * 100).toFixed(1)}%)`,
);
stop();
