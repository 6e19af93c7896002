// Gives every schema of schema.ts a declaration of its own, so that TypeScript names it in hovers
// and errors ("'ipAdress' does not exist in type 'TrackAttributes'").
//
// openapi-typescript writes each schema as a member of `interface components { schemas: {…} }`,
// refers to it as `components["schemas"]["X"]`, and exports `type X = components['schemas']['X']`.
// An alias of an indexed access names nothing: the type it resolves to was created, without a
// name, for the member, so TypeScript prints it expanded wherever it appears. Here each schema's
// type moves into `export type X = …` (an object literal, union, intersection or literal type,
// which TypeScript prints by the alias's name), the member becomes `X: X`, so that
// `components["schemas"]["X"]` still works, and every reference becomes `X`.
//
// A type alias rather than an interface: an object literal type keeps its implicit index
// signature, so a value of the type stays assignable to `Record<string, unknown>` as it was.

import ts from "typescript";
import type { OpenApiDocument } from "../spec/openapi-document.ts";
import { jsdoc } from "./method-jsdoc.ts";

/**
 * schema.ts with each schema that has a root alias declared under that alias's name. Root aliases
 * named in `leaveInline` (those named like a global) are removed, and their schemas stay members.
 * `leadingDocs` are paragraphs to put before a declaration's own documentation, by name: what
 * methods.ts says of a method's argument or result that is the schema itself.
 */
export function declareSchemas(
  source: string,
  leaveInline: ReadonlySet<string>,
  leadingDocs: ReadonlyMap<string, string> = new Map(),
): string {
  const aliases = schemaAliases(parse(source));
  const declared = new Map([...aliases].filter(([, alias]) => !leaveInline.has(alias.name)));
  const referenced = rewriteReferences(source, declared);
  const result = moveSchemas(referenced, declared, leadingDocs);
  refuseDuplicateNames(result);
  return result;
}

/** The names of schemas without a description, which their declarations need as documentation. */
export function undocumentedSchemas(document: OpenApiDocument): string[] {
  return Object.entries(document.components?.schemas ?? {})
    .filter(([, schema]) => {
      const description = (schema as { description?: unknown }).description;
      return typeof description !== "string" || description.trim() === "";
    })
    .map(([name]) => name);
}

interface RootAlias {
  /** The exported name, which becomes the schema's declaration. */
  name: string;
  statement: ts.TypeAliasDeclaration;
}

function parse(source: string): ts.SourceFile {
  return ts.createSourceFile("schema.ts", source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/** `components["schemas"]["X"]`'s `X`, or undefined for any other type. */
function schemaReference(node: ts.Node): string | undefined {
  if (!ts.isIndexedAccessTypeNode(node) || !ts.isIndexedAccessTypeNode(node.objectType)) return undefined;
  const { objectType, indexType } = node.objectType;
  if (!ts.isTypeReferenceNode(objectType) || objectType.typeName.getText() !== "components") return undefined;
  if (literalText(indexType) !== "schemas") return undefined;
  return literalText(node.indexType);
}

function literalText(node: ts.TypeNode): string | undefined {
  return ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal) ? node.literal.text : undefined;
}

/** The root aliases `export type X = components['schemas']['Y']`, by schema name. */
function schemaAliases(file: ts.SourceFile): Map<string, RootAlias> {
  const aliases = new Map<string, RootAlias>();
  for (const statement of file.statements) {
    if (!ts.isTypeAliasDeclaration(statement)) continue;
    const schema = schemaReference(statement.type);
    if (schema !== undefined) aliases.set(schema, { name: statement.name.text, statement });
  }
  return aliases;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function applyEdits(source: string, edits: Edit[]): string {
  let result = source;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}

/** Every `components["schemas"]["X"]` of a declared schema as `X`, but in the root aliases themselves. */
function rewriteReferences(source: string, declared: ReadonlyMap<string, RootAlias>): string {
  const file = parse(source);
  const edits: Edit[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTypeAliasDeclaration(node) && schemaReference(node.type) !== undefined) return;
    const schema = schemaReference(node);
    const alias = schema === undefined ? undefined : declared.get(schema);
    if (alias) edits.push({ start: node.getStart(file), end: node.getEnd(), text: alias.name });
    else ts.forEachChild(node, visit);
  };
  visit(file);
  return applyEdits(source, edits);
}

/** Each declared schema's type and comment moved from its member to its root alias's place. */
function moveSchemas(
  source: string,
  declared: ReadonlyMap<string, RootAlias>,
  leadingDocs: ReadonlyMap<string, string>,
): string {
  const file = parse(source);
  const edits: Edit[] = [];
  const schemas = schemaMembers(file);
  for (const statement of file.statements) {
    if (!ts.isTypeAliasDeclaration(statement)) continue;
    const schema = schemaReference(statement.type);
    if (schema === undefined) continue;
    const alias = declared.get(schema);
    const member = schemas.get(schema);
    const range = { start: statement.getFullStart(), end: statement.getEnd() };
    if (!alias) {
      edits.push({ ...range, text: "" });
      continue;
    }
    if (!member?.type) throw new Error(`schema.ts exports ${alias.name}, but components.schemas has no ${schema}`);
    const indent = indentationAt(source, member.getStart(file));
    const comment = dedent(source.slice(member.getFullStart(), member.getStart(file)).trim(), indent);
    const type = dedent(member.type.getText(file), indent);
    const leading = leadingDocs.get(alias.name);
    const doc = leading === undefined ? comment : withLeadingParagraph(comment, leading);
    edits.push({ ...range, text: `\n${doc ? `${doc}\n` : ""}export type ${alias.name} = ${type};` });
    edits.push({
      start: member.getFullStart(),
      end: member.getEnd(),
      text: `\n${indent}${member.name.getText(file)}: ${alias.name};`,
    });
  }
  return applyEdits(source, edits);
}

/** The members of `components.schemas`, by schema name. */
function schemaMembers(file: ts.SourceFile): Map<string, ts.PropertySignature> {
  const members = new Map<string, ts.PropertySignature>();
  const components = file.statements.find(
    (statement): statement is ts.InterfaceDeclaration =>
      ts.isInterfaceDeclaration(statement) && statement.name.text === "components",
  );
  const schemas = components?.members.find(
    (member): member is ts.PropertySignature =>
      ts.isPropertySignature(member) && member.name.getText(file) === "schemas",
  );
  if (!schemas?.type || !ts.isTypeLiteralNode(schemas.type)) return members;
  for (const member of schemas.type.members) {
    if (ts.isPropertySignature(member) && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) {
      members.set(member.name.text, member);
    }
  }
  return members;
}

function indentationAt(source: string, position: number): string {
  const lineStart = source.lastIndexOf("\n", position - 1) + 1;
  return /^[ \t]*/.exec(source.slice(lineStart, position))?.[0] ?? "";
}

/** Lines after the first without `indent`, the member's indentation. */
function dedent(text: string, indent: string): string {
  return text
    .split("\n")
    .map((line, index) => (index > 0 && line.startsWith(indent) ? line.slice(indent.length) : line))
    .join("\n");
}

/** `comment`, a JSDoc block at column 0 or nothing, with `paragraph` as its first paragraph. */
function withLeadingParagraph(comment: string, paragraph: string): string {
  const leading = jsdoc([paragraph]).trimEnd();
  if (!comment) return leading;
  const lines = (block: string) => {
    const single = /^\/\*\*(.*)\*\/$/.exec(block);
    if (single?.[1] !== undefined) return [single[1].trim()];
    return block
      .split("\n")
      .slice(1, -1)
      .map((line) => line.replace(/^ \* ?/, ""));
  };
  const body = [...lines(leading), "", ...lines(comment)];
  return `/**\n${body.map((line) => (line ? ` * ${line}` : " *")).join("\n")}\n */`;
}

/** A schema declared under a name schema.ts already uses would shadow or merge with it. */
function refuseDuplicateNames(source: string): void {
  const seen = new Set<string>();
  for (const statement of parse(source).statements) {
    const name =
      ts.isTypeAliasDeclaration(statement) || ts.isInterfaceDeclaration(statement) ? statement.name.text : undefined;
    if (name === undefined) continue;
    if (seen.has(name)) throw new Error(`schema.ts would declare ${name} twice; rename the schema`);
    seen.add(name);
  }
}
