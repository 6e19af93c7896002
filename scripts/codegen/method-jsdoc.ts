// The documentation methods.ts gives each method, and each named type: JSDoc blocks from the
// spec's summary, description, deprecation and docs page, and an example call built from its
// request examples (api.md shows the same example).
import { renderLiteral } from "./js-literal.ts";
import type { ApiNaming, MethodModel, MethodSignature } from "./method-model.ts";

export function requestDoc(model: MethodModel): string {
  const parts = [
    model.pathParameters.length > 0 && "its path parameters",
    model.queryParameters.length > 0 && "its query parameters",
    model.body && (model.body.placement === "attributes" ? "its body under `attributes`" : "its body"),
  ].filter(Boolean);
  return `The argument of \`${model.name}\`: ${parts.join(", ").replace(/, ([^,]*)$/, " and $1")}.`;
}

export function responseDoc(model: MethodModel, description: string | undefined): string {
  return `What \`${model.name}\` resolves to${description ? `: ${lowerFirst(description)}` : "."}`;
}

export function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** The documentation of one method, as paragraphs and tags. */
export function methodDoc(signature: MethodSignature, naming: ApiNaming): string[] {
  const { model } = signature;
  const iterator = signature.yields !== undefined;
  const lines = iterator
    ? [
        `${model.summary}, every page: calls \`${model.name}\` page after page, following \`${model.pagination?.cursorField}\`, and yields each of \`${model.pagination?.itemsField}\`. Stop the loop to stop fetching.`,
      ]
    : [model.summary, ...(model.description ? [model.description] : [])];
  if (model.deprecated) lines.push("@deprecated The spec marks this operation deprecated.");
  lines.push(`@see ${model.docsUrl}${model.docsNote ? ` (${model.docsNote})` : ""}`);
  // Nothing follows `@example` on its line: TypeScript strips each later line's indentation up to
  // the column where the tag's text starts, which would flatten the code.
  lines.push(`@example\n${exampleCall(signature, naming)}`);
  return lines;
}

/** An example call in a fenced block, from the spec's request examples. */
export function exampleCall(signature: MethodSignature, naming: ApiNaming): string {
  const { model } = signature;
  const argument = model.example.argument;
  if (signature.yields !== undefined) {
    const item = model.pagination?.itemsField.replace(/s$/, "") || "item";
    const args = argument ? renderLiteral(argument, 0, 40) : "";
    return [
      "```ts",
      `for await (const ${item} of ${naming.clientVariable}.${signature.name}(${args})) {`,
      `  console.log(${item});`,
      "}",
      "```",
    ].join("\n");
  }
  const start = `${signature.resultType === "undefined" ? "await" : "const result = await"} ${naming.clientVariable}.${signature.name}(`;
  const args = argument ? renderLiteral(argument, 0, start.length) : "";
  const caption = model.example.caption ? [`// ${model.example.caption}`] : [];
  return ["```ts", ...caption, `${start}${args});`, "```"].join("\n");
}

/** A JSDoc block of paragraphs (the first lines) and tags (lines starting with `@`). */
export function jsdoc(paragraphs: string[]): string {
  const body = paragraphs.flatMap((paragraph, index) => {
    const lines = paragraph.includes("```") ? paragraph.split("\n") : wrap(paragraph, 96);
    const separate = index > 0 && !(paragraph.startsWith("@") && paragraphs[index - 1]?.startsWith("@"));
    return [...(separate ? [""] : []), ...lines];
  });
  const escaped = body.map((line) => line.replaceAll("*/", "*\\/"));
  if (escaped.length === 1) return `/** ${escaped[0]} */\n`;
  return `/**\n${escaped.map((line) => (line ? ` * ${line}` : " *")).join("\n")}\n */\n`;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export function indent(text: string, prefix: string): string {
  return text
    .split("\n")
    .map((line) => (line ? prefix + line : line))
    .join("\n");
}
