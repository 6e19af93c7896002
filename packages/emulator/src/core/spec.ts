// The two bundled specs the clients are generated from, and the base path each is served under:
// the real servers' paths (`/v1`, `/v1/management`), so a client's baseUrl only swaps the origin.
import managementSpec from "@authsignal-ts/management/openapi.json" with { type: "json" };
import serverSpec from "@authsignal-ts/server/openapi.json" with { type: "json" };

export type ApiName = "server" | "management";

/** The parts of an OpenAPI 3.1 document the router and the validator read. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components?: { parameters?: Record<string, unknown>; schemas?: Record<string, unknown> };
}

export interface ApiSpec {
  name: ApiName;
  basePath: string;
  document: OpenApiDocument;
}

// Management first: its base path is longer, and `/v1/management/…` must never reach the Server API.
export const apiSpecs: readonly ApiSpec[] = [
  { name: "management", basePath: "/v1/management", document: managementSpec as unknown as OpenApiDocument },
  { name: "server", basePath: "/v1", document: serverSpec as unknown as OpenApiDocument },
];
