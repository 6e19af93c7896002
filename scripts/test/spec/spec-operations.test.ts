import { describe, expect, it } from "vitest";
import type { OpenApiDocument } from "../../spec/openapi-document.ts";
import { specOperations } from "../../spec/spec-operations.ts";

const ok = { responses: { "200": { description: "ok" } } };
const document: OpenApiDocument = {
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {
    "/users/{userId}": {
      parameters: [
        { $ref: "#/components/parameters/userId" },
        { name: "verbose", in: "query", schema: { type: "boolean" } },
      ],
      get: { operationId: "getUser", ...ok },
      patch: {
        operationId: "updateUser",
        parameters: [{ name: "verbose", in: "query", required: true, schema: { type: "string" } }],
        ...ok,
      },
    },
    "/health": { get: { operationId: "health", parameters: [{ name: "deep", in: "query" }], ...ok } },
  },
  components: { parameters: { userId: { name: "userId", in: "path", required: true } } },
};

describe("specOperations", () => {
  it("visits every method of every path, in the document's order", () => {
    expect(specOperations(document).map(({ route, operation }) => [route, operation.operationId])).toEqual([
      ["GET /users/{userId}", "getUser"],
      ["PATCH /users/{userId}", "updateUser"],
      ["GET /health", "health"],
    ]);
  });

  it("gives each operation its path's parameters, resolved, then its own", () => {
    const [getUser, , health] = specOperations(document);
    expect(getUser?.parameters).toEqual([
      { name: "userId", in: "path", required: true },
      { name: "verbose", in: "query", schema: { type: "boolean" } },
    ]);
    expect(health?.parameters).toEqual([{ name: "deep", in: "query" }]);
  });

  it("lets an operation's parameter replace the path's of the same name and location", () => {
    const updateUser = specOperations(document)[1];
    expect(updateUser?.parameters).toEqual([
      { name: "userId", in: "path", required: true },
      { name: "verbose", in: "query", required: true, schema: { type: "string" } },
    ]);
  });

  it("says where each operation and each parameter is, as JSON pointers with `/` and `~` escaped", () => {
    const [getUser, updateUser] = specOperations(document);
    expect(getUser?.at).toBe("/paths/~1users~1{userId}/get");
    expect(getUser?.locatedParameters.map(({ at }) => at)).toEqual([
      "/components/parameters/userId",
      "/paths/~1users~1{userId}/parameters/1",
    ]);
    expect(updateUser?.locatedParameters.map(({ at }) => at)).toEqual([
      "/components/parameters/userId",
      "/paths/~1users~1{userId}/patch/parameters/0",
    ]);
    expect(updateUser?.locatedParameters.map(({ parameter }) => parameter)).toEqual(updateUser?.parameters);
  });
});
