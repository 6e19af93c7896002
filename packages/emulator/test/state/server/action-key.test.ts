// An action's key is JSON text of its code and idempotency key: the form exported states and data
// dirs hold. Made without JSON.stringify for plain text, it must still be exactly what that gives.
import { describe, expect, it } from "vitest";
import { actionKey } from "../../../src/state/server-store.ts";

const awkward = [
  "signIn",
  "4c09e71e-d9fd-46c6-9056-9b1b3dd14667",
  "",
  'say "hi"',
  "back\\slash",
  "tab\there",
  "new\nline",
  "\u0000",
  "\u001f",
  "\u007f",
  "\u2028\u2029",
  "é€名前",
  "🔑",
  "\ud83d",
  "\udd11",
  "__proto__",
];

describe("actionKey", () => {
  it("is JSON.stringify([code, key]) for every pair of awkward texts", () => {
    for (const code of awkward) {
      for (const key of awkward) expect(actionKey(code, key)).toBe(JSON.stringify([code, key]));
    }
  });

  it("is JSON.stringify([code, key]) for random texts over the whole of UTF-16", () => {
    let state = 7;
    const next = () => {
      state = (state * 48271) % 2147483647;
      return state;
    };
    const text = () =>
      String.fromCharCode(
        ...Array.from({ length: next() % 12 }, () => (next() % 4 === 0 ? next() % 0x40 : next() % 0x10000)),
      );
    for (let count = 0; count < 5000; count++) {
      const [code, key] = [text(), text()];
      expect(actionKey(code, key), JSON.stringify({ code, key })).toBe(JSON.stringify([code, key]));
    }
  });
});
