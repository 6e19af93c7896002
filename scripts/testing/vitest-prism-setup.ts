// vitest globalSetup for contract tests: one Prism mock per API the package generates (the server
// package has the Server API and Call Connect), each from its bundled spec, stopped when the run
// ends whether tests pass or fail. At the end it checks that the suite called every operation of
// every API (see contract-coverage.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { TestProject } from "vitest/node";
import { loadApis, repoRoot } from "../spec/apis.ts";
import type { OpenApiDocument } from "../spec/openapi-document.ts";
import type { RecordedCall } from "./contract.ts";
import { coverageProblems } from "./contract-coverage.ts";
import { type PrismMock, startPrism } from "./prism.ts";

export default async function setup(project: TestProject) {
  const packageName = basename(project.config.root);
  const apis = (await loadApis()).apis.filter((api) => api.packageName === packageName);
  const logDir = mkdtempSync(join(tmpdir(), "contract-calls-"));
  const callLog = join(logDir, "calls.jsonl");
  writeFileSync(callLog, "");
  const mocks: Record<string, PrismMock> = {};
  try {
    for (const api of apis) mocks[api.name] = await startPrism(join(repoRoot, api.specPath));
  } catch (error) {
    await Promise.all(Object.values(mocks).map((mock) => mock.stop()));
    throw error;
  }
  project.provide("prismUrls", Object.fromEntries(Object.entries(mocks).map(([name, mock]) => [name, mock.baseUrl])));
  project.provide("contractCallLog", callLog);

  return async () => {
    await Promise.all(Object.values(mocks).map((mock) => mock.stop()));
    const calls = readFileSync(callLog, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as RecordedCall);
    rmSync(logDir, { recursive: true, force: true });
    // A run filtered to some files or tests covers part of the spec on purpose.
    if (process.env.CONTRACT_COVERAGE === "skip") return;
    const problems = apis.flatMap((api) =>
      coverageProblems(
        JSON.parse(readFileSync(join(repoRoot, api.specPath), "utf8")) as OpenApiDocument,
        calls.filter((call) => call.api === api.name),
      ).map((problem) => `${api.name}: ${problem}`),
    );
    if (problems.length > 0) {
      // One line per problem and no stack trace: the problems are the whole story.
      console.error(`contract coverage: ${problems.length} problem(s)\n- ${problems.join("\n- ")}`);
      process.exitCode = 1;
      return;
    }
    console.log(
      `contract coverage: every operation of ${apis.map((api) => api.name).join(" and ")} has a success and an error case (${calls.length} calls)`,
    );
  };
}
