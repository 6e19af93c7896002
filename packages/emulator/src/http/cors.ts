// CORS for the Client API, which a user's browser calls from the app's own origin. A preflight is
// answered without credentials; every answer names the origin that asked, and allows credentials,
// which the web SDK's cookie routes (`…/web`) send. Any origin is answered: the tenant ID is public,
// and the live API answers every app's pages (a documented guess). Only `/v1/client` answers
// cross-origin: the Server and Management APIs are for servers, and the test-only API is same-origin.
import type { Answer } from "./exchange.ts";

/** The headers the official web SDK's requests carry beyond the CORS-safelisted ones. */
const allowedHeaders = "authorization, content-type";

function corsHeaders(origin: string | null): Record<string, string> {
  // A page's Origin is one of its origins or "null" (a sandboxed frame, a file): both are echoed.
  if (origin === null) return {};
  return { "access-control-allow-origin": origin, "access-control-allow-credentials": "true", vary: "Origin" };
}

/** The answer to a preflight (`OPTIONS` with Access-Control-Request-Method) of any Client API path. */
export function preflightAnswer(origin: string | null): Answer {
  return {
    status: 204,
    headers: {
      ...corsHeaders(origin),
      "access-control-allow-methods": "GET, POST, DELETE, OPTIONS",
      "access-control-allow-headers": allowedHeaders,
      "access-control-max-age": "600",
    },
  };
}

/** The answer, readable by the page at `origin`. */
export function withCors(answer: Answer, origin: string | null): Answer {
  Object.assign(answer.headers, corsHeaders(origin));
  return answer;
}
