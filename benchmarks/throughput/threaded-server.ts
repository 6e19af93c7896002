// A what-if server for threaded-what-if.ts: the floor (bare-track-server.ts's work) plus CPU burnt to
// stand in for the emulator's own costs per track, either on one thread as the emulator runs today,
// or with the HTTP work on worker threads sharing the port (reusePort) and each request's body sent
// to the main thread and back, as an emulator whose state has one owning thread would have to.
//   node threaded-server.ts <workers, 0 for one thread> <edge µs> <handler µs>
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { fixedTrackAnswer } from "./fixed-track-answer.ts";

interface Costs {
  workers: number;
  rate: number;
  edgeUs: number;
  handlerUs: number;
  port: number;
}

const headers = { "content-type": "application/json", "content-length": String(Buffer.byteLength(fixedTrackAnswer)) };

/**
 * Steps of a fixed loop per microsecond, timed once while the process is idle: the stand-in costs are
 * spent as a number of steps, so a thread that is preempted does not count the wait as work (a wall
 * clock would), and a thread's own CPU clock ticks too coarsely to spend tens of microseconds by.
 */
function stepsPerUs(): number {
  let steps = 0;
  let sink = 0;
  const startedAt = performance.now();
  while (performance.now() - startedAt < 100) {
    for (let step = 0; step < 10_000; step++) sink = (sink * 31 + step) | 0;
    steps += 10_000;
  }
  if (sink === 42) console.log("");
  return steps / ((performance.now() - startedAt) * 1000);
}

/** Spends about `us` microseconds of CPU, at `rate` steps per microsecond. */
function burn(us: number, rate: number): number {
  let sink = 0;
  for (let step = 0, steps = Math.round(us * rate); step < steps; step++) sink = (sink * 31 + step) | 0;
  return sink;
}

function bodyOf(request: import("node:http").IncomingMessage, then: (body: unknown) => void): void {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => then(chunks.length === 0 ? undefined : JSON.parse(Buffer.concat(chunks).toString("utf8"))));
}

const answer = (response: ServerResponse) => response.writeHead(200, headers).end(fixedTrackAnswer);

/** Serves on `port` (0: any), calling `ready` with the port taken. */
function serve(costs: Costs, handle: (body: unknown, response: ServerResponse) => void, ready: (port: number) => void) {
  const server = createServer((request, response) => bodyOf(request, (body) => handle(body, response)));
  server.listen({ port: costs.port, host: "127.0.0.1", reusePort: costs.workers > 0 }, () =>
    ready((server.address() as AddressInfo).port),
  );
}

const announce = (port: number) => console.log(`what-if server listening on http://127.0.0.1:${port}`);

if (!isMainThread) {
  const costs = workerData as Costs;
  const waiting = new Map<number, ServerResponse>();
  let next = 0;
  parentPort?.on("message", (id: number) => {
    const response = waiting.get(id) as ServerResponse;
    waiting.delete(id);
    answer(response);
  });
  serve(
    costs,
    (body, response) => {
      burn(costs.edgeUs, costs.rate);
      waiting.set(next, response);
      parentPort?.postMessage([next++, body]);
    },
    () => parentPort?.postMessage("listening"),
  );
} else {
  const [workers, edgeUs, handlerUs] = process.argv.slice(2).map(Number) as [number, number, number];
  const rate = stepsPerUs();
  if (workers === 0) {
    serve(
      { workers, rate, edgeUs, handlerUs, port: 0 },
      (_body, response) => {
        burn(edgeUs + handlerUs, rate);
        answer(response);
      },
      announce,
    );
  } else {
    // The first worker's port is every other worker's: they all listen on it.
    const start = (port: number) =>
      new Promise<number>((resolve) => {
        const worker = new Worker(new URL(import.meta.url), { workerData: { workers, rate, edgeUs, handlerUs, port } });
        worker.once("message", () => resolve(port));
        worker.on("message", (message: unknown) => {
          if (!Array.isArray(message)) return;
          burn(handlerUs, rate);
          worker.postMessage(message[0]);
        });
      });
    const probe = createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => probe.once("listening", resolve));
    const port = (probe.address() as AddressInfo).port;
    probe.close();
    for (let index = 0; index < workers; index++) await start(port);
    announce(port);
  }
}
