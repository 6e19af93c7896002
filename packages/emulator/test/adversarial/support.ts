// The adversarial suite's harness: the real CLI in a child process on loopback, one per file where
// cases do not interfere (reset between cases), and requests sent raw with node:http, so a case can
// send what our clients refuse to (a wrong Host, a broken body, an invalid path).
import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ReadyChild, startReadyChild } from "@authsignal-ts/scripts/testing/child-process";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import { DEFAULT_MANAGEMENT_SECRET, DEFAULT_SERVER_SECRET, type EmulatorSeed } from "../../src/index.ts";
import { cliArgs, readyPattern } from "../cli/command.ts";

/** The IDs every reserved-key case tries: the names an object inherits from Object.prototype. */
export const reservedWords = ["__proto__", "constructor", "toString"] as const;

/** What every file's emulator starts from, so that a normal track has a rule to decide it. */
export const healthSeed = {
  actionConfigurations: [{ actionCode: "healthCheck", defaultUserActionResult: "ALLOW" }],
  rules: [
    {
      actionCode: "healthCheck",
      ruleId: "health-block",
      name: "Block high risk",
      isActive: true,
      priority: 0,
      type: "BLOCK",
      conditions: { "==": [{ var: "custom.risk" }, "high"] },
    },
  ],
} satisfies EmulatorSeed;

export interface RawRequest {
  method?: string;
  /** Sent as written: dot segments and percent-encoding reach the server untouched. */
  path: string;
  headers?: Record<string, string | number>;
  body?: string | Buffer;
}

/** A JSON value a test reads whatever field of it asserts on, or changes (an exported state). */
// biome-ignore lint/suspicious/noExplicitAny: the tests read and change whatever field they assert on
export type Json = any;

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The body as JSON, undefined when it is empty or not JSON. */
  json: Json;
}

/** One request on its own connection, with no header added but Host (unless given) and Content-Length. */
export function rawRequest(
  url: string,
  { method = "GET", path, headers = {}, body }: RawRequest,
): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: hostname, port, method, path, headers, agent: false, setHost: !hasHeader(headers, "host") },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("error", reject);
        incoming.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: unknown;
          try {
            json = text === "" ? undefined : JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text, json });
        });
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

const hasHeader = (headers: Record<string, unknown>, name: string) =>
  Object.keys(headers).some((key) => key.toLowerCase() === name);

export const basic = (secret: string) => `Basic ${Buffer.from(`${secret}:`).toString("base64")}`;

export interface CliEmulator {
  /** `http://127.0.0.1:PORT`, as the CLI printed it. */
  url: string;
  port: number;
  child: ReadyChild;
  raw(request: RawRequest): Promise<RawResponse>;
  /** A Server API request with the Server key and a JSON body. */
  server(method: string, path: string, body?: unknown): Promise<RawResponse>;
  /** A Management API request (the path below /v1/management) with the Management key. */
  management(method: string, path: string, body?: unknown): Promise<RawResponse>;
  /** A test-only API request (the path below /_emulator/v1), as connectEmulator sends it. */
  testApi(method: string, path: string, body?: unknown): Promise<RawResponse>;
  stop(): Promise<void>;
}

export interface CliOptions {
  seed?: object;
  /** More arguments for the CLI, after `--port 0` and the seed's. */
  args?: string[];
}

/** A fresh temporary file holding `value` as JSON. */
export function jsonFile(value: unknown, name = "file.json"): string {
  const file = join(mkdtempSync(join(tmpdir(), "emulator-adversarial-")), name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

const json = (body: unknown) =>
  body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) };

/** Starts the CLI from its sources and resolves at its ready line. */
export async function startEmulatorCli({ seed = healthSeed, args = [] }: CliOptions = {}): Promise<CliEmulator> {
  const child = await startReadyChild({
    name: "The emulator CLI",
    args: [...cliArgs, "--port", "0", "--seed", jsonFile(seed, "seed.json"), ...args],
    readyPattern,
    timeoutMs: 30_000,
  });
  const url = child.ready;
  const raw = (request: RawRequest) => rawRequest(url, request);
  const withKey = (secret: string, base: string) => (method: string, path: string, body?: unknown) => {
    const { headers = {}, ...rest } = json(body);
    return raw({ method, path: `${base}${path}`, headers: { ...headers, authorization: basic(secret) }, ...rest });
  };
  return {
    url,
    port: Number(new URL(url).port),
    child,
    raw,
    server: withKey(DEFAULT_SERVER_SECRET, "/v1"),
    management: withKey(DEFAULT_MANAGEMENT_SECRET, "/v1/management"),
    testApi: (method, path, body) => raw({ method, path: `/_emulator/v1${path}`, ...json(body) }),
    stop: child.stop,
  };
}

/** Whether a normal track still answers as the health seed's rule says, without asserting. */
async function trackAnswers(cli: CliEmulator): Promise<string | undefined> {
  const decide = async (risk: string) => {
    const idempotencyKey = randomUUID();
    const { status, json: body } = await cli.server("POST", "/users/health-user/actions/healthCheck", {
      idempotencyKey,
      email: "health@example.com",
      custom: { risk },
    });
    return { status, body, idempotencyKey };
  };
  const blocked = await decide("high");
  if (blocked.status !== 200 || blocked.body?.state !== "BLOCK" || blocked.body.ruleIds?.[0] !== "health-block") {
    return `a high-risk track answered ${blocked.status} ${JSON.stringify(blocked.body)}`;
  }
  const allowed = await decide("low");
  if (
    allowed.status !== 200 ||
    allowed.body?.state !== "ALLOW" ||
    allowed.body.idempotencyKey !== allowed.idempotencyKey
  ) {
    return `a low-risk track answered ${allowed.status} ${JSON.stringify(allowed.body)}`;
  }
  return undefined;
}

/** How every case ends: a normal track, after whatever the case sent, still answers correctly. */
export async function expectNormalTrack(cli: CliEmulator): Promise<void> {
  expect(await trackAnswers(cli)).toBeUndefined();
}

/**
 * One CLI for the whole file, back to its seed before each case. A case that leaves the process
 * unable to answer a normal track (the failures this suite exists to catch) gets a fresh process
 * after it, so one broken case does not fail the cases after it.
 */
export function useEmulatorCli(options: CliOptions = {}): () => CliEmulator {
  let cli: CliEmulator | undefined;
  beforeAll(async () => {
    cli = await startEmulatorCli(options);
  });
  afterAll(async () => {
    await cli?.stop();
  });
  beforeEach(async () => {
    const reset = await cli?.testApi("POST", "/reset");
    expect(reset?.status).toBe(200);
  });
  afterEach(async () => {
    if (!cli) return;
    const problem = await trackAnswers(cli).catch((error: Error) => error.message);
    if (problem === undefined) return;
    await cli.stop();
    cli = await startEmulatorCli(options);
  });
  return () => {
    if (!cli) throw new Error("The emulator CLI has not started");
    return cli;
  };
}

/**
 * Starts the CLI expecting it to refuse: exit code 2 before its ready line. Resolves with what it
 * printed; a CLI that starts instead is stopped at once and fails the test.
 */
export async function expectStartRefused(options: CliOptions): Promise<string> {
  let started: CliEmulator;
  try {
    started = await startEmulatorCli(options);
  } catch (error) {
    const message = (error as Error).message;
    expect(message).toContain("exited with code 2 before it was ready");
    return message.slice(message.indexOf("\n") + 1);
  }
  await started.stop();
  throw new Error("The emulator CLI started; it should have refused to");
}
