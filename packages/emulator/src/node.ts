// startEmulator: the emulator served on node:http, for test setups (vitest globalSetup) and the CLI.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { builtin } from "./builtins.ts";
import { createEmulator, type Emulator, type EmulatorOptions } from "./emulator.ts";

// Not imported (builtins.ts): node:http's facade would load all of undici before the server listens.
const { createServer } = builtin<typeof import("node:http")>("node:http");
const { Readable } = builtin<typeof import("node:stream")>("node:stream");

export interface StartEmulatorOptions extends EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1, so nothing outside the machine can reach it. */
  host?: string;
}

export interface RunningEmulator {
  /** `http://HOST:PORT` */
  url: string;
  /** The Server API base URL, `…/v1`: pass it as `baseUrl` to createServerClient. */
  serverApiUrl: string;
  /** The Management API base URL, `…/v1/management`. */
  managementApiUrl: string;
  emulator: Emulator;
  /** Stops listening and closes open connections. */
  stop(): Promise<void>;
}

function toRequest(incoming: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = incoming.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(new URL(incoming.url ?? "/", origin), {
    method,
    headers,
    ...(hasBody && { body: Readable.toWeb(incoming) as ReadableStream, duplex: "half" }),
  } as RequestInit);
}

async function send(response: Response, outgoing: ServerResponse): Promise<void> {
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}

export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const { port = 0, host = "127.0.0.1", ...emulatorOptions } = options;
  const emulator = createEmulator(emulatorOptions);
  let origin = "";
  const server = createServer((incoming, outgoing) => {
    emulator
      .fetch(toRequest(incoming, origin))
      .then((response) => send(response, outgoing))
      .catch(() => outgoing.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`Port ${port} on ${host} is already in use; pick another with --port (0 picks a free one).`)
          : error,
      );
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostInUrl = address.family === "IPv6" ? `[${address.address}]` : address.address;
  origin = `http://${hostInUrl}:${address.port}`;
  return {
    url: origin,
    serverApiUrl: `${origin}/v1`,
    managementApiUrl: `${origin}/v1/management`,
    emulator,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
