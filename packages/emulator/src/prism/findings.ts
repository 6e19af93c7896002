// What Prism found in one exchange, read from what it sent back: the violations it lists (in
// `sl-violations`, or in the body of an answer of its own) and whether it answered itself.
// Prism's own answers are `application/problem+json`; the emulator only ever answers
// `application/json`, so the content type alone tells who answered.

/** The APIs the emulator serves, each behind a Prism proxy of its own bundled spec. */
export type EmulatedApi = "server" | "management" | "client";

/** One thing Prism found wrong, as Prism reports it. */
export interface PrismViolation {
  /** Where, starting with `request` or `response`: `["response", "body", "state"]`. */
  location: string[];
  message: string;
}

/**
 * - `refused`: the request breaks the spec, and Prism answered 422 without passing it on.
 * - `request`: the request breaks the spec in a way Prism lets through (a warning), and the
 *   emulator answered.
 * - `response`: the emulator's answer breaks the spec; Prism answered 500 in its place.
 * - `prism`: another answer Prism made itself: the emulator could not be reached, no operation of
 *   the spec has this path, or the request lacks the credentials the spec requires.
 */
export type PrismFindingKind = "refused" | "request" | "response" | "prism";

export interface PrismFinding {
  kind: PrismFindingKind;
  api: EmulatedApi;
  method: string;
  /** The path and query sent to Prism, which serves the spec's paths without the API's base path. */
  path: string;
  /** The status the client received. */
  status: number;
  violations: PrismViolation[];
  /** Prism's own answer, `title: detail`, when Prism answered instead of the emulator. */
  prismAnswer?: string;
}

/** What reached the client through the proxy. */
export interface Exchange {
  api: EmulatedApi;
  method: string;
  path: string;
  status: number;
  contentType: string | undefined;
  /** The `sl-violations` header, when Prism set one. */
  violationsHeader: string | undefined;
  body: string;
}

interface ProblemBody {
  title?: string;
  detail?: string;
  validation?: PrismViolation[];
}

function parseJson<T>(text: string | undefined): T | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

function kindOf(violations: PrismViolation[], prismAnswered: boolean, status: number): PrismFindingKind {
  if (violations.some((violation) => violation.location[0] === "response")) return "response";
  if (!prismAnswered) return "request";
  return status === 422 && violations.length > 0 ? "refused" : "prism";
}

/** The finding in an exchange, or undefined when Prism found nothing and the emulator answered. */
export function findingOf(exchange: Exchange): PrismFinding | undefined {
  const { api, method, path, status } = exchange;
  const fromHeader = parseJson<PrismViolation[]>(exchange.violationsHeader) ?? [];
  const problem = exchange.contentType?.startsWith("application/problem+json")
    ? (parseJson<ProblemBody>(exchange.body) ?? {})
    : undefined;
  // The 422's body lists the request's violations without the leading "request" the header has.
  const fromBody = (problem?.validation ?? []).map((violation) =>
    status === 422 ? { ...violation, location: ["request", ...violation.location] } : violation,
  );
  // A 500 for a broken answer lists the same violations in the header and the body.
  const violations = [
    ...new Map(
      [...fromHeader, ...fromBody].map(({ location, message }) => [
        JSON.stringify([location, message]),
        { location, message },
      ]),
    ).values(),
  ];
  if (!problem && violations.length === 0) return undefined;
  const kind = kindOf(violations, problem !== undefined, status);
  return {
    kind,
    api,
    method,
    path,
    status,
    violations,
    ...(problem && { prismAnswer: `${problem.title ?? "(no title)"}: ${problem.detail ?? ""}`.trimEnd() }),
  };
}
