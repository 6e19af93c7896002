// A fault server in its own process, as a real server would be, so that under load its event
// loop does not compete with the client's. Each attempt gets a random fault from a seeded
// sequence. Prints its port as JSON on the first line of stdout; stops when stdin closes.
import { reply, startFaultServer } from "./fault-server.ts";

export const faults = ["ok", "ok", "ok", "503", "429", "500", "reset", "hang", "truncated", "html"] as const;

// mulberry32: a small seeded generator, so a failing run reproduces.
let state = Number(process.argv[2] ?? 20261123);
function random() {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

if (import.meta.main) {
  const server = await startFaultServer((request, response) => {
    const fault = faults[Math.floor(random() * faults.length)] ?? "ok";
    if (fault === "ok") reply.json(response, 200, { callId: request.headers["x-call-id"] });
    else if (fault === "503" || fault === "500") reply.error(response, Number(fault));
    else if (fault === "429") reply.error(response, 429, { "retry-after-ms": "5" });
    else if (fault === "reset") reply.reset(response);
    else if (fault === "hang") reply.hang(response);
    else if (fault === "truncated") reply.truncated(response);
    else reply.html(response, 502);
  });
  console.log(JSON.stringify({ url: server.url }));
  process.stdin.resume();
  process.stdin.on("end", () => void server.close().then(() => process.exit(0)));
}
