// Compiled conditions against json-logic-js itself (through the metered interpreter): the same
// value and the same steps, on random conditions over random data. A failure prints the seed;
// COMPILED_LOGIC_SEED replays it.
import { describe, expect, it } from "vitest";
import { compileLogic } from "../../src/domain/compiled-logic.ts";
import { interpret, type Logic } from "../../src/domain/json-logic.ts";

const seed = Number(process.env.COMPILED_LOGIC_SEED ?? Date.now() % 2 ** 31);

/** mulberry32: small, seedable, good enough to pick test cases. */
function random(state: number) {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(seed);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
const paths = [
  "ip.isAnonymous",
  "ip.countryCode",
  "custom.amount",
  "custom.tags",
  "user.email",
  "missing.path",
  "",
  "constructor",
  "custom.amount.toFixed",
];
const literals = [0, 1, 7, 1000, -3, "1", "NZ", "", "a@example.com", true, false, null, [], ["NZ", "AU"], [1, 7]];

function literal(): unknown {
  return pick(literals);
}

function condition(depth: number): unknown {
  if (depth <= 0 || next() < 0.25)
    return next() < 0.5 ? literal() : { var: next() < 0.8 ? pick(paths) : [pick(paths), literal()] };
  const op = pick(["==", "===", "!=", "!==", ">", ">=", "<", "<=", "!", "!!", "and", "or", "in", "var"]);
  const args = (count: number) => Array.from({ length: count }, () => condition(depth - 1));
  switch (op) {
    case "!":
    case "!!":
      return { [op]: next() < 0.5 ? condition(depth - 1) : args(1) };
    case "and":
    case "or":
      return { [op]: args(Math.floor(next() * 4)) };
    case "<":
    case "<=":
      return { [op]: args(next() < 0.7 ? 2 : 3) };
    case "in":
      return { in: [condition(depth - 1), next() < 0.5 ? pick(literals) : { var: pick(paths) }] };
    case "var":
      return { var: pick(paths) };
    default:
      return { [op]: args(2) };
  }
}

function data(): unknown {
  return {
    ip: { isAnonymous: pick([true, false, undefined, "true"]), countryCode: pick(["NZ", "AU", "", undefined]) },
    custom: { amount: pick([0, 7, 1000, 5000, "7", undefined]), tags: pick([["vip"], [], "vip", undefined]) },
    user: pick([{ email: "a@example.com" }, {}, null]),
  };
}

describe(`compiled conditions (seed ${seed})`, () => {
  it("answer what json-logic-js answers, in as many steps, on 3,000 random conditions", () => {
    for (let round = 0; round < 3000; round++) {
      const logic = condition(4);
      const compiled = compileLogic(logic);
      expect(compiled, JSON.stringify(logic)).toBeDefined();
      const over = data();
      let steps = 0;
      const value = compiled?.(over, (spent) => {
        steps += spent;
      });
      const reference = interpret(logic as Logic, over);
      expect({ value, steps }, `${JSON.stringify(logic)} over ${JSON.stringify(over)}`).toEqual(reference);
    }
  });

  it("leaves to the interpreter a condition with an operation it does not compile", () => {
    expect(compileLogic({ some: [{ var: "custom.tags" }, { "==": [{ var: "" }, "vip"] }] })).toBeUndefined();
    expect(compileLogic({ and: [true, { merge: [[1], [2]] }] })).toBeUndefined();
    expect(compileLogic({ toString: [] })).toBeUndefined();
  });
});
