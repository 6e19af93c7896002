// Matching a request to an operation of the generated route table (src/generated, from the
// bundled specs): literal segments win over parameters (`POST /users/authenticators` is
// enrollVerifiedAuthenticators, not an update of a user called "authenticators").
import { apiTables } from "./generated.ts";
import type { Operation } from "./operations.ts";
import type { ApiName } from "./spec.ts";

export type { Operation } from "./operations.ts";

export type RouteMatch =
  | { kind: "operation"; operation: Operation; pathParams: Record<string, string> }
  | { kind: "method-not-allowed"; allow: string[] }
  | { kind: "not-found" }
  | { kind: "bad-path"; description: string };

/** Lower is more specific: each position holds 0 for a literal, 1 for a parameter. */
function specificity(segments: string[]): string {
  return segments.map((segment) => (segment.startsWith("{") ? "1" : "0")).join("");
}

/** Matches a path below the API's base path (`/users/usr_1`) and a method to an operation; loadApiTables first. */
export function matchRoute(api: ApiName, path: string, method: string): RouteMatch {
  const rawSegments = path.split("/").slice(1);
  const candidates: { operation: Operation; params: Record<string, string> }[] = [];
  for (const operation of apiTables(api).operations) {
    if (operation.segments.length !== rawSegments.length) continue;
    const params: Record<string, string> = {};
    let matches = true;
    for (let index = 0; index < rawSegments.length && matches; index++) {
      const expected = operation.segments[index] as string;
      const actual = rawSegments[index] as string;
      if (expected.startsWith("{")) {
        if (actual === "") matches = false;
        else params[expected.slice(1, -1)] = actual;
      } else matches = expected === actual;
    }
    if (matches) candidates.push({ operation, params });
  }
  if (candidates.length === 0) return { kind: "not-found" };
  // Equal-length strings of 0s and 1s: plain comparison, not localeCompare, whose first call loads ICU.
  candidates.sort((a, b) => {
    const [left, right] = [specificity(a.operation.segments), specificity(b.operation.segments)];
    return left < right ? -1 : left > right ? 1 : 0;
  });
  const chosen = candidates.find((candidate) => candidate.operation.method === method);
  if (!chosen) return { kind: "method-not-allowed", allow: [...new Set(candidates.map((c) => c.operation.method))] };
  const pathParams: Record<string, string> = {};
  for (const [name, value] of Object.entries(chosen.params)) {
    try {
      // Some SDKs percent-encode path parameters and some do not; both arrive decoded here.
      pathParams[name] = decodeURIComponent(value);
    } catch {
      return { kind: "bad-path", description: `path.${name} is not valid percent-encoding` };
    }
  }
  return { kind: "operation", operation: chosen.operation, pathParams };
}
