// The security schemes an operation accepts, by name: its own `security`, else the document's.
// Each alternative must be one scheme, since a request carries one Authorization header; the
// client's operation table and the emulator's route table both read them from here.
import type { OpenApiDocument, OperationObject, SecurityRequirement } from "./openapi-document.ts";

function schemesOf(alternatives: readonly SecurityRequirement[], name: string): string[] {
  return alternatives.map((alternative) => {
    const names = Object.keys(alternative);
    if (names.length !== 1) throw new Error(`${name}: a security alternative must name exactly one scheme`);
    return names[0] as string;
  });
}

/** The schemes the document gives every operation that names none of its own. */
export const documentSchemes = (document: OpenApiDocument): string[] =>
  schemesOf(document.security ?? [], "the document");

/** The schemes `operation` (called `name` in errors) accepts, in the spec's order. */
export function operationSchemes(document: OpenApiDocument, name: string, operation: OperationObject): string[] {
  return operation.security === undefined ? documentSchemes(document) : schemesOf(operation.security, name);
}
