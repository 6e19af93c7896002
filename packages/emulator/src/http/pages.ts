// How the emulator's pages leave it (the pre-built UI, the console): HTML and their scripts, never
// cached, sending no referrer, under a content policy of each page's own, and each script served as
// the source of a type-checked function, made once.
import type { Answer } from "./exchange.ts";
import { EMULATOR_HEADER, emulatorVersion } from "./responses.ts";

/** Headers of a page's answers: `policy` is its Content-Security-Policy; `extra` adds to them. */
function pageHeaders(contentType: string, policy: string, extra: Record<string, string> = {}) {
  return {
    "content-type": contentType,
    "cache-control": "no-store",
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
    "content-security-policy": policy,
    ...extra,
    [EMULATOR_HEADER]: emulatorVersion,
  };
}

/** A page's HTML, or its script from a function that runs itself when loaded (its source is made once). */
export function pageAnswers(policy: string, extra: Record<string, string> = {}) {
  const scripts = new WeakMap<() => void, string>();
  return {
    html: (body: string): Answer => ({
      status: 200,
      headers: pageHeaders("text/html; charset=utf-8", policy, extra),
      body,
    }),
    script(run: () => void): Answer {
      let body = scripts.get(run);
      if (body === undefined) {
        body = `(${run.toString()})();\n`;
        scripts.set(run, body);
      }
      return { status: 200, headers: pageHeaders("text/javascript; charset=utf-8", policy, extra), body };
    },
  };
}
