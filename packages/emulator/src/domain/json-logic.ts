// JSON Logic (json-logic-js, the reference implementation of jsonlogic.com) with a budget of work.
//
// json-logic-js has none, and a rule of a few hundred bytes can ask for billions of steps (`some`
// nested over literal arrays) or copy a large value list once for each of its items (`merge` inside
// `reduce`); evaluation is synchronous, so one such track held every other client of the emulator.
// Bounding the rule's size and depth (rule-limits.ts) does not bound that work, and bounding the
// input does not either, so the work itself is counted: json-logic-js calls its own `apply` for
// every node it evaluates, and again for every item `map`, `filter`, `reduce`, `all`, `some` and
// `none` visit. Each call costs one step, and an array or string that a node produces costs one step
// for each item or character in it (what `merge` copies, what `cat` builds, a value list `var`
// reads), so the steps grow with the work whatever the rule does. An evaluation that runs out throws
// RuleBudgetExceeded, which ends it where it is.
//
// The engine is a copy of its own, loaded apart from the module cache, as counting means wrapping
// `apply`: an application that uses json-logic-js in the same process (an in-process emulator runs
// inside the tests of one) keeps its own, unwrapped.
import { createRequire } from "node:module";
import type jsonLogicModule from "json-logic-js";
import { compileLogic, isTruthy } from "./compiled-logic.ts";

type Engine = typeof jsonLogicModule;
export type Logic = jsonLogicModule.RulesLogic;

/**
 * The steps one track's rules may take together: a few tens of milliseconds of work at most, which
 * another client waits for at worst. Enough for any rule a tenant writes: a condition is a handful
 * of steps, and reading a value list of 50,000 items costs 50,000, so a dozen such reads fit.
 */
export const evaluationBudget = 1_000_000;

/** A rule that ran out of the budget its track had left. */
export class RuleBudgetExceeded extends Error {
  override name = "RuleBudgetExceeded";
}

let engine: Engine | undefined;
/** The steps left to the evaluation under way: evaluation is synchronous, so there is one at most. */
let stepsLeft: number | undefined;

function spend(steps: number): void {
  if (stepsLeft === undefined) return;
  stepsLeft -= steps;
  if (stepsLeft < 0) throw new RuleBudgetExceeded(`over the budget of ${evaluationBudget} steps`);
}

function meteredEngine(): Engine {
  if (engine) return engine;
  const require = createRequire(import.meta.url);
  const path = require.resolve("json-logic-js");
  const shared = require.cache[path];
  delete require.cache[path];
  let own: Engine;
  try {
    own = require(path) as Engine;
  } finally {
    if (shared) require.cache[path] = shared;
    else delete require.cache[path];
  }
  const apply = own.apply.bind(own);
  own.apply = (logic, data) => {
    spend(1);
    const result: unknown = apply(logic, data);
    if (Array.isArray(result) || typeof result === "string") spend(result.length);
    return result as never;
  };
  engine = own;
  return engine;
}

/** A budget for one track's rules: each `truthy` evaluation spends from it. */
export function newBudget(): { steps: number } {
  return { steps: evaluationBudget };
}

/** A condition ready to evaluate: whether it holds over `data`, spending from `budget`; throws RuleBudgetExceeded past it. */
export type Condition = (data: unknown, budget: { steps: number }) => boolean;

/** `logic` prepared once: compiled (compiled-logic.ts) when it can be, else run by the metered interpreter. */
export function conditionOf(logic: Logic): Condition {
  const compiled = compileLogic(logic);
  return (data, budget) => {
    stepsLeft = budget.steps;
    try {
      if (compiled) return isTruthy(compiled(data, spend));
      const metered = meteredEngine();
      return metered.truthy(metered.apply(logic, data));
    } finally {
      budget.steps = Math.max(0, stepsLeft);
      stepsLeft = undefined;
    }
  };
}

/** `logic` over `data` by the metered interpreter alone, with the steps it took: what compiled conditions are compared with. */
export function interpret(logic: Logic, data: unknown): { value: unknown; steps: number } {
  const metered = meteredEngine();
  stepsLeft = Number.MAX_SAFE_INTEGER;
  try {
    const value: unknown = metered.apply(logic, data);
    return { value, steps: Number.MAX_SAFE_INTEGER - stepsLeft };
  } finally {
    stepsLeft = undefined;
  }
}
