// Reading a request's body as JSON: bounded in size while it streams in, and in nesting before it
// is parsed, so no body can exhaust the memory or the stack of what reads it afterwards.
import { EmulatorApiError } from "../domain/errors.ts";
import { BodyTooLargeError, type Call } from "./exchange.ts";

/**
 * How deep a request body may nest. JSON.parse takes any depth, but what reads the value after it
 * recurses (validation, structuredClone, JSON.stringify when the state is exported), and at a few
 * thousand levels the stack runs out: a body stored then could never be exported.
 */
export const maxBodyNesting = 64;

/** Whether `text` has more than `limit` opening brackets, strings included: counted by indexOf, natively. */
function opensMoreThan(text: string, limit: number): boolean {
  let opens = 0;
  for (const bracket of ["{", "["]) {
    for (let at = text.indexOf(bracket); at !== -1; at = text.indexOf(bracket, at + 1)) {
      if (++opens > limit) return true;
    }
  }
  return false;
}

/** Whether the arrays and objects of JSON `text` nest deeper than `limit`, scanned without recursion. */
function nestsDeeperThan(text: string, limit: number): boolean {
  // Nesting needs an opening bracket per level: most bodies have a few, and need no scan.
  if (!opensMoreThan(text, limit)) return false;
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

const tooLarge = (limit: number) =>
  new EmulatorApiError(413, "request_too_large", `The request body is over ${limit} bytes.`);

/**
 * A request's body as JSON, undefined when it is empty: 413 past `limit` bytes, 400 when it nests
 * deeper than maxBodyNesting or is not JSON.
 */
export function readJsonBody(call: Call, limit: number): Promise<unknown> {
  return answerWithJsonBody(
    call,
    limit,
    (body) => body,
    (error) => {
      throw error;
    },
  );
}

/**
 * `next` of the request's body as JSON, or `refused` of why it could not be read (as readJsonBody
 * rejects) or of what `next` throws: all in the one turn after the body has arrived, where reading
 * and answering in turns of their own cost a promise each.
 */
export function answerWithJsonBody<T>(
  call: Call,
  limit: number,
  next: (body: unknown) => T | Promise<T>,
  refused: (error: unknown) => T | Promise<T>,
): Promise<T> {
  return call.text(limit).then(
    (text) => {
      try {
        return next(parseJsonBody(text));
      } catch (error) {
        return refused(error);
      }
    },
    (error: unknown) => refused(error instanceof BodyTooLargeError ? tooLarge(limit) : error),
  );
}

/** A body's text as JSON, undefined when it is empty; 400 when it nests too deep or is not JSON. */
function parseJsonBody(text: string): unknown {
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
