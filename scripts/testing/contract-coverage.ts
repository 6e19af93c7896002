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
 * Every problem found; an empty list means the contract suite covered the spec. `checkAnswers`
 * (the mock mode) also fails on every answer Prism says breaks the spec, which means an example
 * contradicts its schema; against the emulator, the emulator's Prism harness reports those.
 */
export function coverageProblems(
  document: OpenApiDocument,
  calls: RecordedCall[],
  { checkAnswers = true }: { checkAnswers?: boolean } = {},
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
    if (!checkAnswers) continue;
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
