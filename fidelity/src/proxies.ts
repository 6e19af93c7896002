// A Prism proxy (with --errors) of each API's bundled spec, each in front of its own upstream: by
// default a recorded-answer upstream (upstream.ts), or whatever `startUpstreamFor` starts, such as
// the emulator.
import { join } from "node:path";
import { apiNamed, loadApis, repoRoot } from "@authsignal-ts/scripts/spec/apis";
import { type PrismMock, startPrismProxy } from "@authsignal-ts/scripts/testing/prism";
import { startUpstream, type Upstream } from "./upstream.ts";

/** What a proxy forwards to: its base URL, and how to stop it. */
export interface ProxyUpstream {
  url: string;
  close(): Promise<void>;
}

export interface ValidatingProxy<Target extends ProxyUpstream = Upstream> {
  /** Where to send requests: Prism, which serves the spec's paths without the base path. */
  url: string;
  /** The bundled spec the proxy validates against. */
  specPath: string;
  upstream: Target;
}

type Started<Name extends string, Target extends ProxyUpstream> = {
  proxies: Record<Name, ValidatingProxy<Target>>;
  stop: () => Promise<void>;
};

/** Starts a proxy per API name, each in front of a recorded-answer upstream; `stop` ends them all. */
export function startProxies<Name extends string>(names: readonly Name[]): Promise<Started<Name, Upstream>>;
/** Starts a proxy per API name, each in front of the upstream `startUpstreamFor` starts. */
export function startProxies<Name extends string, Target extends ProxyUpstream>(
  names: readonly Name[],
  startUpstreamFor: (name: Name) => Promise<Target>,
): Promise<Started<Name, Target>>;
export async function startProxies<Name extends string>(
  names: readonly Name[],
  startUpstreamFor: (name: Name) => Promise<ProxyUpstream> = startUpstream,
): Promise<Started<Name, ProxyUpstream>> {
  const { apis } = await loadApis();
  const running: { prism?: PrismMock; upstream: ProxyUpstream }[] = [];
  const stop = async () => {
    await Promise.all(running.map(({ prism, upstream }) => Promise.all([prism?.stop(), upstream.close()])));
  };
  try {
    const entries = await Promise.all(
      names.map(async (name) => {
        const specPath = join(repoRoot, apiNamed(apis, name).specPath);
        const upstream = await startUpstreamFor(name);
        const entry: { prism?: PrismMock; upstream: ProxyUpstream } = { upstream };
        running.push(entry);
        entry.prism = await startPrismProxy(specPath, upstream.url);
        return [name, { url: entry.prism.baseUrl, specPath, upstream }] as const;
      }),
    );
    return { proxies: Object.fromEntries(entries) as Record<Name, ValidatingProxy<ProxyUpstream>>, stop };
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
