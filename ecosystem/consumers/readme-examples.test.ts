// Every TypeScript example in the READMEs type-checks against the packed packages, so the docs
// cannot drift from the API. Helpers a reader supplies (redirect, sendSms, the webhook handler)
// are declared when an example uses them without defining them. The examples that need no
// secret also run, and must print what their `console.log(…); // output` comments say.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { type ConsumerProject, createConsumerProject, runIn } from "@authsignal-ts/scripts/testing/consumer-project";
import { ecosystem } from "@authsignal-ts/scripts/testing/ecosystem-context";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repoRoot = join(import.meta.dirname, "../..");
const readmes = [
  "README.md",
  "packages/server/README.md",
  "packages/management/README.md",
  "packages/emulator/README.md",
];
const readerSupplied: Record<string, string> = {
  redirect: "declare function redirect(url: string): void;",
  sendSms: "declare function sendSms(to: string, text: string): Promise<void>;",
  POST: "declare function POST(request: Request): Promise<Response>;",
  event: "declare const event: unknown;",
};

export function examplesIn(markdown: string): string[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```/gm)].map((match) => match[1] ?? "");
}

function withDeclarations(example: string): string {
  const declarations = Object.entries(readerSupplied)
    .filter(([name]) => new RegExp(`\\b${name}\\b`).test(example))
    .filter(([name]) => !new RegExp(`\\b(function|const|let)\\s+${name}\\b`).test(example))
    .map(([, declaration]) => declaration);
  return `${declarations.join("\n")}\n${example}\nexport {};\n`;
}

let project: ConsumerProject;
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

beforeAll(async () => {
  project = await createConsumerProject({ tarballs: ecosystem().tarballs, manifest: { type: "module" } });
  await project.write(
    "tsconfig.json",
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: "es2022",
        lib: ["es2023", "dom"],
        module: "preserve",
        moduleResolution: "bundler",
        typeRoots: [join(import.meta.dirname, "../node_modules/@types")],
        types: ["node"],
      },
      include: ["examples/**/*.ts"],
    }),
  );
});
afterAll(() => project?.remove());

describe("README examples", () => {
  it.each(readmes)("finds the examples in %s", (readme) => {
    expect(examplesIn(readFileSync(join(repoRoot, readme), "utf8")).length).toBeGreaterThan(0);
  });

  it("type-check against the published types", async () => {
    let count = 0;
    for (const readme of readmes) {
      for (const [index, example] of examplesIn(readFileSync(join(repoRoot, readme), "utf8")).entries()) {
        await project.write(`examples/${readme.replace(/[/.]/g, "_")}_${index}.ts`, withDeclarations(example));
        count++;
      }
    }
    expect(count).toBeGreaterThanOrEqual(8);
    await runIn(project, process.execPath, [tsc, "-p", "tsconfig.json"]);
  });
});

/** The output an example promises: the comment after each `console.log(…);`. */
function promisedOutput(example: string): string[] {
  return [...example.matchAll(/^console\.log\(.*\); \/\/ (.*)$/gm)].map((match) => match[1] ?? "");
}

describe("README examples that need no secret", () => {
  // The README's Prism address stands for the mock this run started.
  const runnable = () =>
    examplesIn(readFileSync(join(repoRoot, "README.md"), "utf8"))
      .filter((example) => !example.includes("process.env") && promisedOutput(example).length > 0)
      .map((example) => example.replaceAll("http://127.0.0.1:4010", ecosystem().serverMockUrl));

  it("include the stubbed fetch and the Prism mock examples", () => {
    expect(runnable().map((example) => example.includes("fetch: async"))).toEqual([true, false]);
  });

  it.each([0, 1])("example %i runs and prints what its comments promise", async (index) => {
    const example = runnable()[index] ?? "";
    const file = await project.write(`run/example_${index}.ts`, example);
    const { stdout } = await runIn(project, process.execPath, [file]);
    expect(stdout.trim().split("\n")).toEqual(promisedOutput(example));
  });
});
