// The `/fetch-client` entry point: an openapi-fetch client on the methods' request builder and
// transport. openapi-fetch builds the query and body; the path goes through the methods' path
// rule, and each request, matched to its operation by method and path template, through the
// same headers, auth, idempotency and retries as a method's.
import createClient, { type Client } from "openapi-fetch";
import { type ApiDefinition, type ClientOptions, resolveConfig, type TransportOptions } from "./config.ts";
import type { OperationSpec, OperationTable } from "./operation.ts";
import { adoptRequest, fillPath } from "./request-builder.ts";
import { resolveRequestOptions } from "./request-options.ts";
import { createTransport, type Transport } from "./transport.ts";

const nullBodyStatuses = new Set([101, 204, 205, 304]);
const methods = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

type FetchInit = { params?: { path?: object }; fetch?: unknown } | undefined;

/**
 * An openapi-fetch client (`{ data, error, response }` results, no throwing) that shares the
 * typed client's configuration and transport: auth, timeouts, retries, and the path checks of
 * the methods, which reject a bad path parameter before anything is sent.
 */
export function createFetchClient<Paths extends {}, Options = ClientOptions>(
  definition: ApiDefinition<Partial<OperationTable>, Options>,
  options: Options & TransportOptions,
): Client<Paths> {
  const transport = createTransport(resolveConfig(options, definition));
  const { baseUrl } = transport.config;
  const operations = Object.values(definition.operations) as OperationSpec[];
  const patterns = new Map(operations.map((operation) => [operation.path, operation.patterns]));
  const byRoute = new Map(operations.map((operation) => [`${operation.method} ${operation.path}`, operation]));
  const client = createClient<Paths>({
    baseUrl,
    // For any call the wrappers below do not see; it has only its method to go by.
    fetch: (request) => sendRequest(transport, request),
    // openapi-fetch passes the base URL and the template; the base URL has no placeholders.
    pathSerializer: (url, values) => fillPath(url, patterns.get(url.slice(baseUrl.length)), values),
  });
  // openapi-fetch hands its fetch only the Request, so each call gets a fetch that knows the
  // template it was made with (a fetch the caller passes for one call is theirs to use). It also
  // skips the serializer when a call has no path parameters at all, which would send `{userId}`
  // itself; an empty set makes the serializer run and refuse the missing one.
  const initFor = (template: string, init: FetchInit) => ({
    ...init,
    params: { ...init?.params, path: init?.params?.path ?? {} },
    fetch:
      init?.fetch ??
      ((request: Request) => sendRequest(transport, request, byRoute.get(`${request.method} ${template}`))),
  });
  const wrapped = client as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const method of methods) {
    const send = wrapped[method];
    if (send) wrapped[method] = (url, init) => send(url, initFor(url as string, init as FetchInit));
  }
  const request = wrapped.request;
  if (request) wrapped.request = (method, url, init) => request(method, url, initFor(url as string, init as FetchInit));
  return client;
}

/**
 * Sends an openapi-fetch Request through the request builder and the transport; HTTP errors stay
 * responses. `operation` is the table's entry for the request, when it has one.
 */
export async function sendRequest(
  transport: Transport,
  request: Request,
  operation?: OperationSpec,
): Promise<Response> {
  const { config } = transport;
  const outgoing = await adoptRequest(config, request, operation);
  const received = await transport.send(outgoing, resolveRequestOptions({ signal: request.signal }, config));
  const { status, statusText } = received;
  return new Response(nullBodyStatuses.has(status) ? null : received.text, {
    status,
    statusText,
    headers: received.headers,
  });
}
