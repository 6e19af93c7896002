// The one walk over a spec's operations that the generators, the breaking-change report, the
// coverage gate and the documentation check share: every path, every method on it, with the
// parameters the operation takes, those its path declares included, and where in the document
// each was found (the emulator's validators are known by those JSON pointers).
import {
  type HttpMethod,
  httpMethods,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type PathItemObject,
  pointerTo,
  resolveRefAt,
} from "./openapi-document.ts";

/** A parameter, resolved, and the JSON pointer of the object it was resolved to. */
export interface LocatedParameter {
  parameter: ParameterObject;
  /** `/components/parameters/userId`, or `/paths/~1users/get/parameters/0` for one written inline. */
  at: string;
}

export interface SpecOperation {
  path: string;
  method: HttpMethod;
  /** `POST /users/{userId}`. */
  route: string;
  operation: OperationObject;
  /** The JSON pointer of the operation object: `/paths/~1users~1{userId}/post`. */
  at: string;
  pathItem: PathItemObject;
  /**
   * The path's parameters, then the operation's own, resolved. An operation's parameter replaces
   * the path's of the same name and location, as OpenAPI says.
   */
  parameters: ParameterObject[];
  /** The same parameters, in the same order, each with where it is in the document. */
  locatedParameters: LocatedParameter[];
}

/** Every operation in the spec, in the document's order of paths and then of `httpMethods`. */
export function specOperations(document: OpenApiDocument): SpecOperation[] {
  const found: SpecOperation[] = [];
  const locate = (list: PathItemObject["parameters"], base: string): LocatedParameter[] =>
    (list ?? []).map((parameter, index) => {
      const { value, at } = resolveRefAt<ParameterObject>(document, parameter, `${base}/parameters/${index}`);
      return { parameter: value, at };
    });
  for (const [path, pathItem] of Object.entries(document.paths)) {
    const shared = locate(pathItem.parameters, pointerTo("paths", path));
    for (const method of httpMethods) {
      const operation = pathItem[method];
      if (!operation) continue;
      const at = pointerTo("paths", path, method);
      const own = locate(operation.parameters, at);
      const overridden = ({ parameter }: LocatedParameter) =>
        own.some((candidate) => candidate.parameter.name === parameter.name && candidate.parameter.in === parameter.in);
      const locatedParameters = [...shared.filter((located) => !overridden(located)), ...own];
      found.push({
        path,
        method,
        route: `${method.toUpperCase()} ${path}`,
        operation,
        at,
        pathItem,
        parameters: locatedParameters.map(({ parameter }) => parameter),
        locatedParameters,
      });
    }
  }
  return found;
}
