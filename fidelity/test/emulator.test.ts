// The emulator mode: every case's request, sent through a Prism proxy (--errors) with the
// emulator as the upstream instead of a recorded answer (the emulator's Prism harness). The emulator answers from its own state
// (the fidelity seed and staging of src/emulator-fixture.ts, restored before each case), so its
// answer need not equal the recorded one; what must hold is that Prism finds nothing wrong with
// the request or the emulator's response, and that an error status is one the operation
// documents. The status each case got is kept in emulator-statuses/cases.md, so a change shows in review.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FidelityCase } from "../src/case.ts";
import { apiNames, describeSource, loadCases } from "../src/cases.ts";
import {
  arrangeFor,
  documentedStatuses,
  type FidelityEmulator,
  fidelitySecret,
  startFidelityEmulator,
} from "../src/emulator-fixture.ts";

/** The APIs the emulator serves, each behind its own Prism proxy. */
const emulated = ["server", "management"] as const;
/** Why the other APIs' cases do not run in this mode. */
const notEmulated: Record<string, string> = {
  "call-connect":
    "Call Connect is a separate service (its own host, not under /v1), which the emulator does not serve.",
  client:
    "The Client API's cases send the official SDK's own tokens, which no emulator signed; the emulator's Client API is proven through Prism by its conformance suite (packages/emulator/test/conformance/client.test.ts).",
};

type EmulatedApi = (typeof emulated)[number];

const casesByApi = Object.fromEntries(
  await Promise.all(emulated.map(async (api) => [api, await loadCases(api)])),
) as Record<EmulatedApi, FidelityCase[]>;
const answered: { api: string; fidelityCase: FidelityCase; status: number }[] = [];

let emulator: FidelityEmulator<EmulatedApi>;

beforeAll(async () => {
  emulator = await startFidelityEmulator(emulated);
});
afterAll(async () => {
  await emulator?.harness.stop();
});
it("runs every API's cases, or says why the emulator does not serve it", () => {
  expect(apiNames.filter((api) => !(emulated as readonly string[]).includes(api) && !(api in notEmulated))).toEqual([]);
});

describe.each(emulated)("%s through the emulator", (api) => {
  it.each(casesByApi[api])("$name", async (fidelityCase) => {
    await emulator.restore();
    await arrangeFor(emulator.harness.url, fidelityCase);
    const query = fidelityCase.query ? `?${new URLSearchParams(fidelityCase.query)}` : "";
    const response = await fetch(`${emulator.harness[`${api}ApiUrl`]}${fidelityCase.path}${query}`, {
      method: fidelityCase.method,
      headers: {
        authorization: `Basic ${btoa(`${fidelitySecret}:`)}`,
        ...(fidelityCase.body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: fidelityCase.body === undefined ? undefined : JSON.stringify(fidelityCase.body),
    });
    const text = await response.text();
    const source = describeSource(fidelityCase.source);
    expect(emulator.harness.takeFindings(), `Prism found the exchange breaks our spec; from ${source}`).toEqual([]);
    expect(documentedStatuses(api, fidelityCase.operation), `${text}; from ${source}`).toContain(
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
