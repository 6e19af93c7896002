// The two bundled specs the clients are generated from, and the base path each is served under:
// the real servers' paths (`/v1`, `/v1/management`), so a client's baseUrl only swaps the origin.
// A document is read when first asked for, not when the emulator is imported: parsing both was a
// tenth of a start, and a request needs only its own API's.
import { createRequire } from "node:module";

export type ApiName = "server" | "management";

/** The parts of an OpenAPI 3.1 document the router and the validator read. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components?: { parameters?: Record<string, unknown>; schemas?: Record<string, unknown> };
}

export interface ApiSpec {
  name: ApiName;
  basePath: string;
  readonly document: OpenApiDocument;
}

// Required, so that reading one stays synchronous; the package's exports (and the
// `@authsignal-ts/source` condition, under which the sources' copy is read) choose the file.
const packages: Record<ApiName, string> = {
  management: "@authsignal-ts/management/openapi.json",
  server: "@authsignal-ts/server/openapi.json",
};
const documents: Partial<Record<ApiName, OpenApiDocument>> = {};

/** The bundled spec of the named API, read once. */
export function specDocument(name: ApiName): OpenApiDocument {
  documents[name] ??= createRequire(import.meta.url)(packages[name]) as OpenApiDocument;
  return documents[name];
}

const spec = (name: ApiName, basePath: string): ApiSpec => ({
  name,
  basePath,
  get document() {
    return specDocument(name);
  },
});

// Management first: its base path is longer, and `/v1/management/…` must never reach the Server API.
export const apiSpecs: readonly ApiSpec[] = [spec("management", "/v1/management"), spec("server", "/v1")];
