// Replays each case through a Prism proxy (--errors) of our bundled spec. Prism refuses a request
// that breaks the spec with a 422, before it reaches the upstream, and turns an upstream response
// that breaks it into a 500. A case passes when its request reaches the upstream unchanged and
// the response (the case's own, or else the documented 404 every operation declares) comes back
// untouched.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FidelityCase } from "../src/case.ts";
import { apiNames, describeSource, loadCases } from "../src/cases.ts";
import { startProxies, type ValidatingProxy, violationsOf } from "../src/proxies.ts";

const casesByApi: Record<string, FidelityCase[]> = Object.fromEntries(
  await Promise.all(apiNames.map(async (api) => [api, await loadCases(api)])),
);
/** The answer to a case that records no response: only its request is under test. */
const notFound = { status: 404, body: { error: "not_found", errorDescription: "No such resource." } };

let proxies: Record<string, ValidatingProxy>;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ proxies, stop } = await startProxies(apiNames));
});
afterAll(() => stop?.());

describe.each(apiNames)("%s", (api) => {
  it.each(casesByApi[api] ?? [])("$name", async (fidelityCase) => {
    const proxy = proxies[api] as ValidatingProxy;
    const expected = fidelityCase.response ?? notFound;
    proxy.upstream.answer(expected);
    const query = fidelityCase.query ? `?${new URLSearchParams(fidelityCase.query)}` : "";
    const response = await fetch(`${proxy.url}${fidelityCase.path}${query}`, {
      method: fidelityCase.method,
      headers: {
        authorization: fidelityCase.authorization ?? `Basic ${btoa("sk_test_fidelity:")}`,
        ...(fidelityCase.body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: fidelityCase.body === undefined ? undefined : JSON.stringify(fidelityCase.body),
    });
    const text = await response.text();
    const source = describeSource(fidelityCase.source);
    expect(violationsOf(response, text), `Prism found the exchange breaks our spec; from ${source}`).toEqual([]);
    expect(response.status, source).toBe(expected.status);
    const [received, ...more] = proxy.upstream.received();
    expect(more, "one request reached the upstream").toEqual([]);
    expect(received?.method).toBe(fidelityCase.method);
    expect(received?.url).toBe(`${fidelityCase.path}${query}`);
    expect(received?.body).toEqual(fidelityCase.body);
    expect(text === "" ? undefined : JSON.parse(text)).toEqual(expected.body);
  });
});
