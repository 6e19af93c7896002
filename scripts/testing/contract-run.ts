// What both contract global setups share: the APIs of the package under test, the call log the
// contract clients append to, and the coverage gate at the end of the run.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { TestProject } from "vitest/node";
import { type ApiLayout, loadApis, repoRoot } from "../spec/apis.ts";
import type { OpenApiDocument } from "../spec/openapi-document.ts";
import type { ContractMode, RecordedCall } from "./contract.ts";
import { coverageProblems } from "./contract-coverage.ts";

export interface ContractRun {
  /** The APIs the package generates (the server package has the Server API and Call Connect). */
  apis: ApiLayout[];
  /**
   * Reads the log, removes it, and fails the run (exit code 1) on any coverage problem, or any of
   * `answerProblems`: what the emulator mode's harness found in the emulator's answers.
   */
  finish(answerProblems?: readonly string[]): void;
}

/** `emulated` names the APIs answered by the emulator; the rest are Prism mocks. */
export async function beginContractRun(project: TestProject, emulated: readonly string[] = []): Promise<ContractRun> {
  const packageName = basename(project.config.root);
  const apis = (await loadApis()).apis.filter((api) => api.packageName === packageName);
  const logDir = mkdtempSync(join(tmpdir(), "contract-calls-"));
  const callLog = join(logDir, "calls.jsonl");
  writeFileSync(callLog, "");
  project.provide("contractCallLog", callLog);
  const modeOf = (api: ApiLayout): ContractMode => (emulated.includes(api.name) ? "emulator" : "mock");
  project.provide("contractModes", Object.fromEntries(apis.map((api) => [api.name, modeOf(api)])));
  const mode = apis.some((api) => modeOf(api) === "emulator") ? "emulator" : "mock";

  const finish = (answerProblems: readonly string[] = []) => {
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
        // Against the emulator, its harness checks the answers (answerProblems).
        { checkAnswers: modeOf(api) === "mock" },
      ).map((problem) => `${api.name}: ${problem}`),
    );
    problems.push(...answerProblems);
    if (problems.length > 0) {
      // One line per problem and no stack trace: the problems are the whole story.
      console.error(`contract coverage (${mode}): ${problems.length} problem(s)\n- ${problems.join("\n- ")}`);
      process.exitCode = 1;
      return;
    }
    const clean = mode === "emulator" ? ", and Prism found no violation in any of the emulator's answers" : "";
    console.log(
      `contract coverage (${mode}): every operation of ${apis.map((api) => api.name).join(" and ")} has a success and an error case (${calls.length} calls)${clean}`,
    );
  };
  return { apis, finish };
}
