// vitest globalSetup for the contract suites against the emulator: the emulator from the package's
// contract seed, and a `prism proxy --errors` per API in front of it, which checks every request and every
// answer against the bundled spec. The proxies' URLs are provided as `prismUrls`, so the test files
// are the mock mode's. Call Connect is not emulated: it keeps its Prism mock. The coverage gate is
// strict here: any violation Prism finds in an answer fails the run (see contract-coverage.ts).
import { basename, join } from "node:path";
import type { TestProject } from "vitest/node";
import { repoRoot } from "../spec/apis.ts";
import { type ContractEmulator, contractSeedPaths, startContractEmulator } from "./contract-emulator.ts";
import { beginContractRun } from "./contract-run.ts";
import { type PrismMock, startPrism, startPrismProxy } from "./prism.ts";

/** Where the emulator serves each API it emulates. */
const emulatedBasePaths: Record<string, string> = { server: "/v1", management: "/v1/management" };

export default async function setup(project: TestProject) {
  const run = await beginContractRun(project, Object.keys(emulatedBasePaths));
  let emulator: ContractEmulator | undefined;
  const prisms: Record<string, PrismMock> = {};
  const stopAll = async () => {
    await Promise.all(Object.values(prisms).map((prism) => prism.stop()));
    await emulator?.stop();
  };
  try {
    const seedPath = contractSeedPaths[basename(project.config.root)];
    if (!seedPath) throw new Error(`No contract seed for the package in ${project.config.root}`);
    emulator = await startContractEmulator(seedPath);
    const upstream = emulator.url;
    await Promise.all(
      run.apis.map(async (api) => {
        const specPath = join(repoRoot, api.specPath);
        const basePath = emulatedBasePaths[api.name];
        prisms[api.name] = basePath
          ? await startPrismProxy(specPath, `${upstream}${basePath}`)
          : await startPrism(specPath);
      }),
    );
  } catch (error) {
    await stopAll();
    throw error;
  }
  project.provide(
    "prismUrls",
    Object.fromEntries(Object.entries(prisms).map(([name, prism]) => [name, prism.baseUrl])),
  );
  project.provide("emulatorUrl", emulator.url);

  return async () => {
    await stopAll();
    run.finish();
  };
}
