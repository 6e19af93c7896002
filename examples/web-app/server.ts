// The example web app's server: its page (page.ts on the official web SDK, @authsignal/browser,
// bundled for the browser when the server starts) and the calls an app's backend makes for it:
// track an action and hand the page its token, validate the token a verification returned, and
// for the pre-built UI, track with a redirect URL and validate the token it comes back with.
// It knows the Server API's secret; the page knows only the tenant ID and the API's URL.
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createServerClient } from "@authsignal-ts/server";
import { build } from "esbuild";

export interface WebAppOptions {
  /** The Server API's base URL (`…/v1`) and secret key: the app's backend calls it. */
  serverApiUrl: string;
  serverSecret: string;
  /** What the page gives `new Authsignal()`: the tenant ID and the API's base URL, ending in `/v1`. */
  tenantId: string;
  baseUrl: string;
  /** 0 (the default) picks a free port. */
  port?: number;
}

export interface RunningWebApp {
  /** `http://localhost:PORT`: a secure context, as WebAuthn needs, without TLS. */
  url: string;
  stop(): Promise<void>;
}

async function bundlePage(): Promise<string> {
  const result = await build({
    entryPoints: [new URL("./page.ts", import.meta.url).pathname],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]?.text ?? "";
}

async function jsonBody(request: IncomingMessage): Promise<Record<string, string>> {
  let text = "";
  for await (const chunk of request) text += chunk;
  return text === "" ? {} : (JSON.parse(text) as Record<string, string>);
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function callbackPage(heading: string, validated: unknown): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(heading)}</title></head>
<body><h1>${escapeHtml(heading)}</h1><pre id="result">${escapeHtml(JSON.stringify(validated))}</pre></body></html>`;
}

export async function startWebApp(options: WebAppOptions): Promise<RunningWebApp> {
  const server = createServerClient({ apiSecretKey: options.serverSecret, baseUrl: options.serverApiUrl });
  const page = readFileSync(new URL("./index.html", import.meta.url), "utf8");
  const script = await bundlePage();
  const config = JSON.stringify({ tenantId: options.tenantId, baseUrl: options.baseUrl });

  let appUrl = "";
  const routes: Record<string, (request: IncomingMessage) => Promise<[string, string]>> = {
    "GET /": async () => ["text/html", page],
    "GET /app.js": async () => ["text/javascript", script],
    "GET /config.json": async () => ["application/json", config],
    // A page asks for a token to act for a user; a real app takes the user from its own session.
    "POST /api/track": async (request) => {
      const { userId = "", action = "", scope } = await jsonBody(request);
      const tracked = await server.track({ userId, action, attributes: scope ? { scope } : {} });
      return ["application/json", JSON.stringify({ token: tracked.token, state: tracked.state })];
    },
    // The pre-built UI: where to send the user, and the page they come back to with a token.
    "POST /api/prebuilt-ui": async (request) => {
      const { userId = "", action = "", popup } = await jsonBody(request);
      // A popup answers the page that opened it, so its track needs no redirect URL.
      const attributes = popup ? {} : { redirectUrl: `${appUrl}/callback` };
      const tracked = await server.track({ userId, action, attributes });
      return ["application/json", JSON.stringify({ url: tracked.url })];
    },
    "GET /callback": async (request) => {
      const token = new URL(request.url ?? "/", "http://app").searchParams.get("token") ?? "";
      const validated = await server.validateChallenge({ token });
      if (!validated.isValid) return ["text/html", callbackPage("Not signed in", validated)];
      // Signed in: the app's own session, as Authsignal's session API issues it.
      const session = await server.createSession({ token, clientId: "example-web-app" });
      const signedIn = { ...validated, session: { accessToken: session.accessToken !== undefined } };
      return ["text/html", callbackPage(`Signed in as ${validated.userId}`, signedIn)];
    },
    "POST /api/validate": async (request) => {
      const { token = "" } = await jsonBody(request);
      return ["application/json", JSON.stringify(await server.validateChallenge({ token }))];
    },
  };

  const http = createServer((request: IncomingMessage, response: ServerResponse) => {
    const route = routes[`${request.method} ${new URL(request.url ?? "/", "http://app").pathname}`];
    if (!route) {
      response.writeHead(404).end();
      return;
    }
    route(request).then(
      ([type, body]) => response.writeHead(200, { "content-type": type }).end(body),
      (error: unknown) => response.writeHead(500, { "content-type": "text/plain" }).end(String(error)),
    );
  });
  await new Promise<void>((resolve) => http.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  appUrl = `http://localhost:${port}`;
  return {
    url: `http://localhost:${port}`,
    // A browser's keep-alive connection would otherwise hold the stop (and Ctrl-C) open.
    stop: () =>
      new Promise((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  };
}
