// Rule conditions compiled to closures, for the operations rules are made of in practice (`var`,
// comparisons, `and`, `or`, `!`, `!!`, `in`): json-logic-js interprets a condition anew at every
// track (a `var` splits its path each time, every node maps its arguments to a new array), and with
// 20 rules that was a third of a track. Each operation keeps json-logic-js's exact semantics (loose
// `==`, `and` answering the first falsy value, `var` reading through prototypes as it does), and
// each node spends the steps the metered interpreter would (json-logic.ts): one per node evaluated,
// and one per item or character of an array or string it produces; the steps of literals are added
// up once, when compiling. A condition with any other operation is not compiled, and the
// interpreter runs it. test/domain/compiled-logic.test.ts compares the two on random conditions.

/** A compiled condition: its value over `data`, spending steps as it goes. */
export type Compiled = (data: unknown, spend: (steps: number) => void) => unknown;

/** An operation over its first three arguments' values (none takes more; json-logic-js evaluates any extra ones all the same). */
type Operation = (data: unknown, a: unknown, b: unknown, c: unknown) => unknown;

/** json-logic-js's truthiness: an empty array is false. */
export const isTruthy = (value: unknown): boolean => (Array.isArray(value) && value.length === 0 ? false : !!value);

/** `var`'s walk down a path already split at its dots. */
function readPath(data: unknown, properties: readonly string[], notFound: unknown): unknown {
  let value = data as Record<string, unknown> | null | undefined;
  for (const property of properties) {
    if (value === null || value === undefined) return notFound;
    value = value[property] as Record<string, unknown> | null | undefined;
    if (value === undefined) return notFound;
  }
  return value;
}

const isWholeData = (path: unknown) => path === undefined || path === "" || path === null;

function readVar(data: unknown, path: unknown, fallback: unknown): unknown {
  if (isWholeData(path)) return data;
  return readPath(data, String(path).split("."), fallback === undefined ? null : fallback);
}

// biome-ignore-start lint/suspicious/noDoubleEquals: json-logic's == and != are JavaScript's loose ones
const operations: Record<string, Operation> = {
  var: (data, path, fallback) => readVar(data, path, fallback),
  "==": (_data, a, b) => a == b,
  "!=": (_data, a, b) => a != b,
  // biome-ignore-end lint/suspicious/noDoubleEquals: json-logic's == and != are JavaScript's loose ones
  "===": (_data, a, b) => a === b,
  "!==": (_data, a, b) => a !== b,
  ">": (_data, a, b) => (a as number) > (b as number),
  ">=": (_data, a, b) => (a as number) >= (b as number),
  "<": (_data, a, b, c) =>
    c === undefined ? (a as number) < (b as number) : (a as number) < (b as number) && (b as number) < (c as number),
  "<=": (_data, a, b, c) =>
    c === undefined ? (a as number) <= (b as number) : (a as number) <= (b as number) && (b as number) <= (c as number),
  "!": (_data, a) => !isTruthy(a),
  "!!": (_data, a) => isTruthy(a),
  in: (_data, a, b) => {
    const list = b as { indexOf?: (item: unknown) => number } | null | undefined;
    return !list || typeof list.indexOf === "undefined" ? false : list.indexOf(a) !== -1;
  },
};

/** What a node produced costs one step per item or character, as the metered interpreter counts it. */
function produced(value: unknown, spend: (steps: number) => void): unknown {
  if (Array.isArray(value) || typeof value === "string") spend(value.length);
  return value;
}

const isLogic = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 1;

/** The steps a literal costs (its node, and its characters when a string); undefined for anything evaluated. */
function literalSteps(value: unknown): number | undefined {
  if (Array.isArray(value) || isLogic(value)) return undefined;
  return 1 + (typeof value === "string" ? value.length : 0);
}

/**
 * A literal, or `{"var": path}` / `{"var": [path, fallback]}` with literal arguments (the usual way
 * to write one), read without a closure of its own: the path split once, and the steps of the node
 * and its literals spent together.
 */
interface Operand {
  /** The steps of the node and its literal arguments. */
  steps: number;
  /** The literal's value, or for a `var` the value of a path not found. */
  value: unknown;
  /** The `var`'s path split at its dots; undefined for a literal; empty for the whole data. */
  properties: readonly string[] | undefined;
}

function operandOf(logic: unknown): Operand | undefined {
  const steps = literalSteps(logic);
  if (steps !== undefined) return { steps, value: logic, properties: undefined };
  if (!isLogic(logic) || !Object.hasOwn(logic, "var")) return undefined;
  const values = Array.isArray(logic.var) ? logic.var : [logic.var];
  let varSteps = 1;
  for (const value of values) {
    const literal = literalSteps(value);
    if (literal === undefined) return undefined;
    varSteps += literal;
  }
  const [path, fallback] = values;
  return {
    steps: varSteps,
    value: fallback === undefined ? null : fallback,
    properties: isWholeData(path) ? [] : String(path).split("."),
  };
}

/** An operand's value over `data`, its steps spent as its own node would spend them. */
function operandValue(operand: Operand, data: unknown, spend: (steps: number) => void): unknown {
  spend(operand.steps);
  const { properties } = operand;
  if (properties === undefined) return operand.value;
  return produced(properties.length === 0 ? data : readPath(data, properties, operand.value), spend);
}

const compileOperand =
  (operand: Operand): Compiled =>
  (data, spend) =>
    operandValue(operand, data, spend);

/** An operation's node: its arguments evaluated in order, without an array for the usual one to three. */
function compileOperation(operation: Operation, args: readonly Compiled[]): Compiled {
  const [a, b, c] = args;
  switch (args.length) {
    case 0:
      return (data, spend) => {
        spend(1);
        return produced(operation(data, undefined, undefined, undefined), spend);
      };
    case 1: {
      const first = a as Compiled;
      return (data, spend) => {
        spend(1);
        return produced(operation(data, first(data, spend), undefined, undefined), spend);
      };
    }
    case 2: {
      const [first, second] = [a, b] as [Compiled, Compiled];
      return (data, spend) => {
        spend(1);
        const left = first(data, spend);
        return produced(operation(data, left, second(data, spend), undefined), spend);
      };
    }
    case 3: {
      const [first, second, third] = [a, b, c] as [Compiled, Compiled, Compiled];
      return (data, spend) => {
        spend(1);
        const left = first(data, spend);
        const middle = second(data, spend);
        return produced(operation(data, left, middle, third(data, spend)), spend);
      };
    }
    default:
      return (data, spend) => {
        spend(1);
        const values = args.map((arg) => arg(data, spend));
        return produced(operation(data, values[0], values[1], values[2]), spend);
      };
  }
}

/** `logic` compiled, or undefined when it uses an operation this does not compile. */
export function compileLogic(logic: unknown): Compiled | undefined {
  if (Array.isArray(logic)) {
    const items = logic.map(compileLogic);
    if (items.some((item) => item === undefined)) return undefined;
    const compiled = items as Compiled[];
    return (data, spend) => {
      spend(1);
      return produced(
        compiled.map((item) => item(data, spend)),
        spend,
      );
    };
  }
  if (!isLogic(logic)) {
    const steps = literalSteps(logic) as number;
    return (_data, spend) => {
      spend(steps);
      return logic;
    };
  }
  const op = Object.keys(logic)[0] as string;
  const raw = logic[op];
  const values = Array.isArray(raw) ? raw : [raw];
  if (op === "var") {
    const operand = operandOf(logic);
    if (operand) return compileOperand(operand);
  }
  // An operation on two operands (`{"==": [{"var": "ip.isAnonymous"}, true]}`), the shape of
  // nearly every comparison in a rule: one closure where there were three.
  const [left, right] = values.length === 2 ? values.map(operandOf) : [];
  if (left && right && op !== "and" && op !== "or" && Object.hasOwn(operations, op)) {
    const operation = operations[op] as Operation;
    return (data, spend) => {
      spend(1);
      const leftValue = operandValue(left, data, spend);
      return produced(operation(data, leftValue, operandValue(right, data, spend), undefined), spend);
    };
  }
  const args = values.map(compileLogic);
  if (args.some((arg) => arg === undefined)) return undefined;
  const compiled = args as Compiled[];
  if (op === "and" || op === "or") {
    const wanted = op === "or";
    return (data, spend) => {
      spend(1);
      let current: unknown;
      for (const arg of compiled) {
        current = arg(data, spend);
        if (isTruthy(current) === wanted) break;
      }
      return produced(current, spend);
    };
  }
  if (!Object.hasOwn(operations, op)) return undefined;
  return compileOperation(operations[op] as Operation, compiled);
}
