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

/** A request the edge answers. */
export interface Call {
  /** The method as sent. */
  readonly method: string;
  /** The request's URL, on the emulator's own origin. */
  readonly url: URL;
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
