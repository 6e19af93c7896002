// A request and its answer as the edge handles them, whichever server received the request: the
// node:http adapter reads them straight off the socket, and `fetch` from a Web Request. Converting
// every node:http request into a Web Request and every answer into a Web Response (streams, header
// lists, undici's classes) cost more than a track's own work, so the edge uses neither.
import { EmulatorApiError } from "../domain/errors.ts";

export class BodyTooLargeError extends Error {}

/** Reads a request's headers by lower-case name. */
export interface HeaderReader {
  get(name: string): string | null;
}

/** What the edge reads of a request's URL: a URL has all of it. */
export interface CallUrl {
  readonly href: string;
  readonly origin: string;
  readonly pathname: string;
  readonly search: string;
  readonly searchParams: URLSearchParams;
}

/** A request the edge answers. */
export interface Call {
  /** The method as sent. */
  readonly method: string;
  /** The request's URL, on the emulator's own origin. */
  readonly url: CallUrl;
  /** A header's value, or null; names are lower case. */
  header(name: string): string | null;
  /** The body as text ("" when there is none), refused past `limit` bytes with BodyTooLargeError. */
  text(limit: number): Promise<string>;
}

/** What the edge answers: a status, headers, and the body's text (none for undefined). */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body?: string;
}

// One for every body: decoding whole buffers (never `stream: true`) leaves nothing in it between calls.
const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * Bytes as UTF-8 text. Fatal: replacing bad bytes with U+FFFD would make of them a field name
 * nobody sent, which the APIs would then ignore as unknown.
 */
export function utf8(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new EmulatorApiError(400, "invalid_request", "The request body is not valid UTF-8.");
  }
}

/** Whether a declared Content-Length is over `limit`, so the body need not be read to refuse it. */
export const declaredOver = (contentLength: string | null, limit: number) => {
  const declared = Number(contentLength);
  return Number.isFinite(declared) && declared > limit;
};

// A target made only of characters the URL parser copies as they are (no percent-encoding to add,
// no backslash to turn, no fragment), and with no dot segment, plain or encoded, to resolve: its
// path and query are the parser's, read off the text. The rest is parsed.
const plainTarget = /^\/[\w\-.~!$&'()*+,;=:@/%]*(?:\?[\w\-.~!$&()*+,;=:@/?%]+)?$/;
const dotSegment = /\/(?:\.|%2e)/i;

/**
 * The URL of a request for `target` (a path and query) on `origin` (as URL.origin gives it). A
 * request's target is plain almost always, and parsing a URL was a good part of a request's cost.
 */
export function urlOf(origin: string, target: string): CallUrl {
  if (!plainTarget.test(target) || dotSegment.test(target)) return new URL(`${origin}${target}`);
  const queryAt = target.indexOf("?");
  const search = queryAt === -1 ? "" : target.slice(queryAt);
  let searchParams: URLSearchParams | undefined;
  return {
    href: `${origin}${target}`,
    origin,
    pathname: queryAt === -1 ? target : target.slice(0, queryAt),
    search,
    get searchParams() {
      searchParams ??= new URLSearchParams(search);
      return searchParams;
    },
  };
}

/** A Web Request as a call: what `createEmulator().fetch` is given. */
export function callOfRequest(request: Request): Call {
  return {
    method: request.method,
    url: new URL(request.url),
    header: (name) => request.headers.get(name),
    async text(limit) {
      if (declaredOver(request.headers.get("content-length"), limit)) throw new BodyTooLargeError();
      if (!request.body) return "";
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.byteLength;
        // Stops reading (and so cancels the stream) without buffering the rest.
        if (size > limit) throw new BodyTooLargeError();
        chunks.push(chunk);
      }
      return utf8(Buffer.concat(chunks, size));
    },
  };
}

/** An answer as a Web Response: what `createEmulator().fetch` resolves to. */
export const responseOf = (answer: Answer): Response =>
  new Response(answer.body ?? null, { status: answer.status, headers: answer.headers });
