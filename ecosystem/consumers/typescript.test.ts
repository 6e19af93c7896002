// TypeScript consumers of the installed tarballs, one per module resolution users configure. Each
// is type-checked in strict mode by the workspace's tsc against the published declarations (never
// the sources), must resolve the declaration flavour its resolution implies (.d.ts for ESM,
// .d.cts for CommonJS), and is then compiled or bundled and run against both APIs' mocks.
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type ConsumerProject, createConsumerProject, runIn } from "@authsignal-ts/scripts/testing/consumer-project";
import { ecosystem } from "@authsignal-ts/scripts/testing/ecosystem-context";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ConsumerProgramOptions,
  type ConsumerReport,
  consumerProgram,
  deliberateTypeErrors,
  expectedReport,
  withoutDirectives,
} from "./consumer-program.ts";

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

interface TypeScriptConsumer {
  /** The consumer's folder in the project, with its own package.json and tsconfig.json. */
  dir: string;
  packageType: "module" | "commonjs";
  compilerOptions: Record<string, unknown>;
  source: string;
  program: Omit<ConsumerProgramOptions, "typescript">;
  /** Which declaration files of the three packages tsc must load. */
  declarations: ".d.ts" | ".d.cts";
  /** The file tsc emits to run, or `bundle` to bundle the source with esbuild instead. */
  run: string | "bundle";
  /** The build `@authsignal-ts/server` must resolve to at run time. */
  runtimeBuild?: "dist/index.js" | "dist/index.cjs";
}

// What every consumer sets: strict, no DOM (the packages must type-check with Node's types alone).
const common = {
  strict: true,
  target: "es2022",
  lib: ["es2022"],
  types: ["node"],
  skipLibCheck: true,
  noEmitOnError: true,
  outDir: "out",
  rootDir: ".",
};

const consumers: TypeScriptConsumer[] = [
  {
    dir: "node16-esm",
    packageType: "module",
    compilerOptions: { module: "node16", moduleResolution: "node16", verbatimModuleSyntax: true },
    source: "main.ts",
    program: { imports: "import", json: "none", resolveServer: 'import.meta.resolve("@authsignal-ts/server")' },
    declarations: ".d.ts",
    run: "out/main.js",
    runtimeBuild: "dist/index.js",
  },
  {
    // A .cts file compiles to require() calls, so it must get the CommonJS declarations.
    dir: "node16-cjs",
    packageType: "commonjs",
    compilerOptions: { module: "node16", moduleResolution: "node16" },
    source: "main.cts",
    program: { imports: "import", json: "none", resolveServer: 'require.resolve("@authsignal-ts/server")' },
    declarations: ".d.cts",
    run: "out/main.cjs",
    runtimeBuild: "dist/index.cjs",
  },
  {
    // The strictest: checks the published declarations themselves too (skipLibCheck off).
    dir: "nodenext",
    packageType: "commonjs",
    compilerOptions: {
      module: "nodenext",
      moduleResolution: "nodenext",
      resolveJsonModule: true,
      verbatimModuleSyntax: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck: false,
    },
    source: "main.mts",
    program: {
      imports: "import",
      json: "import-attributes",
      resolveServer: 'import.meta.resolve("@authsignal-ts/server")',
    },
    declarations: ".d.ts",
    run: "out/main.mjs",
    runtimeBuild: "dist/index.js",
  },
  {
    dir: "bundler",
    packageType: "module",
    compilerOptions: {
      module: "preserve",
      moduleResolution: "bundler",
      resolveJsonModule: true,
      verbatimModuleSyntax: true,
      noEmit: true,
    },
    source: "main.ts",
    program: { imports: "import", json: "import-attributes", resolveServer: "null" },
    declarations: ".d.ts",
    run: "bundle",
  },
  {
    // The resolution that ignores exports maps: it reads `types`, and finds the spec at the root.
    dir: "node10",
    packageType: "commonjs",
    compilerOptions: { module: "commonjs", moduleResolution: "node10", resolveJsonModule: true },
    source: "main.ts",
    program: { imports: "import", json: "import-equals", resolveServer: 'require.resolve("@authsignal-ts/server")' },
    declarations: ".d.cts",
    run: "out/main.js",
    runtimeBuild: "dist/index.cjs",
  },
];

let project: ConsumerProject;
beforeAll(async () => {
  project = await createConsumerProject({ tarballs: ecosystem().tarballs, dependencies: ["@types/node@24.19.2"] });
  for (const consumer of consumers) {
    await project.write(`${consumer.dir}/package.json`, JSON.stringify({ type: consumer.packageType }));
    await project.write(
      `${consumer.dir}/tsconfig.json`,
      JSON.stringify({ compilerOptions: { ...common, ...consumer.compilerOptions }, files: [consumer.source] }),
    );
    await project.write(
      `${consumer.dir}/${consumer.source}`,
      consumerProgram({ typescript: true, ...consumer.program }),
    );
  }
});
afterAll(() => project?.remove());

/** Runs tsc on a consumer's tsconfig; resolves to the package files in the program, relative to node_modules. */
async function typecheck(tsconfig: string): Promise<string[]> {
  const { stdout } = await runIn(project, process.execPath, [tsc, "-p", tsconfig, "--listFiles"]);
  return stdout
    .split("\n")
    .map((file) => /\/node_modules\/(@authsignal-ts\/.+)$/.exec(file)?.[1])
    .filter((file): file is string => file !== undefined)
    .sort();
}

async function runConsumer(file: string): Promise<ConsumerReport> {
  const { serverMockUrl, managementMockUrl } = ecosystem();
  const { stdout } = await runIn(project, process.execPath, [file, serverMockUrl, managementMockUrl]);
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as ConsumerReport;
}

describe.each(consumers)("TypeScript consumer: $dir", (consumer) => {
  const tsconfig = () => join(project.dir, consumer.dir, "tsconfig.json");

  it(`type-checks in strict mode against the published ${consumer.declarations} declarations`, async () => {
    const files = await typecheck(tsconfig());
    const expected = [
      // One declaration file per entry point, with nothing shared or imported.
      ...["management", "server"].map((name) => `@authsignal-ts/${name}/dist/index${consumer.declarations}`),
    ];
    if (consumer.program.json !== "none") expected.push("@authsignal-ts/server/openapi.json");
    expect(files).toEqual(expected.sort());
  });

  it("runs track and a management call against the mocks; server's AuthsignalError catches management's errors", async () => {
    let entry: string;
    if (consumer.run === "bundle") {
      entry = join(project.dir, consumer.dir, "out/main.mjs");
      const { metafile } = await build({
        entryPoints: [join(project.dir, consumer.dir, consumer.source)],
        absWorkingDir: project.dir,
        bundle: true,
        platform: "node",
        format: "esm",
        outfile: entry,
        metafile: true,
        logLevel: "silent",
      });
      // The bundler took the ESM builds from the exports map, and the chunks they load on first use.
      const packageFiles = Object.keys(metafile.inputs)
        .filter((input) => input.includes("@authsignal-ts/"))
        .map((input) => input.replace(/-[\w-]+\.js$/, ".js"));
      expect(packageFiles.sort()).toEqual([
        "node_modules/@authsignal-ts/management/dist/index.js",
        "node_modules/@authsignal-ts/management/dist/pagination.js",
        "node_modules/@authsignal-ts/server/dist/index.js",
        "node_modules/@authsignal-ts/server/dist/pagination.js",
        "node_modules/@authsignal-ts/server/dist/verification.js",
        "node_modules/@authsignal-ts/server/openapi.json",
      ]);
    } else {
      entry = join(project.dir, consumer.dir, consumer.run);
    }
    const report = await runConsumer(entry);
    expect(report).toMatchObject(expectedReport);
    expect(report.specTitle).toBe(consumer.program.json === "none" ? null : "Authsignal Server API");
    if (consumer.runtimeBuild) {
      const resolved = join(project.dir, "node_modules/@authsignal-ts/server", consumer.runtimeBuild);
      expect(report.resolvedServer).toBe(
        consumer.runtimeBuild === "dist/index.js" ? pathToFileURL(resolved).href : resolved,
      );
    }
  });
});

describe("the deliberate type errors", () => {
  it("are the wrong calls, reported through the published declarations without the directives", async () => {
    const bundler = consumers.find((consumer) => consumer.dir === "bundler");
    if (!bundler) throw new Error("no bundler consumer");
    const program = consumerProgram({ typescript: true, ...bundler.program });
    await project.write("bundler/unchecked.ts", withoutDirectives(program));
    await project.write(
      "bundler/tsconfig.unchecked.json",
      JSON.stringify({ extends: "./tsconfig.json", files: ["unchecked.ts"] }),
    );
    const failure = await typecheck(join(project.dir, "bundler/tsconfig.unchecked.json")).then(
      () => undefined,
      (error: Error) => error.message,
    );
    const errors = (failure ?? "").split("\n").filter((line) => line.includes("error TS"));
    expect(errors).toHaveLength(deliberateTypeErrors.length);
    deliberateTypeErrors.forEach(({ code, mentions }, index) => {
      expect(errors[index]).toContain(`unchecked.ts`);
      expect(errors[index]).toContain(`error ${code}: `);
      expect(errors[index]).toContain(mentions);
    });
  });
});
