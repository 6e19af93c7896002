// Adjusts openapi-typescript's schema.ts so that editors show it well:
// - openapi-typescript writes a description as an `@description` tag, which the TypeScript
//   language service shows as a tag, not as the field's documentation. The text moves to the
//   comment's body, before the comment's tags.
// - A root alias named like a global (the shared error body's schema is `Error`) is not declared
//   (schema-names.ts declares the others): the package index exports every alias, and an editor
//   would then offer to import `Error` from the package wherever a user writes `Error`. The schema
//   stays `components["schemas"]["Error"]`.

import openapiTS, { astToString } from "openapi-typescript";
import type { OpenApiDocument } from "../spec/openapi-document.ts";

/** openapi-typescript's types for the bundled spec, as it writes them, before the changes here. */
export async function openapiTypes(document: OpenApiDocument): Promise<string> {
  const ast = await openapiTS(structuredClone(document) as never, {
    alphabetize: true,
    // A `default` is what the API assumes when a field is left out, so the field stays optional.
    defaultNonNullable: false,
    rootTypes: true,
    rootTypesNoSchemaPrefix: true,
  });
  return astToString(ast);
}

/** Global types besides the runtime's globals (which `globalThis` lists) that an alias must not shadow. */
const typeOnlyGlobals = [
  "Awaited",
  "Exclude",
  "Extract",
  "InstanceType",
  "NonNullable",
  "Omit",
  "Parameters",
  "Partial",
  "Pick",
  "Readonly",
  "Record",
  "Required",
  "ReturnType",
];
const globalNames = new Set([...Object.getOwnPropertyNames(globalThis), ...typeOnlyGlobals]);

/**
 * The names schema.ts exports and its aliases of `components["schemas"][name]` by component name,
 * leaving out the aliases in `shadowing`, which name a global.
 */
export function schemaExports(source: string): {
  names: Set<string>;
  rootAliases: Map<string, string>;
  shadowing: Set<string>;
} {
  const names = new Set<string>();
  const rootAliases = new Map<string, string>();
  const shadowing = new Set<string>();
  for (const match of source.matchAll(
    /^export (?:type|interface) (\w+|\$defs)\b(?: = components\['schemas'\]\['([^']+)'\];)?/gm,
  )) {
    const [, name, component] = match;
    if (!name) continue;
    if (component && globalNames.has(name)) {
      shadowing.add(name);
      continue;
    }
    names.add(name);
    if (component) rootAliases.set(component, name);
  }
  return { names, rootAliases, shadowing };
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
