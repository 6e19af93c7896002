// What the editor must show for each method of a client, checked against the bundled spec (not
// against the generator's output): its summary, its docs page, a named argument and result type,
// and a definition in the generated declarations. Each problem is one line, so a missing or
// undocumented method fails with a message that names it.

import { type OpenApiDocument, type OperationObject, resolveRef } from "../spec/openapi-document.ts";
import { specOperations } from "../spec/spec-operations.ts";
import type { Probe } from "./language-service.ts";

export interface DocumentedClient {
  probe: Probe;
  /** The variable the probe's source calls the client, such as `server`. */
  variable: string;
  document: OpenApiDocument;
  /** The methods the client has at runtime (the operation table's names). */
  methods: string[];
  /** Where their declarations must be, relative to the package, such as `src/generated/methods.ts`. */
  declarations: string;
}

/** The probe source's lines that `problemsOf` hovers: `server.track;` for each method. */
export function hoverLines(variable: string, methods: string[]): string {
  return methods.map((name) => `${variable}.${name};`).join("\n");
}

/**
 * The code of every method's `@example`, each in a function of its own, to type-check as a user
 * would paste it; `preamble` declares the client.
 */
export function examplesSource(client: DocumentedClient, preamble: string): string {
  const bodies = client.methods.map((name) => {
    const example = client.probe.hover(`${client.variable}.${name};`, name).tags.find((tag) => tag.name === "example");
    const code = /```ts\n([\s\S]*?)```/.exec(example?.text ?? "")?.[1] ?? `throw new Error("${name} has no example");`;
    return `export async function ${name}Example() {\n${code}}`;
  });
  return [preamble, ...bodies, ""].join("\n");
}

/** Every way in which a method's hover falls short; empty when all are documented. */
export function problemsOf(client: DocumentedClient): string[] {
  const operations = operationsById(client.document);
  const problems: string[] = [];
  for (const name of client.methods) {
    const operation = operations.get(name);
    const where = `${client.variable}.${name}`;
    if (!operation) {
      problems.push(`${where}: no operation in the spec has this operationId`);
      continue;
    }
    const hover = client.probe.hover(`${where};`, name);
    if (!hover.display.includes(`.${name}: (`)) {
      problems.push(`${where}: the editor shows no method here (${hover.display || "nothing"})`);
      continue;
    }
    const summary = String(operation.summary ?? "");
    if (!summary || !hover.documentation.startsWith(summary)) {
      problems.push(`${where}: the hover does not start with the spec's summary "${summary}"`);
    }
    const url = (operation.externalDocs as { url?: string } | undefined)?.url;
    if (!url || !hover.tags.some((tag) => tag.name === "see" && tag.text.startsWith(url))) {
      problems.push(`${where}: the hover has no @see of the operation's docs page ${url ?? "(none in the spec)"}`);
    }
    if (!hover.tags.some((tag) => tag.name === "example" && tag.text.includes(`${client.variable}.${name}(`))) {
      problems.push(`${where}: the hover has no @example calling it`);
    }
    if (operation.deprecated === true && !hover.tags.some((tag) => tag.name === "deprecated")) {
      problems.push(`${where}: the spec deprecates it, the hover does not`);
    }
    const signature = /: \((args\??): ([^,]+), options\?: RequestOptions\) => Promise<(.+)>$/.exec(hover.display);
    const takesNothing = !operation.requestBody && (operation.parameters?.length ?? 0) === 0;
    if (!signature) problems.push(`${where}: unexpected signature ${hover.display}`);
    else {
      const [, , argument, result] = signature;
      if (takesNothing ? argument !== "{}" : !/^\w+Request$/.test(argument ?? "")) {
        problems.push(`${where}: its argument is not a named type but ${argument}`);
      }
      if (hasJsonResult(client.document, operation) ? !/^\w+Response$/.test(result ?? "") : result !== "undefined") {
        problems.push(`${where}: its result is not a named type but ${result}`);
      }
    }
    if (!hover.definitions.includes(client.declarations)) {
      problems.push(
        `${where}: go-to-definition lands in ${hover.definitions.join(", ") || "nothing"}, not ${client.declarations}`,
      );
    }
  }
  return problems;
}

function operationsById(document: OpenApiDocument): Map<string, OperationObject> {
  const operations = new Map<string, OperationObject>();
  for (const { operation, parameters } of specOperations(document)) {
    // Parameters shared by the path count as the operation's own.
    if (operation.operationId) operations.set(operation.operationId, { ...operation, parameters });
  }
  return operations;
}

function hasJsonResult(document: OpenApiDocument, operation: OperationObject): boolean {
  const responses = (operation.responses ?? {}) as Record<string, unknown>;
  const status = Object.keys(responses).find((code) => /^2\d\d$/.test(code));
  if (!status) return false;
  const response = resolveRef<{ content?: Record<string, unknown> }>(document, responses[status] as never);
  return response.content?.["application/json"] !== undefined;
}
