// Reading a request's body as JSON: bounded in size while it streams in, and in nesting before it
// is parsed, so no body can exhaust the memory or the stack of what reads it afterwards.
import { EmulatorApiError } from "../domain/errors.ts";

export class BodyTooLargeError extends Error {}

/** Reads a request body, refusing it as soon as it passes `limit` bytes. */
export async function readRequestBody(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError();
  if (!request.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    // Stops reading (and so cancels the stream) without buffering the rest.
    if (size > limit) throw new BodyTooLargeError();
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    // Fatal: replacing bad bytes with U+FFFD would make of them a field name nobody sent, which the
    // APIs would then ignore as unknown.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new EmulatorApiError(400, "invalid_request", "The request body is not valid UTF-8.");
  }
}

/**
 * How deep a request body may nest. JSON.parse takes any depth, but what reads the value after it
 * recurses (validation, structuredClone, JSON.stringify when the state is exported), and at a few
 * thousand levels the stack runs out: a body stored then could never be exported.
 */
export const maxBodyNesting = 64;

/** Whether the arrays and objects of JSON `text` nest deeper than `limit`, scanned without recursion. */
function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c)
        index++; // a backslash escapes the next character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) {
      if (++depth > limit) return true;
    } else if (char === 0x7d || char === 0x5d) depth--;
  }
  return false;
}

/**
 * A request's body as JSON, undefined when it is empty: 413 past `limit` bytes, 400 when it nests
 * deeper than maxBodyNesting or is not JSON.
 */
export async function readJsonBody(request: Request, limit: number): Promise<unknown> {
  let text: string;
  try {
    text = await readRequestBody(request, limit);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      throw new EmulatorApiError(413, "request_too_large", `The request body is over ${limit} bytes.`);
    }
    throw error;
  }
  if (text.trim() === "") return undefined;
  // Before parsing, which would otherwise build the whole deep value first.
  if (nestsDeeperThan(text, maxBodyNesting)) {
    throw new EmulatorApiError(
      400,
      "invalid_request",
      `The request body is nested deeper than ${maxBodyNesting} levels.`,
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new EmulatorApiError(400, "invalid_request", "The request body is not valid JSON.");
  }
}
