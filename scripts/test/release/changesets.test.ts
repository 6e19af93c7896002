import { describe, expect, it } from "vitest";
import { changesetBumps, packagesTouched } from "../../release/changesets.ts";
import { loadApis, loadPublicPackages } from "../../spec/apis.ts";

// As openapi/redocly.yaml lays them out.
const { apis } = await loadApis();
const touched = (paths: string[]) => packagesTouched(paths, apis);

describe("packagesTouched", () => {
  it("maps package sources and spec folders to the packages users install", () => {
    expect([...touched(["packages/server/src/webhook/verifier.ts"])]).toEqual(["server"]);
    expect([...touched(["packages/core/src/transport.ts"])].sort()).toEqual(["client", "management", "server"]);
    expect([...touched(["openapi/server/paths/users.yaml"])]).toEqual(["server"]);
    expect([...touched(["openapi/shared/components.yaml"])].sort()).toEqual(["client", "management", "server"]);
    expect([...touched(["openapi/call-connect/paths/call_start.yaml"])]).toEqual(["server"]);
    expect([...touched(["openapi/management/openapi.yaml", "packages/server/src/client.ts"])].sort()).toEqual([
      "management",
      "server",
    ]);
  });

  it("counts a published tool package's own sources, and only those, for it", async () => {
    const publicPackages = await loadPublicPackages();
    expect(publicPackages).toEqual(["client", "emulator", "management", "server"]);
    const withTools = (paths: string[]) => [...packagesTouched(paths, apis, publicPackages)].sort();
    expect(withTools(["packages/emulator/src/emulator.ts"])).toEqual(["emulator"]);
    expect(withTools(["packages/core/src/transport.ts"])).toEqual(["client", "management", "server"]);
    expect(withTools(["openapi/server/paths/users.yaml", "packages/emulator/test/node.test.ts"])).toEqual(["server"]);
  });

  it("ignores tests, docs, private packages and tooling", () => {
    expect(
      touched([
        "packages/server/test/client.test.ts",
        "packages/server/README.md",
        "packages/core/test/transport.test.ts",
        "scripts/generate.ts",
        "benchmarks/size.ts",
        "openapi/README.md",
      ]).size,
    ).toBe(0);
  });
});

describe("changesetBumps", () => {
  it("reads the packages and bump types from the front matter", () => {
    const markdown =
      '---\n"@authsignal-ts/server": minor\n\'@authsignal-ts/core\': patch\n---\n\nText "@authsignal-ts/management": major\n';
    expect([...changesetBumps(markdown)]).toEqual([
      ["server", "minor"],
      ["core", "patch"],
    ]);
  });
});
