// The emulator's one route table, and how a request is matched to it. Every path the emulator
// answers is here, from the root: each API's operations (the generated tables of the bundled specs,
// under /v1 and /v1/management), the test-only API's routes (under /_emulator/v1) and the issuer's
// well-known routes, the pre-built UI's and the console's. Literal segments win over parameters (`POST /v1/users/authenticators` is
// enrollVerifiedAuthenticators, not an update of a user called "authenticators").

import { isConsoleViewPath } from "../api/console/shell.ts";
import type { Operation } from "../spec/operation.ts";
import { type ApiName, apiTables, isApiLoaded } from "../spec/tables.ts";
import { type ConsoleRoute, consoleRoutes } from "./console.ts";
import { type PrebuiltUiRoute, prebuiltUiRoutes } from "./prebuilt-ui.ts";
import { isTestApiPath, testApiBasePath } from "./test-api-path.ts";
import { type TestApiRoute, testApiRoutes } from "./test-api-routes.ts";
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

/**
 * A table's routes as a tree of their segments: a literal segment's child by its text, one child for
 * any parameter, and at the end of each template the routes it names with their parameters' names
 * by position. Built once per table; a path walks it a segment at a time.
 */
interface RouteNode<Route> {
  literals: Map<string, RouteNode<Route>>;
  param: RouteNode<Route> | undefined;
  ends: { route: Route; params: readonly (readonly [position: number, name: string])[] }[];
}

const newNode = <Route>(): RouteNode<Route> => ({ literals: new Map(), param: undefined, ends: [] });

const trees = new WeakMap<readonly RouteEntry[], RouteNode<RouteEntry>>();

function treeOf<Route extends RouteEntry>(routes: readonly Route[]): RouteNode<Route> {
  let root = trees.get(routes) as RouteNode<Route> | undefined;
  if (!root) {
    root = newNode<Route>();
    for (const route of routes) {
      let node = root;
      const params: [number, string][] = [];
      route.segments.forEach((segment, position) => {
        if (segment.startsWith("{")) {
          params.push([position, segment.slice(1, -1)]);
          node.param ??= newNode<Route>();
          node = node.param;
        } else {
          const next = node.literals.get(segment) ?? newNode<Route>();
          node.literals.set(segment, next);
          node = next;
        }
      });
      node.ends.push({ route, params });
    }
    trees.set(routes, root as RouteNode<RouteEntry>);
  }
  return root;
}

type Walk<Route> = { chosen?: RouteNode<Route>["ends"][number]; allow?: Set<string> };

/**
 * Walks the tree down `path`'s segments, literal before parameter at each one, so the templates
 * that match are met most specific first; stops at the first with `method`, else notes the
 * methods the path allows. A parameter matches any segment but an empty one.
 */
function walk<Route extends RouteEntry>(
  node: RouteNode<Route>,
  path: readonly string[],
  position: number,
  method: string,
  found: Walk<Route>,
): boolean {
  if (position === path.length) {
    for (const end of node.ends) {
      if (end.route.method === method) {
        found.chosen = end;
        return true;
      }
      found.allow ??= new Set();
      found.allow.add(end.route.method);
    }
    return false;
  }
  const segment = path[position] as string;
  const literal = node.literals.get(segment);
  if (literal && walk(literal, path, position + 1, method, found)) return true;
  return node.param !== undefined && segment !== "" && walk(node.param, path, position + 1, method, found);
}

/** Matches a path below the table's base path (`/users/usr_1`) and a method to one of `routes`. */
export function matchRouteIn<Route extends RouteEntry>(
  routes: readonly Route[],
  path: string,
  method: string,
): TableMatch<Route> {
  const segments = path.split("/");
  segments.shift();
  const found: Walk<Route> = {};
  walk(treeOf(routes), segments, 0, method, found);
  const { chosen, allow } = found;
  if (!chosen) return allow === undefined ? { kind: "not-found" } : { kind: "method-not-allowed", allow: [...allow] };
  const pathParams: Record<string, string> = {};
  for (const [position, name] of chosen.params) {
    const segment = segments[position] as string;
    try {
      // Some SDKs percent-encode path parameters and some do not; both arrive decoded here.
      pathParams[name] = segment.includes("%") ? decodeURIComponent(segment) : segment;
    } catch {
      return { kind: "bad-path", description: `path.${name} is not valid percent-encoding` };
    }
  }
  return { kind: "route", route: chosen.route, pathParams };
}

/** Where each API's operations are served. */
export const apiBasePaths: Record<ApiName, string> = {
  server: "/v1",
  management: "/v1/management",
  client: "/v1/client",
};

/** What a path is for, by its prefix: how it is authenticated, and which tables it needs loaded. */
export type Area = ApiName | "test-api" | "well-known" | "prebuilt-ui" | "console";

/** The area of a path, or undefined for a path the emulator serves nothing at. */
export function areaOf(path: string): Area | undefined {
  if (isTestApiPath(path)) return "test-api";
  if (path === "/ui" || path.startsWith("/ui/")) return "prebuilt-ui";
  if (isConsoleViewPath(path) || path.startsWith("/console/")) return "console";
  if (path.startsWith("/v1/client/public/")) return "well-known";
  if (path.startsWith(`${apiBasePaths.client}/`)) return "client";
  if (path === apiBasePaths.management || path.startsWith(`${apiBasePaths.management}/`)) return "management";
  if (path.startsWith(`${apiBasePaths.server}/`)) return "server";
  return undefined;
}

export type Route = RouteEntry &
  (
    | { area: ApiName; operation: Operation }
    | { area: "test-api"; testApi: TestApiRoute }
    | { area: "well-known"; wellKnown: WellKnownRoute }
    | { area: "prebuilt-ui"; prebuiltUi: PrebuiltUiRoute }
    | { area: "console"; console: ConsoleRoute }
  );

const below = (base: string, segments: readonly string[]) => [...base.split("/").slice(1), ...segments];

let table: { loaded: number; routes: readonly Route[]; byArea: Map<Area, readonly Route[]> } | undefined;

/** Which APIs' tables are loaded, as bits: what the table was built for, checked at every request. */
const loadedApis = () =>
  (isApiLoaded("server") ? 1 : 0) + (isApiLoaded("management") ? 2 : 0) + (isApiLoaded("client") ? 4 : 0);

/** Every route, of the APIs whose tables are loaded (loadApiTables) and the rest. */
export function routeTable(): readonly Route[] {
  const loaded = loadedApis();
  if (table?.loaded === loaded) return table.routes;
  const apis = (["server", "management", "client"] as const).filter(isApiLoaded);
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
    ...prebuiltUiRoutes.map((route): Route => ({ area: "prebuilt-ui", ...route, prebuiltUi: route })),
    ...consoleRoutes.map((route): Route => ({ area: "console", ...route, console: route })),
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
