// What the CPU benchmarks share: the answering server in its own process, and interleaved
// rounds of sequential calls timed by the client process's own CPU use.
import { fork } from "node:child_process";

/** Starts answering-server.ts in another process, so its work is not counted; resolves to its URL and a stop. */
export async function startAnsweringServer(): Promise<{ baseUrl: string; stop: () => void }> {
  const child = fork(new URL("./answering-server.ts", import.meta.url), { stdio: "inherit" });
  const port = await new Promise<number>((resolve) =>
    child.once("message", (message: { port: number }) => resolve(message.port)),
  );
  return { baseUrl: `http://127.0.0.1:${port}`, stop: () => child.disconnect() };
}

/** User plus system CPU per call, in µs, over `calls` sequential calls. */
export async function cpuPerCall(call: () => Promise<unknown>, calls: number): Promise<number> {
  const before = process.cpuUsage();
  for (let index = 0; index < calls; index++) await call();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / calls;
}

export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/**
 * The median CPU per call of each contender, after a warm-up. Rounds are interleaved so drift in
 * machine load hits every contender alike.
 */
export async function interleavedMedians(
  contenders: Record<string, () => Promise<unknown>>,
  { rounds, callsPerRound, warmUpCalls }: { rounds: number; callsPerRound: number; warmUpCalls: number },
): Promise<Record<string, number>> {
  for (const call of Object.values(contenders)) await cpuPerCall(call, warmUpCalls); // JIT and sockets
  const samples = new Map<string, number[]>(Object.keys(contenders).map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, call] of Object.entries(contenders))
      samples.get(name)?.push(await cpuPerCall(call, callsPerRound));
  }
  return Object.fromEntries([...samples].map(([name, values]) => [name, median(values)]));
}
