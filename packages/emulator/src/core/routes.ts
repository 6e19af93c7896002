// Matching a request to a route of a table: the generated table of each API's operations (from
// the bundled specs) and the test-only API's. Literal segments win over parameters (`POST
// /users/authenticators` is enrollVerifiedAuthenticators, not an update of a user called
// "authenticators").
import type { Operation } from "../spec/operation.ts";
import { type ApiName, apiTables } from "../spec/tables.ts";

export type { Operation } from "../spec/operation.ts";

/** What a table's routes have in common: a method and the path template's segments (`{name}` a parameter). */
export interface RouteEntry {
  method: string;
  segments: readonly string[];
}

export type TableMatch<Route> =
  | { kind: "route"; route: Route; pathParams: Record<string, string> }
  | { kind: "method-not-allowed"; allow: string[] }
  | { kind: "not-found" }
  | { kind: "bad-path"; description: string };

export type RouteMatch =
  | { kind: "operation"; operation: Operation; pathParams: Record<string, string> }
  | Exclude<TableMatch<Operation>, { kind: "route" }>;

/** Lower is more specific: each position holds 0 for a literal, 1 for a parameter. */
function specificity(segments: readonly string[]): string {
  return segments.map((segment) => (segment.startsWith("{") ? "1" : "0")).join("");
}

/** Matches a path below the table's base path (`/users/usr_1`) and a method to one of `routes`. */
export function matchRouteIn<Route extends RouteEntry>(
  routes: readonly Route[],
  path: string,
  method: string,
): TableMatch<Route> {
  const rawSegments = path.split("/").slice(1);
  const candidates: { route: Route; params: Record<string, string> }[] = [];
  for (const route of routes) {
    if (route.segments.length !== rawSegments.length) continue;
    const params: Record<string, string> = {};
    let matches = true;
    for (let index = 0; index < rawSegments.length && matches; index++) {
      const expected = route.segments[index] as string;
      const actual = rawSegments[index] as string;
      if (expected.startsWith("{")) {
        if (actual === "") matches = false;
        else params[expected.slice(1, -1)] = actual;
      } else matches = expected === actual;
    }
    if (matches) candidates.push({ route, params });
  }
  if (candidates.length === 0) return { kind: "not-found" };
  // Equal-length strings of 0s and 1s: plain comparison, not localeCompare, whose first call loads ICU.
  candidates.sort((a, b) => {
    const [left, right] = [specificity(a.route.segments), specificity(b.route.segments)];
    return left < right ? -1 : left > right ? 1 : 0;
  });
  const chosen = candidates.find((candidate) => candidate.route.method === method);
  if (!chosen) return { kind: "method-not-allowed", allow: [...new Set(candidates.map((c) => c.route.method))] };
  const pathParams: Record<string, string> = {};
  for (const [name, value] of Object.entries(chosen.params)) {
    try {
      // Some SDKs percent-encode path parameters and some do not; both arrive decoded here.
      pathParams[name] = decodeURIComponent(value);
    } catch {
      return { kind: "bad-path", description: `path.${name} is not valid percent-encoding` };
    }
  }
  return { kind: "route", route: chosen.route, pathParams };
}

/** Matches a path below the API's base path and a method to an operation; loadApiTables first. */
export function matchRoute(api: ApiName, path: string, method: string): RouteMatch {
  const match = matchRouteIn(apiTables(api).operations, path, method);
  return match.kind === "route" ? { kind: "operation", operation: match.route, pathParams: match.pathParams } : match;
}
