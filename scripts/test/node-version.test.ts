// The Node version has two sources: package.json's engines.node, the oldest Node the workspace
// runs on, and .node-version, the one CI (.ci/run, the GitHub workflow) and version managers
// install. Everything else reads one of them; these tests keep the two and the README in step.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../spec/apis.ts";

const read = (path: string) => readFileSync(join(repoRoot, path), "utf8");
const engines = (JSON.parse(read("package.json")) as { engines: { node: string } }).engines.node;
const minimum = /^>=(\d+\.\d+)\.0$/.exec(engines)?.[1];
const pinned = read(".node-version").trim();

/** Runs check-node.mjs as Node `version` would: its exit code and what it printed. */
function checkNodeAs(version: string): { status: number; output: string } {
  const fake = `Object.defineProperty(process, "versions", { value: { ...process.versions, node: "${version}" } });`;
  try {
    const output = execFileSync(
      process.execPath,
      ["--import", `data:text/javascript,${encodeURIComponent(fake)}`, "scripts/check-node.mjs"],
      {
        cwd: repoRoot,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    return { status: 0, output };
  } catch (error) {
    const { status, stderr } = error as { status: number; stderr: string };
    return { status, output: stderr };
  }
}

describe("the Node version", () => {
  it("is a minimum in engines.node and an exact version in .node-version that meets it", () => {
    expect(minimum, `engines.node is ${engines}`).toBeDefined();
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    const [major, minor] = pinned.split(".").map(Number);
    const [wantMajor, wantMinor] = (minimum ?? "").split(".").map(Number);
    expect(major === wantMajor ? (minor ?? 0) >= (wantMinor ?? 0) : (major ?? 0) > (wantMajor ?? 0)).toBe(true);
  });

  it("is read, not restated, by CI and the GitHub workflow", () => {
    expect(read(".ci/run")).toMatch(/^NODE_VERSION=\$\(.*< \.node-version\)$/m);
    expect(read(".github/workflows/ci.yml")).toContain("node-version-file: .node-version");
  });

  it("stops the root scripts below the minimum, and lets the pinned version through", () => {
    const [major, minor] = (minimum ?? "").split(".").map(Number);
    const older = minor === 0 ? `${(major ?? 1) - 1}.99.0` : `${major}.${(minor ?? 1) - 1}.0`;
    const refused = checkNodeAs(older);
    expect(refused.status).toBe(1);
    expect(refused.output).toContain(`needs Node ${minimum} or later`);
    expect(checkNodeAs(pinned).status).toBe(0);
  });

  it("is the one the README asks contributors for", () => {
    expect(read("README.md")).toContain(`You need Node ${minimum} or later`);
  });
});
