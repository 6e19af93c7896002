// Fault injection, a documented test affordance: a request with Prism's `Prefer: code=N` header
// gets the emulator's error body for N instead of its real answer, so a user can test retry or
// error handling ("force a 429") against the same emulator the rest of the test uses. Only a
// status the operation documents can be forced, as in Prism; nothing changes state.
// The statuses and their codes come from the generated route table, so no spec is read here.
import type { Operation } from "../spec/operation.ts";
import type { Answer } from "./exchange.ts";
import { errorResponse } from "./responses.ts";

/** The error code of a forced status whose documented example names none, as the handlers answer it. */
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

/**
 * The forced answer for a `Prefer: code=N` header: undefined when there is no such header or it
 * names a success (the operation then runs as usual), the error otherwise. Other `Prefer` values
 * (Prism's `example=…`, `dynamic=…`) are ignored: the emulator's answers are its own.
 */
export function forcedStatusResponse(operation: Operation, prefer: string | null): Answer | undefined {
  const forced = prefer && /(?:^|[,;\s])code=([^,;\s]*)/.exec(prefer)?.[1];
  if (forced === undefined || forced === null || forced === "") return undefined;
  const documented = Object.keys(operation.responses);
  if (!/^\d{3}$/.test(forced) || !Object.hasOwn(operation.responses, forced)) {
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
    operation.responses[forced]?.errorCode ?? errorCodes[status] ?? `http_${status}`,
    `Forced by the request's Prefer: code=${status} header; the emulator did nothing else.`,
  );
}
