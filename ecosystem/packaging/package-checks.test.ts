// The packed tarballs pass publint in strict mode without a single message, and "Are the Types
// Wrong?" finds no problem for any entrypoint: of a client, under node10, node16 (from CJS and
// from ESM) and bundler resolution; of the emulator, an ES module for Node only, under node16 from
// ESM and bundler (below). Both run on the tarballs, so they see what npm would publish.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { promisify } from "node:util";
import { tarballOf } from "@authsignal-ts/scripts/testing/ecosystem-context";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { describe, expect, it } from "vitest";
import { clientPackages, emulator, expectedOf, publicPackages, toolPackages } from "./expected.ts";

const attwBin = join(createRequire(import.meta.url).resolve("@arethetypeswrong/cli/package.json"), "../dist/index.js");

/** The subset of `attw --format json` the checks read. */
interface AttwReport {
  analysis: {
    problems: { kind: string; entrypoint: string; resolutionKind: string }[];
    entrypoints: Record<
      string,
      { resolutions: Record<string, { resolution?: { fileName: string; isTypeScript: boolean; isJson: boolean } }> }
    >;
  };
}

async function attw(tarball: string, args: string[] = []): Promise<{ exitCode: number; report: AttwReport }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [attwBin, tarball, "--format", "json", ...args], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return { exitCode: 0, report: JSON.parse(stdout) };
  } catch (error) {
    // attw exits 1 when it finds problems; the report is still on stdout.
    const { code, stdout, stderr } = error as { code?: number; stdout?: string; stderr?: string };
    if (!stdout) throw new Error(`attw failed without a report:\n${stderr}`, { cause: error });
    return { exitCode: code ?? 1, report: JSON.parse(stdout) };
  }
}

/** Each entrypoint's types under each resolution kind, by file name in the package. */
function resolvedTypes(report: AttwReport, name: string): Record<string, Record<string, string | undefined>> {
  return Object.fromEntries(
    Object.entries(report.analysis.entrypoints).map(([subpath, { resolutions }]) => [
      subpath,
      Object.fromEntries(
        Object.entries(resolutions).map(([kind, { resolution }]) => [
          kind,
          resolution?.fileName.replace(`/node_modules/@authsignal-ts/${name}/`, ""),
        ]),
      ),
    ]),
  );
}

async function publintMessages(tarball: string): Promise<string[]> {
  const bytes = await readFile(tarball);
  const { messages, pkg } = await publint({
    pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
    level: "suggestion",
    strict: true,
  });
  return messages.map((message) => `${message.type}: ${formatMessage(message, pkg) ?? message.code}`);
}

const manifestIn = async (tarball: string) =>
  JSON.parse(await promisify(execFile)("tar", ["-xzOf", tarball, "package/package.json"]).then(({ stdout }) => stdout));

const resolutionKinds = ["node10", "node16-cjs", "node16-esm", "bundler"];

/** What each entrypoint must resolve to under each resolution kind, by file name in the package. */
function expectedResolutions(name: string): Record<string, Record<string, string>> {
  const { shippedSpecs } = expectedOf(name);
  const ownEntries = Object.keys(expectedOf(name).ownEntries);
  const everywhere = (file: string) => Object.fromEntries(resolutionKinds.map((kind) => [kind, file]));
  return {
    ".": {
      // node10 reads `types`; a CommonJS importer gets the .d.cts, an ES module the .d.ts.
      node10: "dist/index.d.cts",
      "node16-cjs": "dist/index.d.cts",
      "node16-esm": "dist/index.d.ts",
      bundler: "dist/index.d.ts",
    },
    // node10 ignores exports maps and reads fetch-client/package.json (compat/package.json) instead.
    ...Object.fromEntries(
      ["fetch-client", ...ownEntries].map((entry) => [
        `./${entry}`,
        {
          node10: `dist/${entry}.d.cts`,
          "node16-cjs": `dist/${entry}.d.cts`,
          "node16-esm": `dist/${entry}.d.ts`,
          bundler: `dist/${entry}.d.ts`,
        },
      ]),
    ),
    ...Object.fromEntries(shippedSpecs.map((spec) => [`./${spec}`, everywhere(spec)])),
    "./package.json": everywhere("package.json"),
  };
}

describe.each(clientPackages)("@authsignal-ts/%s", (name) => {
  const tarball = () => tarballOf(name);
  const ownEntries = Object.keys(expectedOf(name).ownEntries);
  const { shippedSpecs } = expectedOf(name);

  it("has no publint message in strict mode, suggestions included", async () => {
    expect(await publintMessages(tarball())).toEqual([]);
  });

  it("has no attw problem, and every entrypoint resolves under node10, node16 (CJS and ESM) and bundler", async () => {
    const { exitCode, report } = await attw(tarball());
    expect(report.analysis.problems).toEqual([]);
    expect(exitCode).toBe(0);
    expect(resolvedTypes(report, name)).toEqual(expectedResolutions(name));
  });

  it("declares what registries, bundlers and package managers read", async () => {
    const manifest = await manifestIn(tarball());
    expect(manifest).toMatchObject({
      name: `@authsignal-ts/${name}`,
      license: "MIT",
      type: "module",
      sideEffects: false,
      engines: { node: ">=20" },
      main: "./dist/index.cjs",
      module: "./dist/index.js",
      types: "./dist/index.d.cts",
      repository: {
        type: "git",
        url: "git+https://github.com/authsignal-ts/authsignal-ts.git",
        directory: `packages/${name}`,
      },
    });
    expect(manifest.exports["."]).toEqual({
      import: { types: "./dist/index.d.ts", default: "./dist/index.js" },
      require: { types: "./dist/index.d.cts", default: "./dist/index.cjs" },
    });
    for (const entry of ["fetch-client", ...ownEntries]) {
      expect(manifest.exports[`./${entry}`]).toEqual({
        import: { types: `./dist/${entry}.d.ts`, default: `./dist/${entry}.js` },
        require: { types: `./dist/${entry}.d.cts`, default: `./dist/${entry}.cjs` },
      });
    }
    expect(Object.keys(manifest.exports)).toEqual([
      ".",
      "./fetch-client",
      ...ownEntries.map((entry) => `./${entry}`),
      ...shippedSpecs.map((spec) => `./${spec}`),
      "./package.json",
    ]);
  });
});

it("checks every published package: the clients, and each tool below", () => {
  expect([...publicPackages].sort()).toEqual([...clientPackages, ...toolPackages].sort());
});

// An ES module for Node only: it runs a server and a command, and its harness starts processes.
// So the resolutions that apply are node16 from an ES module and bundler (a test runner's
// TypeScript, such as vitest's, set to `moduleResolution: bundler`). node10 predates `exports` and
// cannot see an ES module's entry points, and node16 from CommonJS resolves to ES modules a
// `require` cannot load on every Node that `engines` admits (require(esm) came in 20.19): attw's
// esm-only profile leaves out exactly those two, and so does this check.
describe("@authsignal-ts/emulator", () => {
  const tarball = () => tarballOf("emulator");

  it("has no publint message in strict mode, suggestions included", async () => {
    expect(await publintMessages(tarball())).toEqual([]);
  });

  it("has no attw problem under node16 from ESM and bundler, where each entrypoint has its types", async () => {
    const { exitCode, report } = await attw(tarball(), ["--profile", "esm-only"]);
    const applies = ["node16-esm", "bundler"];
    expect(report.analysis.problems.filter((problem) => applies.includes(problem.resolutionKind))).toEqual([]);
    expect(exitCode).toBe(0);
    const resolved = resolvedTypes(report, "emulator");
    expect(
      Object.fromEntries(
        Object.entries(resolved).map(([subpath, kinds]) => [
          subpath,
          Object.fromEntries(applies.map((kind) => [kind, kinds[kind]])),
        ]),
      ),
    ).toEqual(
      Object.fromEntries(
        Object.entries(emulator.types).map(([subpath, file]) => [
          subpath,
          Object.fromEntries(applies.map((kind) => [kind, file])),
        ]),
      ),
    );
  });

  it("declares an ES module for Node with a command, two entry points and Prism as an optional peer", async () => {
    const manifest = await manifestIn(tarball());
    expect(manifest).toMatchObject({
      name: "@authsignal-ts/emulator",
      license: "MIT",
      type: "module",
      sideEffects: false,
      engines: { node: ">=22.13" },
      bin: { "authsignal-emulator": "./bin/authsignal-emulator.js" },
      // The launcher loads the build through this import (the workspace's source condition is gone).
      imports: { "#cli": "./dist/cli.js" },
      exports: {
        ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
        "./prism": { types: "./dist/prism.d.ts", default: "./dist/prism.js" },
        "./package.json": "./package.json",
      },
      peerDependencies: { "@stoplight/prism-cli": expect.stringMatching(/^\^5\./) },
      peerDependenciesMeta: { "@stoplight/prism-cli": { optional: true } },
      repository: {
        type: "git",
        url: "git+https://github.com/authsignal-ts/authsignal-ts.git",
        directory: "packages/emulator",
      },
    });
    // No CommonJS entry for a tool that older resolvers would pick and fail to load.
    expect(Object.keys(manifest).filter((field) => ["main", "module", "types"].includes(field))).toEqual([]);
    expect(Object.keys(manifest.exports)).toEqual(Object.keys(emulator.types));
  });

  it("depends on what its builds import, at published versions, and not on Prism", async () => {
    const { dependencies } = (await manifestIn(tarball())) as { dependencies: Record<string, string> };
    expect(Object.keys(dependencies).sort()).toEqual(emulator.dependencies);
    for (const [name, version] of Object.entries(dependencies)) expect(version, name).toMatch(/^\^?\d+\.\d+\.\d+/);
  });
});
