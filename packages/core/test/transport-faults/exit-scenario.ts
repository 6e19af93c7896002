// Run as a child process by exit.test.ts: a mix of faulty calls, then nothing. The process must
// exit by itself right away; a leaked timer (such as a 10 s attempt timeout never cleared) or
// socket would keep it alive. It never calls process.exit.
import { faultClient } from "../support/fault-client.ts";
import { reply, startFaultServer } from "../support/fault-server.ts";

const server = await startFaultServer((request, response) => {
  const fault = request.path.split("/").at(-1);
  if (fault === "hang" || fault === "verify") reply.hang(response);
  else if (fault === "hangBody") reply.hangBody(response);
  else if (fault === "reset") reply.reset(response);
  else if (fault === "busy") reply.error(response, 503, { "retry-after-ms": "5" });
  else if (fault === "limited") reply.error(response, 429, { "retry-after": "1" });
  else reply.json(response, 200, { userId: fault });
});
// The default 10 s timeout stays on for the calls that answer, so an uncleared timer would show.
const client = faultClient(server.url);
const abortable = new AbortController();
const calls = [
  ...["ok", "busy", "reset", "ok"].map((fault) => client.getUser({ userId: fault })),
  ...["hang", "hangBody"].map((fault) => client.getUser({ userId: fault }, { timeoutMs: 100 })),
  client.getUser({ userId: "hang" }, { signal: abortable.signal }),
  client.getUser({ userId: "limited" }, { signal: AbortSignal.timeout(50) }),
  client.verify({ challengeId: "c", verificationCode: "1" }, { timeoutMs: 100 }),
];
setTimeout(() => abortable.abort(), 50);
const results = await Promise.allSettled(calls);
await server.close();
const outcome = results.map((result) => (result.status === "fulfilled" ? "ok" : (result.reason as Error).name));
console.log(JSON.stringify({ outcome, resources: process.getActiveResourcesInfo() }));
