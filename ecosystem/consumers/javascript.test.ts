// Plain JavaScript consumers of the installed tarballs: an ES module that `import`s the packages
// and a CommonJS module that `require`s them. Each calls both APIs' mocks and loads the bundled spec.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type ConsumerProject, createConsumerProject, runIn } from "@authsignal-ts/scripts/testing/consumer-project";
import { ecosystem } from "@authsignal-ts/scripts/testing/ecosystem-context";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConsumerReport, consumerProgram, expectedReport } from "./consumer-program.ts";

let project: ConsumerProject;
beforeAll(async () => {
  // No "type": the project is CommonJS by default, and the extensions pick each file's format.
  project = await createConsumerProject({ tarballs: ecosystem().tarballs });
  await project.write(
    "main.mjs",
    consumerProgram({
      typescript: false,
      imports: "import",
      json: "import-attributes",
      resolveServer: 'import.meta.resolve("@authsignal-ts/server")',
    }),
  );
  await project.write(
    "main.cjs",
    consumerProgram({
      typescript: false,
      imports: "require",
      json: "require",
      resolveServer: 'require.resolve("@authsignal-ts/server")',
    }),
  );
});
afterAll(() => project?.remove());

async function runConsumer(file: string): Promise<ConsumerReport> {
  const { serverMockUrl, managementMockUrl } = ecosystem();
  const { stdout } = await runIn(project, process.execPath, [file, serverMockUrl, managementMockUrl]);
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as ConsumerReport;
}

describe("JavaScript consumers", () => {
  it("an ES module imports both packages, runs them against the mocks and gets the ESM build", async () => {
    const report = await runConsumer("main.mjs");
    expect(report).toMatchObject(expectedReport);
    expect(report.specTitle).toBe("Authsignal Server API");
    expect(report.resolvedServer).toBe(
      pathToFileURL(join(project.dir, "node_modules/@authsignal-ts/server/dist/index.js")).href,
    );
  });

  it("a CommonJS module requires both packages, runs them against the mocks and gets the CJS build", async () => {
    const report = await runConsumer("main.cjs");
    expect(report).toMatchObject(expectedReport);
    expect(report.specTitle).toBe("Authsignal Server API");
    expect(report.resolvedServer).toBe(join(project.dir, "node_modules/@authsignal-ts/server/dist/index.cjs"));
  });
});
