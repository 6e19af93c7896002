// The packed Server API package on every supported runtime: Node 20, 22 and 24, Bun, Deno and
// Cloudflare's workerd. Each runs the same plain-JS smoke test (fixtures/smoke.mjs) from one
// consumer project that installed the tarballs with npm: a `track` call against the Prism mock,
// an API error mapped to its class, and webhook signing and verification with Web Crypto. The
// emulator, a Node tool, runs its command on Node 22 and 20 (the other tests run it on 24).
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { startReadyChild } from "@authsignal-ts/scripts/testing/child-process";
import { type ConsumerProject, createConsumerProject } from "@authsignal-ts/scripts/testing/consumer-project";
import { ecosystem } from "@authsignal-ts/scripts/testing/ecosystem-context";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeBinary, testedNodeVersions } from "./node-binaries.ts";
import { runProcess } from "./processes.ts";

const [NODE_20, NODE_22] = testedNodeVersions;
const RUN_TIMEOUT_MS = 30_000;

const require = createRequire(import.meta.url);
const testsDir = join(import.meta.dirname, "..");
const bunBin = join(testsDir, "node_modules/.bin/bun");
const denoBin = join(testsDir, "node_modules/.bin/deno");
const bunVersion = (require("bun/package.json") as { version: string }).version;
const denoVersion = (require("deno/package.json") as { version: string }).version;
// workerd versions are `1.<release date>.<n>`, and a release supports compatibility dates up to its own.
const workerdVersion = (
  createRequire(require.resolve("miniflare"))("workerd/package.json") as {
    version: string;
  }
).version;
const compatibilityDate = workerdVersion.replace(/^1\.(\d{4})(\d{2})(\d{2})\.\d+$/, "$1-$2-$3");

// Children get this process's environment (npm needs its proxy and CA settings) minus what only
// concerns the test runner, with update checks and colours off.
const { NODE_OPTIONS: _nodeOptions, ...inheritedEnv } = process.env;
const childEnv = { ...inheritedEnv, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1", DENO_NO_PROMPT: "1" };

const apiSecretKey = "sk_test_runtimes";
// The spec's sms.created example, pretty-printed and with non-ASCII text, so a runtime that
// re-encodes or re-serializes the body instead of signing its exact bytes is caught.
const event = {
  version: 1,
  id: "5d1d6b5c-4b6f-4f5a-9c3e-2f7a1b8d4e6c",
  source: "https://authsignal.com",
  time: "2025-02-20T01:52:10.412Z",
  tenantId: "7752d28e-e627-4b1b-bb81-b45d68d617bc",
  type: "sms.created",
  data: {
    to: "+64211234567",
    code: "987654",
    userId: "usr_zoë_🔐",
    actionCode: "signIn",
    idempotencyKey: "68d68190-fac9-4e91-b277-c63d31d3c6b1",
    locale: "en-NZ",
  },
};

interface SmokeInput {
  serverMockUrl: string;
  apiSecretKey: string;
  body: string;
  timestamp: number;
  header: string;
}

/** The smoke input, with the header signed here by node:crypto: an oracle independent of the package. */
function smokeInput(): SmokeInput {
  const body = JSON.stringify(event, null, 2);
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = createHmac("sha256", apiSecretKey).update(`${timestamp}.${body}`).digest("base64");
  const header = `t=${timestamp},v2=${signature.replace(/=+$/, "")}`;
  return { serverMockUrl: ecosystem().serverMockUrl, apiSecretKey, body, timestamp, header };
}

const rejectedWebhook = {
  name: "AuthsignalWebhookError",
  errorCode: "signature_mismatch",
  isAuthsignalError: true,
  isNotFoundError: false,
  isWebhookError: true,
};

/** What every runtime must observe (fixtures/smoke.mjs documents each step). */
const expectedSmoke = (input: SmokeInput) => ({
  // The spec's example response, so the request reached Prism and passed its request validation.
  track: {
    state: "CHALLENGE_REQUIRED",
    url: "https://api.authsignal.com/v1/client/challenge?token=eyJhbGciOi",
    idempotencyKey: "0c9b8e2e-6a7a-4d8f-bd0e-3a6f6a1f2f55",
    isEnrolled: true,
  },
  notFound: {
    name: "AuthsignalNotFoundError",
    statusCode: 404,
    errorCode: "not_found",
    isAuthsignalError: true,
    isNotFoundError: true,
    isWebhookError: false,
  },
  webhook: {
    // Signed in the runtime with the harness's timestamp: byte for byte node:crypto's header.
    signed: input.header,
    event: { type: event.type, id: event.id, data: event.data },
    fromBytes: { type: event.type, locale: event.data.locale },
    fresh: { type: event.type },
    tampered: rejectedWebhook,
    wrongKey: rejectedWebhook,
  },
});

let project: ConsumerProject;
let nodeBinaries: Record<string, string>;

beforeAll(async () => {
  const [created, node20, node22] = await Promise.all([
    createConsumerProject({ tarballs: ecosystem().tarballs, manifest: { type: "module" } }),
    nodeBinary(NODE_20),
    nodeBinary(NODE_22),
  ]);
  project = created;
  nodeBinaries = { [NODE_20]: node20, [NODE_22]: node22 };
  for (const file of ["smoke.mjs", "cli.mjs", "worker.mjs"]) {
    await project.write(file, readFileSync(join(import.meta.dirname, "fixtures", file), "utf8"));
  }
});
afterAll(() => project?.remove());

/** Runs `command args… cli.mjs <input>` in the project and checks the result line it prints. */
async function expectCliSmoke(command: string, args: string[], runtime: Runtime) {
  const input = smokeInput();
  const { stdout, stderr } = await runProcess(command, [...args, "cli.mjs", JSON.stringify(input)], {
    cwd: project.dir,
    env: childEnv,
    timeoutMs: RUN_TIMEOUT_MS,
  });
  const line = stdout.trim().split("\n").at(-1) ?? "";
  let result: Record<string, unknown>;
  try {
    result = JSON.parse(line) as Record<string, unknown>;
  } catch {
    throw new Error(`${command} printed no result line\n--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`);
  }
  expectSmoke(result, input, runtime);
}

interface Runtime {
  name: "node" | "bun" | "deno" | "workerd";
  version?: string;
}

function expectSmoke(result: Record<string, unknown>, input: SmokeInput, runtime: Runtime) {
  const { runtime: ran, ...observed } = result;
  expect(ran).toEqual(runtime);
  expect(observed).toEqual(expectedSmoke(input));
}

describe("the server client and webhook verification on every runtime", () => {
  it.each([NODE_20, NODE_22])("Node %s", async (version) => {
    const binary = nodeBinaries[version];
    if (binary === undefined) throw new Error(`no Node ${version} binary`);
    await expectCliSmoke(binary, [], { name: "node", version });
  });

  it(`Node ${process.versions.node} (the Node running the tests)`, async () => {
    // .ci/run installs 24.x for the whole run; this row is the Node 24 one.
    expect(process.versions.node.split(".")[0]).toBe("24");
    await expectCliSmoke(process.execPath, [], { name: "node", version: process.versions.node });
  });

  it(`Bun ${bunVersion}`, async () => {
    // --no-install: resolve from the project's node_modules only, never auto-install.
    await expectCliSmoke(bunBin, ["run", "--no-install"], { name: "bun", version: bunVersion });
  });

  it(`Deno ${denoVersion}`, async () => {
    // The only permission is the mock's address: loading modules from the project, including its
    // node_modules (manual mode: npm installed them, Deno only resolves), needs no read access.
    const mock = new URL(ecosystem().serverMockUrl);
    await expectCliSmoke(
      denoBin,
      ["run", "--no-prompt", "--no-lock", "--node-modules-dir=manual", `--allow-net=${mock.host}`],
      { name: "deno", version: denoVersion },
    );
  });

  it(`workerd ${workerdVersion} (miniflare)`, async () => {
    // Bundled as a Worker is: esbuild with the conditions wrangler uses, and platform neutral, so
    // an import of a Node built-in fails the build rather than slipping through.
    const bundle = await build({
      entryPoints: [join(project.dir, "worker.mjs")],
      absWorkingDir: project.dir,
      bundle: true,
      format: "esm",
      platform: "neutral",
      conditions: ["workerd", "worker", "browser"],
      mainFields: ["module", "main"],
      write: false,
      logLevel: "silent",
      metafile: true,
    });
    expect(Object.keys(bundle.metafile.inputs)).toContain("node_modules/@authsignal-ts/server/dist/index.js");
    const script = bundle.outputFiles[0]?.text ?? "";

    // No compatibility flags: the package must not need nodejs_compat. Miniflare lets a Worker's
    // fetch reach private addresses, so Prism on 127.0.0.1 is reachable as it is.
    const miniflare = new Miniflare({ modules: true, script, compatibilityDate, port: 0 });
    const input = smokeInput();
    let timer: NodeJS.Timeout | undefined;
    try {
      const response = await Promise.race([
        miniflare.dispatchFetch("http://worker.test/", { method: "POST", body: JSON.stringify(input) }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`the Worker did not answer in ${RUN_TIMEOUT_MS} ms`)),
            RUN_TIMEOUT_MS,
          );
        }),
      ]);
      const text = await response.text();
      if (response.status !== 200) throw new Error(`the Worker answered ${response.status}:\n${text}`);
      expectSmoke(JSON.parse(text) as Record<string, unknown>, input, { name: "workerd" });
    } finally {
      clearTimeout(timer);
      await miniflare.dispose();
    }
  });
});

// The emulator's `engines` starts at Node 22.13, the first 22 with node:sqlite unflagged: its
// command, as npm installed it, keeps its state in a data dir across a restart on Node 22, and on
// Node 20 (past its end of life) the data dir is refused in one line naming the Node it needs.
describe("the emulator's command on the oldest Nodes", () => {
  const command = (version: string) => nodeBinaries[version] as string;
  const cli = () => join(project.dir, "node_modules/@authsignal-ts/emulator/bin/authsignal-emulator.js");
  const authorization = `Basic ${btoa("sk_emulator_server:")}`;

  async function start(version: string, dataDir: string) {
    return startReadyChild({
      name: `authsignal-emulator on Node ${version}`,
      command: command(version),
      args: [cli(), "--port", "0", "--data-dir", dataDir],
      env: childEnv,
      readyPattern: /Authsignal emulator listening on (http:\/\/\S+)/,
      timeoutMs: RUN_TIMEOUT_MS,
    });
  }

  it(`Node ${NODE_22} keeps the state in a data dir across a restart`, async () => {
    const dataDir = join(project.dir, "emulator-data");
    const first = await start(NODE_22, dataDir);
    try {
      const response = await fetch(`${first.ready}/v1/users/usr_1`, {
        method: "PATCH",
        headers: { authorization, "content-type": "application/json" },
        body: JSON.stringify({ username: "kept" }),
      });
      expect(response.status).toBe(200);
      first.child.kill("SIGKILL");
      await first.closed;
    } finally {
      await first.stop();
    }
    const second = await start(NODE_22, dataDir);
    try {
      const response = await fetch(`${second.ready}/v1/users/usr_1`, { headers: { authorization } });
      expect(await response.json()).toMatchObject({ userId: "usr_1", username: "kept" });
      second.child.kill("SIGTERM");
      expect(await second.closed).toEqual({ code: 0, signal: null });
    } finally {
      await second.stop();
    }
  });

  it(`Node ${NODE_20} refuses a data dir, naming the Node it needs`, async () => {
    const run = runProcess(command(NODE_20), [cli(), "--port", "0", "--data-dir", join(project.dir, "data-20")], {
      env: childEnv,
      timeoutMs: RUN_TIMEOUT_MS,
    });
    await expect(run).rejects.toThrow(
      `authsignal-emulator: --data-dir ${join(project.dir, "data-20")}: keeping the state on disk needs node:sqlite, in Node 22.13 or later; this is Node ${NODE_20}`,
    );
  });
});
