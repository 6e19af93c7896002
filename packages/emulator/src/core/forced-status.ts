// Fault injection, a documented test affordance: a request with Prism's `Prefer: code=N` header
// gets the emulator's error body for N instead of its real answer, so a user can test retry or
// error handling ("force a 429") against the same emulator the rest of the test uses. Only a
// status the operation documents can be forced, as in Prism; nothing changes state.
import { errorResponse } from "./http.ts";
import type { Operation } from "./routes.ts";
import { apiSpecs } from "./spec.ts";

/** The error code the emulator answers each forceable status with, as its handlers do. */
const errorCodes: Record<number, string> = {
  400: "invalid_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  413: "request_too_large",
  422: "unprocessable_entity",
  429: "too_many_requests",
  500: "internal_error",
  501: "not_implemented_in_emulator",
  502: "bad_gateway",
  503: "service_unavailable",
};

type Node = Record<string, unknown> | undefined;

/** Follows local `$ref`s to the node they name. */
function dereference(document: unknown, node: unknown): Node {
  let current = node as Node;
  for (let hops = 0; typeof current?.$ref === "string" && hops < 10; hops++) {
    current = (current.$ref as string)
      .slice(2)
      .split("/")
      .reduce<unknown>(
        (at, part) => (at as Node)?.[part.replaceAll("~1", "/").replaceAll("~0", "~")],
        document,
      ) as Node;
  }
  return current;
}

/** The operation's documented responses, by status. */
function documentedResponses(operation: Operation): Record<string, unknown> {
  const document = apiSpecs.find((spec) => spec.name === operation.api)?.document;
  const raw = document?.paths[operation.template]?.[operation.method.toLowerCase()] as Node;
  return (raw?.responses as Record<string, unknown> | undefined) ?? {};
}

/** The error code of the documented response's example (409 is `conflict` or `already_exists` by operation). */
function documentedCode(operation: Operation, response: unknown): string | undefined {
  const document = apiSpecs.find((spec) => spec.name === operation.api)?.document;
  const content = (dereference(document, response)?.content as Record<string, Node> | undefined)?.["application/json"];
  const examples = Object.values((content?.examples as Record<string, unknown> | undefined) ?? {});
  const example = (content?.example ?? dereference(document, examples[0])?.value) as Node;
  const code = example?.errorCode ?? example?.error;
  return typeof code === "string" ? code : undefined;
}

/**
 * The forced answer for a `Prefer: code=N` header: undefined when there is no such header or it
 * names a success (the operation then runs as usual), the error otherwise. Other `Prefer` values
 * (Prism's `example=…`, `dynamic=…`) are ignored: the emulator's answers are its own.
 */
export function forcedStatusResponse(operation: Operation, prefer: string | null): Response | undefined {
  const forced = prefer && /(?:^|[,;\s])code=([^,;\s]*)/.exec(prefer)?.[1];
  if (forced === undefined || forced === null || forced === "") return undefined;
  const responses = documentedResponses(operation);
  const documented = Object.keys(responses);
  if (!/^\d{3}$/.test(forced) || !documented.includes(forced)) {
    return errorResponse(
      400,
      "invalid_request",
      `The Prefer header asks for code=${forced}, which ${operation.operationId} does not document (it documents ${documented.join(", ")}).`,
    );
  }
  const status = Number(forced);
  if (status < 400) return undefined;
  return errorResponse(
    status,
    documentedCode(operation, responses[forced]) ?? errorCodes[status] ?? `http_${status}`,
    `Forced by the request's Prefer: code=${status} header; the emulator did nothing else.`,
  );
}
