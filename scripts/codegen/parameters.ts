// Which parameters the runtime can send, and how. Core fills a path template with one encoded
// string or number per placeholder (style `simple`, the path default) and writes the query with
// URLSearchParams: a scalar, or an array either repeated (style `form` exploded, the query
// default) or joined with commas (`form` unexploded). It sends no header or cookie parameter, no
// object and no other style, so the generator refuses a spec that asks for one instead of
// leaving the parameter out of every request or sending it in a form the API does not read.
import { type OpenApiDocument, type ParameterObject, resolveRef, type SchemaObject } from "../spec/openapi-document.ts";

const sendable =
  "path parameters of style simple, unexploded, and query parameters of style form, exploded or not (a comma-separated list)";

/** How a query parameter's array is sent (undefined for a path parameter); throws for what core cannot send. */
export function parameterSerialization(
  document: OpenApiDocument,
  operationId: string,
  parameter: ParameterObject,
): "repeat" | "comma" | undefined {
  const refuse = (what: string): never => {
    throw new Error(
      `${operationId}: ${parameter.in} parameter "${parameter.name}" ${what}, which the client cannot send; it sends ${sendable}`,
    );
  };
  if (parameter.in !== "path" && parameter.in !== "query") refuse(`is in the ${parameter.in}`);
  if (parameter.content !== undefined) refuse("is described by `content`, not a schema");
  if (parameter.allowReserved === true) refuse("allows reserved characters unencoded");
  const schema = parameter.schema ? resolveRef<SchemaObject>(document, parameter.schema) : undefined;
  const types = [schema?.type ?? []].flat();
  if (types.includes("object")) refuse("is an object");
  if (parameter.in === "path") {
    if ((parameter.style ?? "simple") !== "simple") refuse(`has style ${parameter.style}`);
    if (parameter.explode === true) refuse("is exploded");
    if (types.includes("array")) refuse("is an array");
    return undefined;
  }
  if ((parameter.style ?? "form") !== "form") refuse(`has style ${parameter.style}`);
  return parameter.explode === false ? "comma" : "repeat";
}
