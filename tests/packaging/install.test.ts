// The tarballs install with npm into a project outside the workspace and import from there.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConsumerProject, createConsumerProject, runIn } from "../support/consumer-project.ts";

let project: ConsumerProject;
beforeAll(async () => {
  project = await createConsumerProject({ type: "module" });
});
afterAll(() => project?.remove());

describe("npm install of the tarballs", () => {
  it("resolves both packages and core from the project's own node_modules", async () => {
    await project.write(
      "resolve.mjs",
      'for (const name of ["@authsignal-ts/server", "@authsignal-ts/management", "@authsignal-ts/core"]) console.log(import.meta.resolve(name));',
    );
    const { stdout } = await runIn(project, process.execPath, ["resolve.mjs"]);
    const resolved = stdout.trim().split("\n");
    expect(resolved).toHaveLength(3);
    for (const url of resolved) expect(url).toContain(`${project.dir}/node_modules/@authsignal-ts/`);
  });
});
