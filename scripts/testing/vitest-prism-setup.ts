// vitest globalSetup for contract tests against Prism mocks: one mock per API the package
// generates, each from its bundled spec, stopped when the run ends whether tests pass or fail.
// At the end it checks that the suite called every operation of every API (see contract-run.ts).
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { repoRoot } from "../spec/apis.ts";
import { beginContractRun } from "./contract-run.ts";
import { type PrismMock, startPrism } from "./prism.ts";

export default async function setup(project: TestProject) {
  const run = await beginContractRun(project);
  const mocks: Record<string, PrismMock> = {};
  try {
    for (const api of run.apis) mocks[api.name] = await startPrism(join(repoRoot, api.specPath));
  } catch (error) {
    await Promise.all(Object.values(mocks).map((mock) => mock.stop()));
    throw error;
  }
  project.provide("prismUrls", Object.fromEntries(Object.entries(mocks).map(([name, mock]) => [name, mock.baseUrl])));

  return async () => {
    await Promise.all(Object.values(mocks).map((mock) => mock.stop()));
    run.finish();
  };
}
