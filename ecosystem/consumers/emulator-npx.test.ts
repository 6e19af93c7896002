// The emulator as its README has users run it, in a project that installed the packed tarballs:
// `npx @authsignal-ts/emulator …` in one process, the README's connectEmulator example as a test in
// another, and the emulator stopped as a test runner stops it, by SIGTERM to npx. npm runs the
// command through `sh -c`, which does not pass the signal on, so this checks by PID that nothing
// npx started is left running, and that the state was exported first.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { descendantsOf, isRunning, startReadyChild } from "@authsignal-ts/scripts/testing/child-process";
import { type ConsumerProject, createConsumerProject, runIn } from "@authsignal-ts/scripts/testing/consumer-project";
import { ecosystem } from "@authsignal-ts/scripts/testing/ecosystem-context";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";

const repoRoot = join(import.meta.dirname, "../..");

let project: ConsumerProject;
beforeAll(async () => {
  project = await createConsumerProject({
    tarballs: ecosystem().tarballs,
    manifest: { type: "module" },
    prefix: "emulator-npx-",
  });
});
afterAll(() => project?.remove());

const started = new Set<number>();
afterEach(() => {
  const survivors = [...started].filter(isRunning);
  for (const pid of survivors) process.kill(pid, "SIGKILL");
  started.clear();
  expect(survivors, "processes npx started and left running").toEqual([]);
});

/** The README's connectEmulator example, and what its `console.log(…); // …` comments say it prints. */
function connectExample() {
  const readme = readFileSync(join(repoRoot, "packages/emulator/README.md"), "utf8");
  const examples = [...readme.matchAll(/^```ts\n([\s\S]*?)^```/gm)].map((match) => match[1] ?? "");
  const [code = "", ...others] = examples.filter((example) => example.includes("connectEmulator("));
  expect(others).toEqual([]);
  return { code, promised: [...code.matchAll(/^console\.log\(.*\); \/\/ (.*)$/gm)].map((match) => match[1]) };
}

it("serves a test in another process, then leaves nothing behind when a runner sends npx SIGTERM", async () => {
  const file = join(project.dir, "state.json");
  const npx = await startReadyChild({
    name: "npx @authsignal-ts/emulator",
    command: "npx",
    args: ["@authsignal-ts/emulator", "--port", "0", "--export-on-exit", file],
    cwd: project.dir,
    // yes=false: never install from the registry, as the project has the package.
    env: { ...process.env, npm_config_update_notifier: "false", npm_config_yes: "false" },
    readyPattern: /Authsignal emulator listening on (http:\/\/\S+)/,
    timeoutMs: 60_000,
  });
  const npxPid = npx.child.pid as number;
  const tree = [npxPid, ...descendantsOf(npxPid)];
  for (const pid of tree) started.add(pid);
  // npm, and node below it (through sh -c where the shell does not exec it).
  expect(tree.length).toBeGreaterThanOrEqual(2);

  // The README's address stands for the emulator npx started.
  const { code, promised } = connectExample();
  const test = await project.write("connect-example.ts", code.replaceAll("http://127.0.0.1:4010", npx.ready));
  const { stdout } = await runIn(project, process.execPath, [test]);
  expect(stdout.trimEnd().split("\n")).toEqual(promised);

  npx.child.kill("SIGTERM");
  // The output ends when the last process that holds it, the emulator, has exited.
  await npx.closed;
  expect(tree.filter(isRunning)).toEqual([]);
  // The example set a fixed code; the export holds it.
  expect(JSON.parse(readFileSync(file, "utf8")).emulator.settings.fixedCodes).toEqual({ "+6421555123": "123456" });
  await npx.stop();
});
