// The one walk over a spec's operations that the generator, the breaking-change report, the
// coverage gate and the documentation check share: every path, every method on it, with the
// parameters the operation takes, those its path declares included.
import {
  type HttpMethod,
  httpMethods,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type PathItemObject,
  resolveRef,
} from "./openapi-document.ts";

export interface SpecOperation {
  path: string;
  method: HttpMethod;
  /** `POST /users/{userId}`. */
  route: string;
  operation: OperationObject;
  pathItem: PathItemObject;
  /**
   * The path's parameters, then the operation's own, resolved. An operation's parameter replaces
   * the path's of the same name and location, as OpenAPI says.
   */
  parameters: ParameterObject[];
}

/** Every operation in the spec, in the document's order of paths and then of `httpMethods`. */
export function specOperations(document: OpenApiDocument): SpecOperation[] {
  const found: SpecOperation[] = [];
  for (const [path, pathItem] of Object.entries(document.paths)) {
    const shared = (pathItem.parameters ?? []).map((parameter) => resolveRef<ParameterObject>(document, parameter));
    for (const method of httpMethods) {
      const operation = pathItem[method];
      if (!operation) continue;
      const own = (operation.parameters ?? []).map((parameter) => resolveRef<ParameterObject>(document, parameter));
      const overridden = (parameter: ParameterObject) =>
        own.some((candidate) => candidate.name === parameter.name && candidate.in === parameter.in);
      found.push({
        path,
        method,
        route: `${method.toUpperCase()} ${path}`,
        operation,
        pathItem,
        parameters: [...shared.filter((parameter) => !overridden(parameter)), ...own],
      });
    }
  }
  return found;
}
