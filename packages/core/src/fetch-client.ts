import createClient, { type Client } from "openapi-fetch";
import { type ClientOptions, type PackageIdentity, resolveConfig } from "./config.ts";
import { createTransport, type Transport } from "./transport.ts";

// HTTP's own idempotent methods; a POST through openapi-fetch is never assumed safe to repeat.
const idempotentMethods = new Set(["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE"]);
const nullBodyStatuses = new Set([101, 204, 205, 304]);

/**
 * An openapi-fetch client (`{ data, error, response }` results, no throwing) that shares the
 * typed client's configuration and transport: auth, timeouts and retries.
 */
export function createFetchClient<Paths extends {}>(
  definition: { identity: PackageIdentity; servers: Readonly<Record<string, string>> },
  options: ClientOptions,
): Client<Paths> {
  const transport = createTransport(resolveConfig(options, definition.servers, definition.identity));
  return createClient<Paths>({
    baseUrl: transport.config.baseUrl,
    fetch: (request) => sendRequest(transport, request),
  });
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
