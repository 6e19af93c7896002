// The packed tarballs pass publint in strict mode without a single message, and "Are the Types
// Wrong?" finds no problem for any entrypoint under node10, node16 (from CJS and from ESM) and
// bundler resolution. Both run on the tarballs, so they see what npm would publish.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { promisify } from "node:util";
import { tarballOf } from "@authsignal-ts/scripts/testing/ecosystem-context";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { describe, expect, it } from "vitest";
import { clientPackages, expectedOf } from "./expected.ts";

const attwBin = join(createRequire(import.meta.url).resolve("@arethetypeswrong/cli/package.json"), "../dist/index.js");

/** The subset of `attw --format json` the checks read. */
interface AttwReport {
  analysis: {
    problems: unknown[];
    entrypoints: Record<
      string,
      { resolutions: Record<string, { resolution?: { fileName: string; isTypeScript: boolean; isJson: boolean } }> }
    >;
  };
}

async function attw(tarball: string): Promise<{ exitCode: number; report: AttwReport }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [attwBin, tarball, "--format", "json"], {
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
    const bytes = await readFile(tarball());
    const { messages, pkg } = await publint({
      pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
      level: "suggestion",
      strict: true,
    });
    expect(messages.map((message) => `${message.type}: ${formatMessage(message, pkg) ?? message.code}`)).toEqual([]);
  });

  it("has no attw problem, and every entrypoint resolves under node10, node16 (CJS and ESM) and bundler", async () => {
    const { exitCode, report } = await attw(tarball());
    expect(report.analysis.problems).toEqual([]);
    expect(exitCode).toBe(0);
    const resolved = Object.fromEntries(
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
    expect(resolved).toEqual(expectedResolutions(name));
  });

  it("declares what registries, bundlers and package managers read", async () => {
    const manifest = JSON.parse(
      await promisify(execFile)("tar", ["-xzOf", tarball(), "package/package.json"]).then(({ stdout }) => stdout),
    );
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
