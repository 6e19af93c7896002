import createClient, { type Client } from "openapi-fetch";
import { type ClientOptions, type PackageIdentity, resolveConfig } from "./config.ts";
import type { OperationTable } from "./operation.ts";
import { fillPath } from "./request.ts";
import { createTransport, type Transport } from "./transport.ts";

// HTTP's own idempotent methods; a POST through openapi-fetch is never assumed safe to repeat.
const idempotentMethods = new Set(["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE"]);
const nullBodyStatuses = new Set([101, 204, 205, 304]);
const methods = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

/**
 * An openapi-fetch client (`{ data, error, response }` results, no throwing) that shares the
 * typed client's configuration and transport: auth, timeouts, retries, and the path checks of
 * the methods, which reject a bad path parameter before anything is sent.
 */
export function createFetchClient<Paths extends {}>(
  definition: {
    identity: PackageIdentity;
    servers: Readonly<Record<string, string>>;
    operations: Partial<OperationTable>;
  },
  options: ClientOptions,
): Client<Paths> {
  const transport = createTransport(resolveConfig(options, definition.servers, definition.identity));
  const { baseUrl } = transport.config;
  const patterns = new Map(
    Object.values(definition.operations).map((operation) => [operation?.path, operation?.patterns]),
  );
  const client = createClient<Paths>({
    baseUrl,
    fetch: (request) => sendRequest(transport, request),
    // openapi-fetch passes the base URL and the template; the base URL has no placeholders.
    pathSerializer: (url, values) => fillPath(url, patterns.get(url.slice(baseUrl.length)), values),
  });
  // openapi-fetch skips the serializer when a call has no path parameters at all, which would
  // send `{userId}` itself; an empty set makes the serializer run and refuse the missing one.
  const withPath = (init?: { params?: { path?: object } }) => ({
    ...init,
    params: { ...init?.params, path: init?.params?.path ?? {} },
  });
  const wrapped = client as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const method of methods) {
    const send = wrapped[method];
    if (send) wrapped[method] = (url, init) => send(url, withPath(init as never));
  }
  const request = wrapped.request;
  if (request) wrapped.request = (method, url, init) => request(method, url, withPath(init as never));
  return client;
}

/** Sends an openapi-fetch Request through the transport; HTTP errors stay responses. */
export async function sendRequest(transport: Transport, request: Request): Promise<Response> {
  const headers: Record<string, string> = { ...transport.config.headers };
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers.authorization = transport.config.authorization;
  // Read once so every attempt can send the same bytes.
  const body = request.body === null ? undefined : await request.arrayBuffer();
  const outgoing = { method: request.method, url: request.url, headers, body };
  const received = await transport.send(outgoing, idempotentMethods.has(request.method), { signal: request.signal });
  const { status, statusText } = received;
  return new Response(nullBodyStatuses.has(status) ? null : received.text, {
    status,
    statusText,
    headers: received.headers,
  });
}
