// The guard of the test-only API on the network. That API takes no key, hands out every OTP, the
// token secret and the session key, and resets, imports and moves the clock, so a browser must not
// reach it on another site's behalf: by DNS rebinding (a name the attacker controls, resolved to
// 127.0.0.1, arrives as the request's Host), or by a cross-origin request (a page's fetch, or a
// form's simple POST, which needs no preflight). Vite (CVE-2025-24010) and webpack-dev-server
// (CVE-2025-30359) closed the same holes the same way: the Host must be one the server knows, and
// requests from other origins are refused. The console (http/console.ts) shows the same secrets, so
// it has the same guard; the pre-built UI, which other origins open and frame, has a policy of its own.
import { builtin } from "./builtins.ts";
import type { Answer, Call, HeaderReader } from "./exchange.ts";
import { errorResponse } from "./responses.ts";

const { isIP } = builtin<typeof import("node:net")>("node:net");

export interface HostPolicy {
  /**
   * Names the emulator answers to besides loopback names and IP addresses: the host it was started
   * on, and the `--allowed-host` ones. A leading dot allows a domain and its subdomains.
   */
  allowedHosts: readonly string[];
}

const hostName = /^\.?[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$/i;

/** The problem with a name given as an allowed host, or undefined: a host name, no port or scheme. */
export function allowedHostProblem(value: string, what: string): string | undefined {
  if (value.length <= 253 && hostName.test(value)) return undefined;
  return `${what} must be a host name, such as emulator or .example.test (a domain and its subdomains), not ${JSON.stringify(value)}`;
}

/** The host name of a Host header or an origin's host: lower case, without port, brackets or a final dot. */
function hostnameOf(host: string): string {
  const bracketed = /^\[([^\]]*)\](?::\d*)?$/.exec(host);
  const name = bracketed ? (bracketed[1] as string) : host.replace(/:\d*$/, "");
  return name.toLowerCase().replace(/\.$/, "");
}

/**
 * Whether a Host names this emulator safely: an IP address (DNS rebinding needs a name), localhost
 * or a name under .localhost (which resolve only to this machine), or an allowed name.
 */
export function isAllowedHost(host: string, policy: HostPolicy): boolean {
  const name = hostnameOf(host);
  if (isIP(name) !== 0 || name === "localhost" || name.endsWith(".localhost")) return true;
  return policy.allowedHosts.some((allowed) => {
    const wanted = allowed.toLowerCase();
    return wanted.startsWith(".") ? name === wanted.slice(1) || name.endsWith(wanted) : name === wanted;
  });
}

const forbidden = (description: string) => errorResponse(403, "forbidden", description);

/** Whether a request carries a body: a length above 0, or one sent in chunks. */
const hasBody = (headers: HeaderReader) =>
  Number(headers.get("content-length") ?? 0) > 0 || headers.get("transfer-encoding") !== null;

const isJson = (type: string) => /^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type);

/**
 * The answer refusing a request the test-only API must not take, or undefined for one it may: a
 * Host that is missing or not allowed, a cross-origin browser request (a foreign Origin, or
 * Sec-Fetch-Site other than same-origin or none), or a body that is not JSON (a page can send a
 * text/plain or form body to any origin without a preflight; it cannot send JSON). A cross-site GET
 * navigation passes: a person may open a magic link's `link` from their mail, and the page that sent
 * them reads nothing.
 */
export function guardTestApi(request: Call, policy: HostPolicy, what = "The test-only API"): Answer | undefined {
  const headers = { get: request.header };
  const host = headers.get("host");
  if (host === null || host === "") {
    return forbidden(`${what} answers only requests that name their host (a Host header).`);
  }
  if (!isAllowedHost(host, policy)) {
    const name = hostnameOf(host);
    return forbidden(
      `${what} answers only a loopback name, an IP address or an allowed host, and ${name} is none of them; if it names this emulator, start it with --allowed-host ${name} (startEmulator: allowedHosts).`,
    );
  }
  const origin = headers.get("origin");
  if (origin !== null && origin !== `http://${host.toLowerCase()}`) {
    return forbidden(`${what} answers no cross-origin request, and this one comes from ${origin}.`);
  }
  const site = headers.get("sec-fetch-site");
  const navigation =
    (request.method === "GET" || request.method === "HEAD") && headers.get("sec-fetch-mode") === "navigate";
  if (site !== null && site !== "same-origin" && site !== "none" && !navigation) {
    return forbidden(`${what} answers no cross-site request (Sec-Fetch-Site: ${site}).`);
  }
  const type = headers.get("content-type") ?? "";
  if (hasBody(headers) && !isJson(type)) {
    return errorResponse(
      415,
      "unsupported_media_type",
      `${what} takes JSON bodies only (Content-Type: application/json), which no page can send to another origin without asking first; this one is ${type === "" ? "untyped" : type}.`,
    );
  }
  return undefined;
}
