// vitest globalSetup for contract tests: one Prism mock per package, from the package's own
// bundled spec, stopped when the run ends whether tests pass or fail. At the end it checks
// that the suite called every operation (see contract-coverage.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { coverageProblems } from "./contract-coverage.ts";
import type { RecordedCall } from "./contract-testing.ts";
import type { OpenApiDocument } from "./openapi-document.ts";
import { startPrism } from "./prism.ts";

export default async function setup(project: TestProject) {
  const specPath = join(project.config.root, "src/generated/openapi.json");
  const logDir = mkdtempSync(join(tmpdir(), "contract-calls-"));
  const callLog = join(logDir, "calls.jsonl");
  writeFileSync(callLog, "");
  const prism = await startPrism(specPath);
  project.provide("prismUrl", prism.baseUrl);
  project.provide("contractCallLog", callLog);

  return async () => {
    await prism.stop();
    const calls = readFileSync(callLog, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as RecordedCall);
    rmSync(logDir, { recursive: true, force: true });
    // A run filtered to some files or tests covers part of the spec on purpose.
    if (process.env.CONTRACT_COVERAGE === "skip") return;
    const problems = coverageProblems(JSON.parse(readFileSync(specPath, "utf8")) as OpenApiDocument, calls);
    if (problems.length > 0) {
      throw new Error(`Contract coverage check failed:\n- ${problems.join("\n- ")}`);
    }
    console.log(`contract coverage: every operation has a success and an error case (${calls.length} calls)`);
  };
}
