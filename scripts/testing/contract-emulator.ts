// The contract suites' emulator mode: the same test files, with `prism proxy --errors` in front of
// the stateful emulator where the mock mode has Prism mocks. The emulator package hosts the global
// setup (packages/emulator/test/client-contracts/global-setup.ts): it starts the emulator and the
// proxies through the emulator's own Prism harness, which this package cannot import (the
// emulator's tests depend on this package), and hands them to `setUpEmulatorContractRun`, which
// does the rest: a Prism mock of each API the emulator does not serve (Call Connect), what the
// tests inject, and the strict gate at the end.
import { basename, join } from "node:path";
import type { TestProject } from "vitest/node";
import { repoRoot } from "../spec/apis.ts";
import { beginContractRun } from "./contract-run.ts";
import { type PrismMock, startPrism } from "./prism.ts";

/** The key every contract client sends (see contractClientOptions), accepted by both of the emulator's APIs. */
export const contractSecret = "sk_test_contract";

/** One thing Prism found in an exchange, as the emulator's harness reports it. */
export interface HarnessFinding {
  kind: string;
  api: string;
  method: string;
  path: string;
  status: number;
  violations: { location: string[]; message: string }[];
  prismAnswer?: string;
}

/** The emulator with a Prism proxy in front of each API it serves. */
export interface ContractEmulator {
  /** `http://127.0.0.1:PORT`: the test-only API resets it before each file. */
  url: string;
  /** The proxy of each API, by the API's name in openapi/redocly.yaml. */
  proxyUrls: Record<string, string>;
  takeFindings(): HarnessFinding[];
  stop(): Promise<void>;
}

/**
 * The strict gate: anything Prism found fails the run, but its refusal of a request that breaks
 * the spec, which the tests make on purpose and assert with `refusalStatus`.
 */
export function harnessProblems(findings: readonly HarnessFinding[]): string[] {
  return findings
    .filter((finding) => finding.kind !== "refused")
    .map((finding) => {
      const what = [
        ...finding.violations.map((violation) => `${violation.location.join(".")}: ${violation.message}`),
        ...(finding.prismAnswer && finding.violations.length === 0
          ? [`Prism answered itself: ${finding.prismAnswer}`]
          : []),
      ];
      return `${finding.api}: ${finding.method} ${finding.path} (${finding.status}): ${finding.kind}: ${what.join("; ")}`;
    });
}

/**
 * The global setup of a client package's `contract-emulator` project: `start` starts the emulator
 * behind Prism for the package (folder name) and those of its APIs the emulator serves.
 */
export async function setUpEmulatorContractRun(
  project: TestProject,
  emulatedApis: readonly string[],
  start: (packageName: string, apis: string[]) => Promise<ContractEmulator>,
): Promise<() => Promise<void>> {
  const run = await beginContractRun(project, emulatedApis);
  const served = run.apis.filter((api) => emulatedApis.includes(api.name));
  let emulator: ContractEmulator | undefined;
  const mocks: Record<string, PrismMock> = {};
  const stopAll = async () => {
    await Promise.all(Object.values(mocks).map((mock) => mock.stop()));
    await emulator?.stop();
  };
  const starts = await Promise.allSettled([
    start(
      basename(project.config.root),
      served.map((api) => api.name),
    ).then((started) => {
      emulator = started;
    }),
    ...run.apis
      .filter((api) => !served.includes(api))
      .map(async (api) => {
        mocks[api.name] = await startPrism(join(repoRoot, api.specPath));
      }),
  ]);
  const failed = starts.find((result) => result.status === "rejected");
  if (failed || !emulator) {
    await stopAll();
    throw failed?.reason;
  }
  const started: ContractEmulator = emulator;
  project.provide("prismUrls", {
    ...Object.fromEntries(Object.entries(mocks).map(([name, mock]) => [name, mock.baseUrl])),
    ...started.proxyUrls,
  });
  project.provide("emulatorUrl", started.url);

  return async () => {
    const problems = harnessProblems(started.takeFindings());
    await stopAll();
    run.finish(problems);
  };
}
