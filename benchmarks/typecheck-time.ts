// How long TypeScript takes to check a consumer file that calls every Server API operation,
// against the same file written for @authsignal/node (its 21 methods). Each file is checked by
// tsc --extendedDiagnostics with the same strict settings; the median of the runs is reported.
// Usage: node typecheck-time.ts [runs=5]
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { methodNamesInSpec } from "@authsignal-ts/scripts/testing/spec-methods";

const runs = Number(process.argv[2] ?? 5);
const require = createRequire(import.meta.url);
const serverMethods = methodNamesInSpec(require.resolve("@authsignal-ts/server/openapi.json"));
const officialMethods = [
  "getUser",
  "queryUsers",
  "updateUser",
  "deleteUser",
  "getAuthenticators",
  "enrollVerifiedAuthenticator",
  "deleteAuthenticator",
  "track",
  "validateChallenge",
  "claimChallenge",
  "getAction",
  "queryUserActions",
  "updateAction",
  "challenge",
  "verify",
  "getChallenge",
  "createSession",
  "validateSession",
  "refreshSession",
  "revokeSession",
  "revokeUserSessions",
];

// The files live inside benchmarks/ so both packages resolve from its node_modules.
const dir = join(import.meta.dirname, ".typecheck-time");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir);
const tsconfig = {
  compilerOptions: {
    strict: true,
    module: "preserve",
    moduleResolution: "bundler",
    target: "es2022",
    noEmit: true,
    skipLibCheck: true,
    types: ["node"],
  },
};
const files = {
  "@authsignal-ts/server": [
    'import { createServerClient, type ServerClient } from "@authsignal-ts/server";',
    'const server = createServerClient({ apiSecretKey: "sk" });',
    "type Args<M extends keyof ServerClient> = ServerClient[M] extends (...args: infer A) => unknown ? A[0] : never;",
    "export async function callEveryOperation() {",
    ...serverMethods.map((name) => `  await server.${name}({} as NonNullable<Args<"${name}">>);`),
    "}",
  ],
  "@authsignal/node": [
    'import { Authsignal } from "@authsignal/node";',
    'const authsignal = new Authsignal({ apiSecretKey: "sk" });',
    "type Args<M extends keyof Authsignal> = Authsignal[M] extends (...args: infer A) => unknown ? A[0] : never;",
    "export async function callEveryOperation() {",
    ...officialMethods.map((name) => `  await authsignal.${name}({} as NonNullable<Args<"${name}">>);`),
    "}",
  ],
};

const tsc = require.resolve("typescript/bin/tsc");
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
try {
  console.log(`tsc check time of a file calling every Server API operation, median of ${runs} runs`);
  for (const [name, lines] of Object.entries(files)) {
    const project = join(dir, name.replace(/[@/]/g, "_"));
    mkdirSync(project);
    writeFileSync(join(project, "consumer.ts"), `${lines.join("\n")}\n`);
    writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ ...tsconfig, files: ["consumer.ts"] }));
    const samples = Array.from({ length: runs }, () => {
      const output = execFileSync(process.execPath, [tsc, "-p", project, "--extendedDiagnostics"], {
        encoding: "utf8",
      });
      const seconds = (label: string) => Number(new RegExp(`${label}:\\s+([\\d.]+)s`).exec(output)?.[1]);
      return { check: seconds("Check time"), total: seconds("Total time") };
    });
    const calls = lines.filter((line) => line.startsWith("  await")).length;
    console.log(
      `  ${name.padEnd(24)} ${calls} calls   check ${(median(samples.map((s) => s.check)) * 1000).toFixed(0).padStart(5)} ms   total ${(median(samples.map((s) => s.total)) * 1000).toFixed(0).padStart(5)} ms`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
