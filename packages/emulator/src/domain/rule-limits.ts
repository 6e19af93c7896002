// How large a rule may be. A rule's conditions are JSON Logic, which a tenant builds in a console
// from a few conditions: real ones are a few hundred bytes and a handful of levels deep, and long
// lists belong in value lists. The bounds leave room for far larger rules while keeping what reads
// them (validation, structuredClone, JSON.stringify on export, the evaluator, all recursive) far from
// the stack's end, and what one stored rule costs small. Work at evaluation is bounded apart, by a
// budget (json-logic.ts): a small rule can still ask for a great deal of it.

/** The deepest a rule's conditions may nest, counting each object and array. */
export const maxConditionsDepth = 32;
/** The most JSON text a rule's conditions may take. */
export const maxConditionsBytes = 32 * 1024;

/** How deep `value` nests, without recursion, stopping once past `limit`. */
function depthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 1]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [node, depth] = next;
    if (typeof node !== "object" || node === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return deepest;
}

/** What is wrong with a rule's conditions, naming them as `field`; undefined when they are within the limits. */
export function conditionsProblem(conditions: unknown, field: string): string | undefined {
  if (conditions === undefined || conditions === null) return undefined;
  if (depthOf(conditions, maxConditionsDepth) > maxConditionsDepth) {
    return `${field} is nested deeper than ${maxConditionsDepth} levels, the emulator's limit for a rule's conditions.`;
  }
  const bytes = new TextEncoder().encode(JSON.stringify(conditions)).length;
  if (bytes > maxConditionsBytes) {
    return `${field} is ${bytes} bytes of JSON, over the emulator's limit of 32 KiB (${maxConditionsBytes} bytes) for a rule's conditions.`;
  }
  return undefined;
}
