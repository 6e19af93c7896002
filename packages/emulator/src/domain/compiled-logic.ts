// Rule conditions compiled to closures, for the operations rules are made of in practice (`var`,
// comparisons, `and`, `or`, `!`, `!!`, `in`): json-logic-js interprets a condition anew at every
// track (a `var` splits its path each time), and with 20 rules that was a seventh of a track. Each
// operation keeps json-logic-js's exact semantics (loose `==`, `and` answering the first falsy
// value, `var` reading through prototypes as it does), and each node spends the steps the metered
// interpreter would (json-logic.ts): one per node evaluated, and one per item or character of an
// array or string it produces. A condition with any other operation is not compiled, and the
// interpreter runs it. test/domain/compiled-logic.test.ts compares the two on random conditions.

/** A compiled condition: its value over `data`, spending steps as it goes. */
export type Compiled = (data: unknown, spend: (steps: number) => void) => unknown;

type Operation = (data: unknown, values: unknown[]) => unknown;

/** json-logic-js's truthiness: an empty array is false. */
export const isTruthy = (value: unknown): boolean => (Array.isArray(value) && value.length === 0 ? false : !!value);

function readVar(data: unknown, path: unknown, fallback: unknown): unknown {
  const notFound = fallback === undefined ? null : fallback;
  if (path === undefined || path === "" || path === null) return data;
  let value = data as Record<string, unknown> | null | undefined;
  for (const property of String(path).split(".")) {
    if (value === null || value === undefined) return notFound;
    value = value[property] as Record<string, unknown> | null | undefined;
    if (value === undefined) return notFound;
  }
  return value;
}

// biome-ignore-start lint/suspicious/noDoubleEquals: json-logic's == and != are JavaScript's loose ones
const operations: Record<string, Operation> = {
  var: (data, [path, fallback]) => readVar(data, path, fallback),
  "==": (_data, [a, b]) => a == b,
  "!=": (_data, [a, b]) => a != b,
  // biome-ignore-end lint/suspicious/noDoubleEquals: json-logic's == and != are JavaScript's loose ones
  "===": (_data, [a, b]) => a === b,
  "!==": (_data, [a, b]) => a !== b,
  ">": (_data, [a, b]) => (a as number) > (b as number),
  ">=": (_data, [a, b]) => (a as number) >= (b as number),
  "<": (_data, [a, b, c]) =>
    c === undefined ? (a as number) < (b as number) : (a as number) < (b as number) && (b as number) < (c as number),
  "<=": (_data, [a, b, c]) =>
    c === undefined ? (a as number) <= (b as number) : (a as number) <= (b as number) && (b as number) <= (c as number),
  "!": (_data, [a]) => !isTruthy(a),
  "!!": (_data, [a]) => isTruthy(a),
  in: (_data, [a, b]) => {
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
    return (_data, spend) => {
      spend(1);
      return produced(logic, spend);
    };
  }
  const op = Object.keys(logic)[0] as string;
  const raw = logic[op];
  const values = Array.isArray(raw) ? raw : [raw];
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
  const operation = operations[op] as Operation;
  return (data, spend) => {
    spend(1);
    return produced(
      operation(
        data,
        compiled.map((arg) => arg(data, spend)),
      ),
      spend,
    );
  };
}
