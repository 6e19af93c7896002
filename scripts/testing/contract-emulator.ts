// The emulator as the contract suites' upstream: its CLI in a child process (the scripts package
// cannot depend on the emulator, whose tests depend on the scripts package), started from its
// sources with the package's contract seed, on a free loopback port. Readiness is the CLI's "listening" line.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "../spec/apis.ts";
import { stopChild } from "./prism.ts";

export interface ContractEmulator {
  /** `http://127.0.0.1:PORT`; the Server API is under `/v1`, the Management API under `/v1/management`. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Each package's contract seed, by the package's folder name: the state its suite's examples
 * describe. The two APIs' examples describe different tenants (the Server suite's passkey relying
 * party is example.com, the Management examples' acme.com), so one seed cannot serve both.
 */
export const contractSeedPaths: Record<string, string> = {
  server: join(repoRoot, "packages/emulator/seeds/contract.json"),
  management: join(repoRoot, "packages/emulator/seeds/contract-management.json"),
};
/** The key every contract client sends (see contractClientOptions), accepted by both of the emulator's APIs. */
export const contractSecret = "sk_test_contract";

const cliPath = join(repoRoot, "packages/emulator/src/cli.ts");
const readyPattern = /Authsignal emulator listening on (http:\/\/\S+)/;
const startTimeoutMs = 30_000;

export function startContractEmulator(seedPath: string): Promise<ContractEmulator> {
  const child = spawn(
    process.execPath,
    [
      "--conditions=@authsignal-ts/source",
      cliPath,
      "--port",
      "0",
      "--seed",
      seedPath,
      "--server-secret",
      contractSecret,
      "--management-secret",
      contractSecret,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const stop = () => {
    process.off("exit", killOnExit);
    return stopChild(child);
  };
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => fail(`did not start within ${startTimeoutMs} ms`), startTimeoutMs);
    const fail = (why: string) => {
      clearTimeout(timer);
      void stop();
      reject(new Error(`The contract emulator ${why}\n--- emulator output ---\n${output}`));
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = readyPattern.exec(output);
      if (!ready?.[1]) return;
      clearTimeout(timer);
      child.off("exit", onExit);
      // Keep draining so a full pipe never blocks the emulator.
      child.stdout?.off("data", onData).resume();
      child.stderr?.off("data", onData).resume();
      resolve({ url: ready[1], stop });
    };
    const onExit = (code: number | null) => fail(`exited with code ${code} before it was ready`);
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", onExit);
  });
}
