// A Prism proxy (with --errors) of each API's bundled spec, each in front of its own upstream that
// answers what the test queued (upstream.ts). The emulator mode has the emulator's own harness
// instead (emulator-fixture.ts).
import { join } from "node:path";
import { apiNamed, loadApis, repoRoot } from "@authsignal-ts/scripts/spec/apis";
import { type PrismMock, startPrismProxy } from "@authsignal-ts/scripts/testing/prism";
import { startUpstream, type Upstream } from "./upstream.ts";

export interface ValidatingProxy {
  /** Where to send requests: Prism, which serves the spec's paths without the base path. */
  url: string;
  upstream: Upstream;
}

/** Starts a proxy per API name, each in front of a recorded-answer upstream; `stop` ends them all. */
export async function startProxies<Name extends string>(
  names: readonly Name[],
): Promise<{ proxies: Record<Name, ValidatingProxy>; stop: () => Promise<void> }> {
  const { apis } = await loadApis();
  const running: { prism?: PrismMock; upstream: Upstream }[] = [];
  const stop = async () => {
    await Promise.all(running.map(({ prism, upstream }) => Promise.all([prism?.stop(), upstream.close()])));
  };
  try {
    const entries = await Promise.all(
      names.map(async (name) => {
        const specPath = join(repoRoot, apiNamed(apis, name).specPath);
        const upstream = await startUpstream();
        const entry: { prism?: PrismMock; upstream: Upstream } = { upstream };
        running.push(entry);
        entry.prism = await startPrismProxy(specPath, upstream.url);
        return [name, { url: entry.prism.baseUrl, upstream }] as const;
      }),
    );
    return { proxies: Object.fromEntries(entries) as Record<Name, ValidatingProxy>, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** What Prism found wrong with an exchange: the request (422) or the upstream's response (500). */
export function violationsOf(response: Response, body: string): string[] {
  const header = response.headers.get("sl-violations");
  const fromHeader = header ? (JSON.parse(header) as { location: string[]; message: string }[]) : [];
  const fromBody =
    response.headers.get("content-type")?.includes("application/problem+json") === true
      ? ((JSON.parse(body) as { validation?: { location: string[]; message: string }[] }).validation ?? [])
      : [];
  return [...fromHeader, ...fromBody].map((violation) => `${violation.location.join(".")}: ${violation.message}`);
}
