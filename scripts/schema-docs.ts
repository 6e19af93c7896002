// Adjusts openapi-typescript's schema.ts so that editors show it well:
// - openapi-typescript writes a description as an `@description` tag, which the TypeScript
//   language service shows as a tag, not as the field's documentation. The text moves to the
//   comment's body, before the comment's tags.
// - methods.ts declares some of the root aliases again as interfaces (so that hovers and errors
//   name them); those aliases are dropped, so that each name is declared and exported once.

/** The names schema.ts exports, and its aliases of `components["schemas"][name]` by component name. */
export function schemaExports(source: string): { names: Set<string>; rootAliases: Map<string, string> } {
  const names = new Set<string>();
  const rootAliases = new Map<string, string>();
  for (const match of source.matchAll(
    /^export (?:type|interface) (\w+|\$defs)\b(?: = components\['schemas'\]\['([^']+)'\];)?/gm,
  )) {
    const [, name, component] = match;
    if (!name) continue;
    names.add(name);
    if (component) rootAliases.set(component, name);
  }
  return { names, rootAliases };
}

/** schema.ts without the root aliases named in `redeclared`. */
export function dropRootAliases(source: string, redeclared: ReadonlySet<string>): string {
  return source.replace(/^export type (\w+) = components\['schemas'\]\['[^']+'\];\n/gm, (line, name: string) =>
    redeclared.has(name) ? "" : line,
  );
}

/** Every JSDoc comment with its `@description` moved to the comment's body. */
export function liftDescriptions(source: string): string {
  return source.replace(/\/\*\*([\s\S]*?)\*\//g, (comment: string, inner: string) => {
    if (!inner.includes("@description")) return comment;
    // A one-line comment: `/** @description text */`.
    if (!inner.includes("\n")) return `/** ${inner.trim().replace(/^@description\s+/, "")} */`;
    const indent = /\n([ \t]*)\*/.exec(inner)?.[1] ?? "";
    const lines = inner
      .split("\n")
      .slice(1, -1)
      .map((line) => line.replace(/^[ \t]*\* ?/, ""));
    // A tag runs from its line up to the next line that starts another tag.
    const description: string[] = [];
    const rest: string[] = [];
    let inDescription = false;
    for (const line of lines) {
      if (line.startsWith("@")) inDescription = line.startsWith("@description");
      if (inDescription) description.push(line.replace(/^@description\s?/, "").replace(/^ {4}/, ""));
      else rest.push(line);
    }
    // Before the first tag: a title, and `Format: …` lines, which read best after the description.
    const firstTag = rest.findIndex((line) => line.startsWith("@"));
    const leading = firstTag === -1 ? rest : rest.slice(0, firstTag);
    const tags = firstTag === -1 ? [] : rest.slice(firstTag);
    const titles = leading.filter((line) => !line.startsWith("Format: "));
    const formats = leading.filter((line) => line.startsWith("Format: "));
    const paragraphs = [titles, description, formats, tags].filter((lines) => lines.length > 0);
    const body = paragraphs.flatMap((lines, index) => (index === 0 ? lines : ["", ...lines]));
    return `/**\n${body.map((line) => `${indent}*${line ? ` ${line}` : ""}`).join("\n")}\n${indent}*/`;
  });
}
