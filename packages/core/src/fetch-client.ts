import createClient, { type Client } from "openapi-fetch";
import { type ClientOptions, type PackageIdentity, resolveConfig } from "./config.ts";
import { createTransport } from "./transport.ts";

/**
 * An openapi-fetch client (`{ data, error, response }` results, no throwing) that shares the
 * typed client's configuration and transport.
 */
export function createFetchClient<Paths extends {}>(
  definition: { identity: PackageIdentity; servers: Readonly<Record<string, string>> },
  options: ClientOptions,
): Client<Paths> {
  const config = resolveConfig(options, definition.servers, definition.identity);
  const transport = createTransport(config);
  return createClient<Paths>({ baseUrl: config.baseUrl, fetch: transport.fetch });
}
