// The emulator mode: every case's request, sent through a Prism proxy (--errors) with the
// emulator as the upstream instead of a recorded answer. The emulator answers from its own state
// (the fidelity seed and staging of src/emulator-fixture.ts, restored before each case), so its
// answer need not equal the recorded one; what must hold is that Prism finds nothing wrong with
// the request or the emulator's response, and that an error status is one the operation
// documents. The status each case got is kept in emulator-statuses/cases.md, so a change shows in review.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type EmulatorState, type RunningEmulator, startEmulator } from "@authsignal-ts/emulator";
import type { OpenApiDocument } from "@authsignal-ts/scripts/spec/openapi-document";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FidelityCase } from "../src/case.ts";
import { apiNames, describeSource, loadCases } from "../src/cases.ts";
import { arrangeFor, fidelitySecret, fidelitySeed, stageFidelityState } from "../src/emulator-fixture.ts";
import { startProxies, type ValidatingProxy, violationsOf } from "../src/proxies.ts";

/** The APIs the emulator serves, by the base URL each proxy forwards to. */
const emulated = ["server", "management"] as const;
/** Why the other APIs' cases do not run in this mode. */
const notEmulated: Record<string, string> = {
  "call-connect":
    "Call Connect is a separate service (its own host, not under /v1), which the emulator does not serve.",
};

type EmulatedApi = (typeof emulated)[number];
type ProxyTarget = { url: string; close(): Promise<void> };

const casesByApi = Object.fromEntries(
  await Promise.all(emulated.map(async (api) => [api, await loadCases(api)])),
) as Record<EmulatedApi, FidelityCase[]>;
const answered: { api: string; fidelityCase: FidelityCase; status: number }[] = [];

let running: RunningEmulator;
let baseline: EmulatorState;
let proxies: Record<EmulatedApi, ValidatingProxy<ProxyTarget>>;
let stop: (() => Promise<void>) | undefined;
let documents: Record<EmulatedApi, OpenApiDocument>;

beforeAll(async () => {
  running = await startEmulator({ seed: fidelitySeed });
  baseline = await stageFidelityState(running.emulator);
  ({ proxies, stop } = await startProxies(emulated, async (api) => ({
    url: api === "server" ? running.serverApiUrl : running.managementApiUrl,
    // The emulator behind both proxies is stopped once, after them.
    close: async () => {},
  })));
  documents = Object.fromEntries(
    emulated.map((api) => [api, JSON.parse(readFileSync(proxies[api].specPath, "utf8")) as OpenApiDocument]),
  ) as Record<EmulatedApi, OpenApiDocument>;
});
afterAll(async () => {
  await stop?.();
  await running?.stop();
});

/** The statuses an operation documents, as the spec's response keys. */
function documentedStatuses(document: OpenApiDocument, operationId: string): string[] {
  for (const pathItem of Object.values(document.paths)) {
    for (const operation of Object.values(pathItem as Record<string, { operationId?: string; responses?: object }>)) {
      if (operation?.operationId === operationId) return Object.keys(operation.responses ?? {});
    }
  }
  throw new Error(`${operationId} is not an operation of the spec`);
}

it("runs every API's cases, or says why the emulator does not serve it", () => {
  expect(apiNames.filter((api) => !(emulated as readonly string[]).includes(api) && !(api in notEmulated))).toEqual([]);
});

describe.each(emulated)("%s through the emulator", (api) => {
  it.each(casesByApi[api])("$name", async (fidelityCase) => {
    running.emulator.importState(baseline);
    await arrangeFor(running.emulator, fidelityCase);
    const query = fidelityCase.query ? `?${new URLSearchParams(fidelityCase.query)}` : "";
    const response = await fetch(`${proxies[api].url}${fidelityCase.path}${query}`, {
      method: fidelityCase.method,
      headers: {
        authorization: `Basic ${btoa(`${fidelitySecret}:`)}`,
        ...(fidelityCase.body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: fidelityCase.body === undefined ? undefined : JSON.stringify(fidelityCase.body),
    });
    const text = await response.text();
    const source = describeSource(fidelityCase.source);
    expect(violationsOf(response, text), `Prism found the exchange breaks our spec; from ${source}`).toEqual([]);
    expect(response.headers.get("x-authsignal-emulator"), "the emulator answered, not Prism").not.toBeNull();
    expect(documentedStatuses(documents[api], fidelityCase.operation), `${text}; from ${source}`).toContain(
      String(response.status),
    );
    answered.push({ api, fidelityCase, status: response.status });
  });
});

describe("the emulator's answers", () => {
  it("are recorded per case in emulator-statuses/cases.md", async () => {
    const rows = answered.map(
      ({ api, fidelityCase, status }) =>
        `| ${api} | ${fidelityCase.operation} | ${fidelityCase.name.replaceAll("|", "\\|")} | ${status} |`,
    );
    const count = (test: (status: number) => boolean) => answered.filter(({ status }) => test(status)).length;
    const table = [
      "# What the emulator answers to each fidelity case",
      "",
      "Written by `test/emulator.test.ts` (`vitest run -u` rewrites it); see the README's emulator mode.",
      "",
      `${answered.length} exchanges: ${count((status) => status < 300)} answered 2xx, ${count((status) => status >= 400)} 4xx.`,
      "",
      "| API | operation | case | status |",
      "| --- | --- | --- | --- |",
      ...rows,
      "",
    ].join("\n");
    expect(answered.length).toBe(casesByApi.server.length + casesByApi.management.length);
    await expect(table).toMatchFileSnapshot(join(import.meta.dirname, "../emulator-statuses/cases.md"));
  });
});
