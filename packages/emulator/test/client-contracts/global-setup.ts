// The global setup of the client packages' `contract-emulator` projects (vitest.config.base.ts
// names it): their contract suites, run against this package's emulator through its Prism harness,
// each from the contract seed of its package. It lives here because the emulator depends on the
// client packages: they cannot depend on it, and the test tooling it hands the run to
// (`@authsignal-ts/scripts/testing/contract-emulator`) cannot either, since this package's tests
// depend on that.
import { join } from "node:path";
import { contractSecret, setUpEmulatorContractRun } from "@authsignal-ts/scripts/testing/contract-emulator";
import type { TestProject } from "vitest/node";
import { type EmulatedApi, emulatedApis, startEmulatorBehindPrism } from "../../src/prism.ts";

/**
 * Each package's contract seed: the state its suite's examples describe. The two APIs' examples
 * describe different tenants (the Server suite's passkey relying party is example.com, the
 * Management examples' acme.com), so one seed cannot serve both.
 */
const contractSeeds: Record<string, string> = {
  server: "contract.json",
  management: "contract-management.json",
};

export default (project: TestProject) =>
  setUpEmulatorContractRun(project, emulatedApis, async (packageName, apis) => {
    const seed = contractSeeds[packageName];
    if (!seed) throw new Error(`packages/emulator/seeds has no contract seed for packages/${packageName}`);
    const emulator = await startEmulatorBehindPrism({
      seed: join(import.meta.dirname, "../../seeds", seed),
      serverSecret: contractSecret,
      managementSecret: contractSecret,
      apis: apis as EmulatedApi[],
    });
    return {
      url: emulator.url,
      proxyUrls: Object.fromEntries(apis.map((api) => [api, emulator[`${api as EmulatedApi}ApiUrl`]])),
      takeFindings: emulator.takeFindings,
      stop: emulator.stop,
    };
  });
