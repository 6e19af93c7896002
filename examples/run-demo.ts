// `pnpm demo`: runs quickstart.ts against a local Authsignal emulator (@authsignal-ts/emulator),
// started on a free loopback port and stopped afterwards: no keys, no network. With both real
// secret keys set, it targets the real API instead. It runs the workspace's sources
// (node --conditions=@authsignal-ts/source), so it needs no build.
import { spawn } from "node:child_process";
import { type RunningEmulator, startEmulator } from "@authsignal-ts/emulator";

const realKeys = Boolean(process.env.AUTHSIGNAL_SERVER_SECRET && process.env.AUTHSIGNAL_MANAGEMENT_SECRET);
const env = { ...process.env };
let emulator: RunningEmulator | undefined;

if (realKeys) {
  console.log(`Using the real Authsignal API (region ${process.env.AUTHSIGNAL_REGION ?? "us"}).`);
} else {
  const started = performance.now();
  emulator = await startEmulator({
    port: 0,
    // The risk signal Authsignal would derive from this address: the demo's "anonymous" IP (a VPN, say).
    seed: { riskSignals: { ipAddresses: { "198.51.100.23": { isAnonymous: true } } } },
  });
  console.log(
    `No secret keys set: using a local Authsignal emulator (started in ${Math.round(performance.now() - started)} ms).\n` +
      `It keeps state like the real service: the rule created below is the rule track evaluates.\n` +
      `Server API:     ${emulator.serverApiUrl}\nManagement API: ${emulator.managementApiUrl}`,
  );
  Object.assign(env, {
    AUTHSIGNAL_SERVER_URL: emulator.serverApiUrl,
    AUTHSIGNAL_SERVER_SECRET: emulator.emulator.serverSecret,
    AUTHSIGNAL_MANAGEMENT_URL: emulator.managementApiUrl,
    AUTHSIGNAL_MANAGEMENT_SECRET: emulator.emulator.managementSecret,
    AUTHSIGNAL_EMULATOR_URL: emulator.url,
  });
}

try {
  const exitCode = await new Promise<number | null>((resolve) => {
    // The same flags, so the quick start also runs the workspace's sources (the source condition).
    const child = spawn(process.execPath, [...process.execArgv, new URL("./quickstart.ts", import.meta.url).pathname], {
      env,
      stdio: "inherit",
    });
    child.once("exit", resolve);
  });
  process.exitCode = exitCode ?? 1;
} finally {
  await emulator?.stop();
}
