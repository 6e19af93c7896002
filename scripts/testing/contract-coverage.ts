// Checks, after a contract run, that every operation in the spec was called with a success and
// with at least one error status, and that Prism found no response that breaks the spec (which
// would mean an example contradicts its schema).

import type { OpenApiDocument } from "../spec/openapi-document.ts";
import { specOperations } from "../spec/spec-operations.ts";
import type { RecordedCall } from "./contract.ts";

interface OperationRoute {
  operationId: string;
  method: string;
  pattern: RegExp;
}

/**
 * Each operation's method and path pattern, most specific first: where a literal path and a
 * template both match (`/authenticator-configurations/sms` and `…/{authenticatorId}`), the
 * literal is the route, as in OpenAPI.
 */
export function routesOf(document: OpenApiDocument): OperationRoute[] {
  const routes: (OperationRoute & { templates: number })[] = [];
  for (const { path, method, operation } of specOperations(document)) {
    const source = path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+");
    const templates = path.split("{").length - 1;
    const { operationId } = operation;
    if (operationId)
      routes.push({ operationId, method: method.toUpperCase(), pattern: new RegExp(`^${source}$`), templates });
  }
  return routes.sort((a, b) => a.templates - b.templates).map(({ templates: _, ...route }) => route);
}

/**
 * Every problem found; an empty list means the contract suite covered the spec. `strict` (the
 * emulator mode) also fails on every violation Prism reports of any answer but its own 422 refusal
 * of a request, and on every answer Prism made itself instead of the upstream's (a 500 for an
 * answer that breaks the spec, a 502 for an upstream it could not reach).
 */
export function coverageProblems(
  document: OpenApiDocument,
  calls: RecordedCall[],
  { strict = false }: { strict?: boolean } = {},
): string[] {
  const routes = routesOf(document);
  const statuses = new Map(routes.map((route) => [route.operationId, new Set<number>()]));
  const problems: string[] = [];
  for (const call of calls) {
    const route = routes.find((candidate) => candidate.method === call.method && candidate.pattern.test(call.path));
    if (!route) {
      problems.push(`${call.method} ${call.path} matches no operation in the spec`);
      continue;
    }
    statuses.get(route.operationId)?.add(call.status);
    const refused = call.status === 422 && call.prism !== undefined;
    if (strict && call.prism && !refused) {
      problems.push(
        `${route.operationId} (${call.status}): Prism answered itself: ${call.prism.title}: ${call.prism.detail}`,
      );
    }
    if (strict && !refused) {
      for (const violation of call.violations.filter((v) => v.location[0] !== "response")) {
        problems.push(
          `${route.operationId} (${call.status}): Prism found a violation at ${violation.location.join(".")}: ${violation.message}`,
        );
      }
    }
    for (const violation of call.violations.filter((v) => v.location[0] === "response")) {
      problems.push(
        `${route.operationId} (${call.status}): Prism found the response breaks the spec: ${violation.message}`,
      );
    }
  }
  for (const [operationId, seen] of statuses) {
    if (![...seen].some((status) => status >= 200 && status < 300)) {
      problems.push(`${operationId} has no contract test that succeeds`);
    }
    if (![...seen].some((status) => status >= 400)) {
      problems.push(`${operationId} has no contract test of a documented error`);
    }
  }
  return problems;
}
