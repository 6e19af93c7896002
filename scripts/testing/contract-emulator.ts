// The emulator as the contract suites' upstream: its CLI in a child process (the scripts package
// cannot depend on the emulator, whose tests depend on the scripts package), started from its
// sources with the package's contract seed, on a free loopback port. Readiness is the CLI's "listening" line.
import { join } from "node:path";
import { repoRoot } from "../spec/apis.ts";
import { startReadyChild } from "./child-process.ts";

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

export async function startContractEmulator(seedPath: string): Promise<ContractEmulator> {
  const { ready, stop } = await startReadyChild({
    name: "The contract emulator",
    args: [
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
    readyPattern,
    timeoutMs: startTimeoutMs,
  });
  return { url: ready, stop };
}
