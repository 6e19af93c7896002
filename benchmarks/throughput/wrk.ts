// wrk's load of tracks against a server (track.lua: each request a new user from a new IP address and
// device), and the CPU the server's main thread spent per answered request while it ran.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { mainThreadCpuMs, processCpuMs, type Started } from "../children.ts";

export interface TrackLoad {
  seconds: number;
  connections: number;
  /** The Authorization header every request carries. */
  authorization: string;
}

export interface WrkResult {
  requestsPerSecond: number;
  answered: number;
  failed: number;
}

/** One wrk run, one thread, against the server at `baseUrl` (its `/v1`, if any, dropped). */
export function trackLoad(baseUrl: string, load: TrackLoad): WrkResult {
  const output = execFileSync(
    "wrk",
    [
      "-t1",
      `-c${load.connections}`,
      `-d${load.seconds}s`,
      "-s",
      join(import.meta.dirname, "track.lua"),
      baseUrl.replace(/\/v1$/, ""),
      "--",
      load.authorization,
    ],
    { encoding: "utf8" },
  );
  const number = (pattern: RegExp) => Number(pattern.exec(output)?.[1] ?? 0);
  return {
    requestsPerSecond: number(/Requests\/sec:\s+([\d.]+)/),
    answered: number(/(\d+) requests in/),
    failed: number(/Non-2xx or 3xx responses: (\d+)/) + number(/Socket errors:.*?read (\d+)/),
  };
}

/** trackLoad against `started`, with the CPU its main thread, and all its threads, spent per answered request, in µs. */
export function measuredTracks(started: Started, load: TrackLoad): WrkResult & { cpuUs: number; processCpuUs: number } {
  const { pid } = started.child;
  const before = { main: mainThreadCpuMs(pid), all: processCpuMs(pid) };
  const result = trackLoad(started.url, load);
  const perAnswer = (ms: number) => (ms * 1000) / result.answered;
  return {
    ...result,
    cpuUs: perAnswer(mainThreadCpuMs(pid) - before.main),
    processCpuUs: perAnswer(processCpuMs(pid) - before.all),
  };
}
