// The emulator's one route table, and how a request is matched to it. Every path the emulator
// answers is here, from the root: each API's operations (the generated tables of the bundled specs,
// under /v1 and /v1/management), the test-only API's routes (under /_emulator/v1) and the issuer's
// well-known routes. Literal segments win over parameters (`POST /v1/users/authenticators` is
// enrollVerifiedAuthenticators, not an update of a user called "authenticators").
import type { Operation } from "../spec/operation.ts";
import { type ApiName, apiTables, isApiLoaded } from "../spec/tables.ts";
import { type TestApiRoute, testApiBasePath, testApiRoutes } from "./test-api-routes.ts";
import { type WellKnownRoute, wellKnownRoutes } from "./well-known.ts";

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

/**
 * A route's segments as matching reads them: the literal ones to compare, the parameters' names by
 * position. Most routes of a length differ from the path in a literal, refused before anything is
 * collected.
 */
interface Pattern<Route> {
  route: Route;
  literals: readonly (readonly [index: number, segment: string])[];
  params: readonly (readonly [index: number, name: string])[];
}

/** A table's routes by their number of segments, each list most specific first: built once per table. */
const indexes = new WeakMap<readonly RouteEntry[], Map<number, Pattern<RouteEntry>[]>>();

function indexOf<Route extends RouteEntry>(routes: readonly Route[]): Map<number, Pattern<Route>[]> {
  let index = indexes.get(routes) as Map<number, Pattern<Route>[]> | undefined;
  if (!index) {
    index = new Map();
    for (const route of routes) {
      const sameLength = index.get(route.segments.length) ?? [];
      const literals: [number, string][] = [];
      const params: [number, string][] = [];
      route.segments.forEach((segment, position) => {
        if (segment.startsWith("{")) params.push([position, segment.slice(1, -1)]);
        else literals.push([position, segment]);
      });
      sameLength.push({ route, literals, params });
      index.set(route.segments.length, sameLength);
    }
    // Equal-length strings of 0s and 1s: plain comparison, not localeCompare, whose first call loads ICU.
    for (const sameLength of index.values()) {
      sameLength.sort((a, b) => {
        const [left, right] = [specificity(a.route.segments), specificity(b.route.segments)];
        return left < right ? -1 : left > right ? 1 : 0;
      });
    }
    indexes.set(routes, index);
  }
  return index;
}

/** Whether `pattern` matches `path`'s segments: its literals equal, its parameters not empty. */
function segmentsMatch(pattern: Pattern<RouteEntry>, path: readonly string[]): boolean {
  for (const [position, segment] of pattern.literals) if (path[position] !== segment) return false;
  for (const [position] of pattern.params) if (path[position] === "") return false;
  return true;
}

/** Matches a path below the table's base path (`/users/usr_1`) and a method to one of `routes`. */
export function matchRouteIn<Route extends RouteEntry>(
  routes: readonly Route[],
  path: string,
  method: string,
): TableMatch<Route> {
  const rawSegments = path.split("/").slice(1);
  const sameLength = indexOf(routes).get(rawSegments.length) ?? [];
  let chosen: Pattern<Route> | undefined;
  let allow: Set<string> | undefined;
  for (const pattern of sameLength) {
    if (!segmentsMatch(pattern, rawSegments)) continue;
    if (pattern.route.method === method) {
      chosen = pattern;
      break;
    }
    allow ??= new Set();
    allow.add(pattern.route.method);
  }
  if (!chosen) return allow === undefined ? { kind: "not-found" } : { kind: "method-not-allowed", allow: [...allow] };
  const pathParams: Record<string, string> = {};
  for (const [position, name] of chosen.params) {
    try {
      // Some SDKs percent-encode path parameters and some do not; both arrive decoded here.
      pathParams[name] = decodeURIComponent(rawSegments[position] as string);
    } catch {
      return { kind: "bad-path", description: `path.${name} is not valid percent-encoding` };
    }
  }
  return { kind: "route", route: chosen.route, pathParams };
}

/** Where each API's operations are served. */
export const apiBasePaths: Record<ApiName, string> = { server: "/v1", management: "/v1/management" };

/** What a path is for, by its prefix: how it is authenticated, and which tables it needs loaded. */
export type Area = ApiName | "test-api" | "well-known";

/** The area of a path, or undefined for a path the emulator serves nothing at. */
export function areaOf(path: string): Area | undefined {
  if (path.startsWith(`${testApiBasePath}/`)) return "test-api";
  if (path.startsWith("/v1/client/public/")) return "well-known";
  if (path === apiBasePaths.management || path.startsWith(`${apiBasePaths.management}/`)) return "management";
  if (path.startsWith(`${apiBasePaths.server}/`)) return "server";
  return undefined;
}

export type Route = RouteEntry &
  (
    | { area: ApiName; operation: Operation }
    | { area: "test-api"; testApi: TestApiRoute }
    | { area: "well-known"; wellKnown: WellKnownRoute }
  );

const below = (base: string, segments: readonly string[]) => [...base.split("/").slice(1), ...segments];

let table: { loaded: number; routes: readonly Route[]; byArea: Map<Area, readonly Route[]> } | undefined;

/** Which APIs' tables are loaded, as bits: what the table was built for, checked at every request. */
const loadedApis = () => (isApiLoaded("server") ? 1 : 0) + (isApiLoaded("management") ? 2 : 0);

/** Every route, of the APIs whose tables are loaded (loadApiTables) and the rest. */
export function routeTable(): readonly Route[] {
  const loaded = loadedApis();
  if (table?.loaded === loaded) return table.routes;
  const apis = (["server", "management"] as const).filter(isApiLoaded);
  const routes: Route[] = [
    ...apis.flatMap((api) =>
      apiTables(api).operations.map(
        (operation): Route => ({
          area: api,
          method: operation.method,
          segments: below(apiBasePaths[api], operation.segments),
          operation,
        }),
      ),
    ),
    ...testApiRoutes.map(
      (route): Route => ({
        area: "test-api",
        method: route.method,
        segments: below(testApiBasePath, route.segments),
        testApi: route,
      }),
    ),
    ...wellKnownRoutes.map((route): Route => ({ area: "well-known", ...route, wellKnown: route })),
  ];
  table = { loaded, routes, byArea: new Map() };
  return routes;
}

function routesOf(area: Area): readonly Route[] {
  const routes = routeTable();
  const byArea = (table as NonNullable<typeof table>).byArea;
  let found = byArea.get(area);
  if (!found) {
    found = routes.filter((route) => route.area === area);
    byArea.set(area, found);
  }
  return found;
}

/** Matches a path and a method to the route table; a route of another area than the path's is no match. */
export function matchRoute(path: string, method: string, area = areaOf(path)): TableMatch<Route> {
  return area === undefined ? { kind: "not-found" } : matchRouteIn(routesOf(area), path, method);
}
