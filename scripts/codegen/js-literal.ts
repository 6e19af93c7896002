// Prints a JSON value as a TypeScript literal, the way a person would write it in a call: keys
// unquoted where they are identifiers, short objects and arrays on one line, longer ones broken
// over lines with two-space indents and trailing commas (Biome's and Prettier's style).

const identifier = /^[A-Za-z_$][\w$]*$/;

/**
 * `value` as source text. `indent` is the indentation of the line it is on, `column` where on that
 * line it starts (after a key, say), `width` the longest line it may make.
 */
export function renderLiteral(value: unknown, indent = 0, column = indent, width = 100): string {
  const flat = renderFlat(value);
  if (column + flat.length <= width || !isContainer(value)) return flat;
  const inner = " ".repeat(indent + 2);
  const close = " ".repeat(indent);
  if (Array.isArray(value)) {
    const items = value.map((item) => `${inner}${renderLiteral(item, indent + 2, indent + 2, width)},`);
    return `[\n${items.join("\n")}\n${close}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).map(([key, item]) => {
    const label = `${renderKey(key)}: `;
    return `${inner}${label}${renderLiteral(item, indent + 2, indent + 2 + label.length, width)},`;
  });
  return `{\n${entries.join("\n")}\n${close}}`;
}

function renderFlat(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(renderFlat).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).map(([key, item]) => `${renderKey(key)}: ${renderFlat(item)}`);
    return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
  }
  if (value === undefined) throw new Error("A JSON example cannot hold undefined");
  return JSON.stringify(value);
}

function renderKey(key: string): string {
  return identifier.test(key) ? key : JSON.stringify(key);
}

function isContainer(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return typeof value === "object" && value !== null && Object.keys(value).length > 0;
}
