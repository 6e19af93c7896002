// Every TypeScript example in the READMEs type-checks against the packed packages and runs as
// written against a fresh emulator, with the environment it names set: requests for Authsignal's
// hosts go to the emulator (Call Connect's to a Prism mock of its spec) through route-to-local.mjs,
// as a hosts file would send them. The emulator README's Prism harness starts its own, from the
// installed package's command, with the workspace's Prism linked in. An example that says what it prints (`console.log(…); // …`)
// must print exactly that.
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, realpathSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { type RunningEmulator, startEmulator } from "@authsignal-ts/emulator";
import { type ConsumerProject, createConsumerProject, runIn } from "@authsignal-ts/scripts/testing/consumer-project";
import { ecosystem } from "@authsignal-ts/scripts/testing/ecosystem-context";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TypeScriptExample, typeScriptExamples, where, whyNotRun } from "./readme-blocks.ts";

const run = promisify(execFile);
const examples = typeScriptExamples();
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

const serverSpec = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve("@authsignal-ts/server/openapi.json"), "utf8"),
) as { webhooks: Record<string, { post: { requestBody: { content: Record<string, { examples: object }> } } }> };
const smsCreated = Object.values(
  serverSpec.webhooks["sms.created"]?.post.requestBody.content["application/json"]?.examples ?? {},
)[0] as { value: unknown };

/**
 * What an example uses and leaves to the reader, defined so that it runs. What these print goes
 * to stderr, so it never mixes with what the example promises on stdout. A name an earlier example
 * of the same README defines (a webhook handler the next example calls) comes from that example.
 */
const readerSupplied: Record<string, string | undefined> = {
  redirect: 'function redirect(url: string): void {\n  console.error("(the app redirects to", url, ")");\n}',
  sendSms:
    'async function sendSms(to: string, text: string): Promise<void> {\n  console.error("(the app texts", to, ":", text, ")");\n}',
  event: `const event = ${JSON.stringify(smsCreated.value)};`,
  POST: undefined,
};

/** Whether the code declares `name` at its top level (not inside a function). */
const defines = (code: string, name: string) =>
  new RegExp(`^(export\\s+)?(async\\s+)?(function|const|let|class)\\s+${name}\\b`, "m").test(code);
// A free name in the code, not a property (`api.POST`) or words in a comment or a string.
const codeOnly = (code: string) =>
  code.replace(/\/\/.*$/gm, "").replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""');
const uses = (code: string, name: string) => new RegExp(`(?<![.\\w$])${name}\\b`).test(codeOnly(code));
const missing = (code: string, name: string) => uses(code, name) && !defines(code, name);

/** The program that runs an example: what the reader supplies, the examples it continues, then it. */
export function programOf(example: TypeScriptExample): string {
  let code = example.code;
  for (const [name, definition] of Object.entries(readerSupplied)) {
    if (definition !== undefined || !missing(code, name)) continue;
    const earlier = examples.findLast(
      (other) => other.readme === example.readme && other.line < example.line && defines(other.code, name),
    );
    if (!earlier) throw new Error(`${where(example)} uses ${name}, which no earlier example of its README defines`);
    code = `${earlier.code}\n${code}`;
  }
  const supplied = Object.entries(readerSupplied).flatMap(([name, definition]) =>
    definition !== undefined && missing(code, name) ? [definition] : [],
  );
  // A vitest globalSetup runs as vitest would run it: called with `provide`, then torn down.
  const driver = /^export default async function (\w+)/m.exec(example.code)?.[1];
  const tail = driver
    ? `\nconst teardown = await ${driver}({ provide: (key: string, value: string) => console.error("(provided", key, value, ")") });\nawait teardown?.();\n`
    : "";
  return `${supplied.join("\n")}\n${code}${tail}\nexport {};\n`;
}

/** The secrets an example reads from its environment, as the emulator (or the mock) accepts them. */
function environmentFor(example: TypeScriptExample, running: RunningEmulator): Record<string, string> {
  const known: Record<string, string> = {
    AUTHSIGNAL_SERVER_SECRET: running.emulator.serverSecret,
    AUTHSIGNAL_SECRET: running.emulator.serverSecret,
    AUTHSIGNAL_MANAGEMENT_SECRET: running.emulator.managementSecret,
    AUTHSIGNAL_TENANT_ID: running.emulator.exportState().management.tenant.tenantId ?? "",
    AUTHSIGNAL_CALL_CONNECT_SECRET: "sk_docs_call_connect",
  };
  const environment: Record<string, string> = {};
  for (const [, name = ""] of example.code.matchAll(/process\.env\.(\w+)/g)) {
    const value = known[name];
    if (value === undefined) throw new Error(`${where(example)} reads ${name}, which this test does not set`);
    environment[name] = value;
  }
  return environment;
}

/**
 * Prism, for the emulator README's harness example, as `npm install --save-dev @stoplight/prism-cli`
 * would have it: the version the workspace installed, linked into the project rather than fetched.
 */
function linkPrism(project: ConsumerProject): void {
  const prismPackage = dirname(
    realpathSync(createRequire(import.meta.url).resolve("@stoplight/prism-cli/package.json")),
  );
  mkdirSync(join(project.dir, "node_modules/@stoplight"), { recursive: true });
  symlinkSync(prismPackage, join(project.dir, "node_modules/@stoplight/prism-cli"), "dir");
}

/** Files an example reads, as a reader of the README has them. */
const filesFor = (project: ConsumerProject): Record<string, string> => ({
  // The emulator README's globalSetup reads a seed; the package ships an example of one.
  "test/emulator-seed.json": readFileSync(
    join(project.dir, "node_modules/@authsignal-ts/emulator/seed.example.json"),
    "utf8",
  ),
});

let project: ConsumerProject;
let running: RunningEmulator;
const ran = new Set<string>();
const fileOf = (example: TypeScriptExample) => `examples/${example.readme.replace(/[/.]/g, "_")}_${example.line}.ts`;

beforeAll(async () => {
  [project, running] = await Promise.all([
    createConsumerProject({ tarballs: ecosystem().tarballs, manifest: { type: "module" } }),
    startEmulator({ port: 0 }),
  ]);
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
  linkPrism(project);
  for (const [path, content] of Object.entries(filesFor(project))) await project.write(path, content);
  for (const example of examples) await project.write(fileOf(example), programOf(example));
});
afterAll(async () => {
  await running?.stop();
  project?.remove();
});

describe("the READMEs' TypeScript examples", () => {
  it("are found, and none is left out", () => {
    expect(examples.length).toBeGreaterThanOrEqual(15);
    expect(examples.filter((example) => whyNotRun(example.readme, example.code))).toEqual([]);
  });

  it("type-check against the published types", async () => {
    await runIn(project, process.execPath, [tsc, "-p", "tsconfig.json"]);
  });

  it.each(examples.map((example) => [where(example), example] as const))(
    "%s runs as written and prints what it promises",
    async (_, example) => {
      running.emulator.reset();
      const { url } = running;
      const emulatorHosts = ["api", "au.api", "eu.api", "ca.api"].map((host) => `https://${host}.authsignal.com`);
      const routes = {
        ...Object.fromEntries(emulatorHosts.map((host) => [host, url])),
        "http://127.0.0.1:4010": url,
        "http://localhost:4010": url,
        "https://us-connect.authsignal.com": ecosystem().callConnectMockUrl,
        "https://au-connect.authsignal.com": ecosystem().callConnectMockUrl,
      };
      const { stdout } = await run(
        process.execPath,
        ["--import", join(import.meta.dirname, "route-to-local.mjs"), fileOf(example)],
        {
          cwd: project.dir,
          timeout: 30_000,
          env: {
            ...process.env,
            ...environmentFor(example, running),
            AUTHSIGNAL_TS_DOCS_ROUTES: JSON.stringify(routes),
          },
        },
      ).catch((error: { stdout?: string; stderr?: string; message: string }) => {
        throw new Error(`${where(example)} failed:\n${error.stdout ?? ""}\n${error.stderr ?? error.message}`);
      });
      if (example.promised.length > 0) expect(stdout.trimEnd().split("\n")).toEqual(example.promised);
      ran.add(where(example));
    },
  );

  it("ran every one", () => {
    console.log(`docs: ${ran.size} of ${examples.length} TypeScript examples ran as written, 0 skipped`);
    expect([...ran].sort()).toEqual(examples.map(where).sort());
  });
});
