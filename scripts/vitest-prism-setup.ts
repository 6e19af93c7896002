// vitest globalSetup for contract tests: one Prism mock per package, from the package's own
// bundled spec, stopped when the run ends whether tests pass or fail.
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startPrism } from "./prism.ts";
import type {} from "./prism-context.ts";

export default async function setup(project: TestProject) {
  const prism = await startPrism(join(project.config.root, "src/generated/openapi.json"));
  project.provide("prismUrl", prism.baseUrl);
  return () => prism.stop();
}
