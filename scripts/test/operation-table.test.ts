import { describe, expect, it } from "vitest";
import type { OpenApiDocument } from "../openapi-document.ts";
import { collectOperations, collectServers, renderOperationTable } from "../operation-table.ts";

function documentWith(paths: OpenApiDocument["paths"], extra: Partial<OpenApiDocument> = {}): OpenApiDocument {
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    servers: [{ url: "https://api.example.test/v1", "x-region": "us" }],
    paths,
    components: {
      parameters: { userId: { name: "userId", in: "path", required: true, schema: { type: "string" } } },
      schemas: { Code: { type: "string", pattern: "^[a-z/]{1,3}$" } },
    },
    ...extra,
  };
}

const json = (schema: object) => ({ "200": { description: "ok", content: { "application/json": { schema } } } });
const ok = { responses: json({ type: "object" }) };

describe("collectOperations", () => {
  it("says what JSON type a success body has when it is not an object: an array, or none", () => {
    const document = documentWith({
      "/things": { get: { operationId: "listThings", responses: json({ type: "array", items: {} }) } },
      "/thing": {
        get: { operationId: "getThing", responses: json({ oneOf: [{ type: "object" }] }) },
        delete: { operationId: "deleteThing", responses: { "204": { description: "gone" } } },
        put: { operationId: "putThing", responses: json({ type: "string" }) },
      },
    });
    const paths = document.paths;
    const put = paths["/thing"]?.put;
    if (paths["/thing"]) delete paths["/thing"].put;
    expect(Object.fromEntries(collectOperations(document).map(({ name, result }) => [name, result]))).toEqual({
      deleteThing: "none",
      getThing: undefined,
      listThings: "array",
    });
    if (paths["/thing"] && put) paths["/thing"].put = put;
    expect(() => collectOperations(document)).toThrow(/putThing: a string success body/);
  });

  it("gives an alias route no entry of its own, and refuses an alias of nothing", () => {
    const document = documentWith({
      "/users/{userId}": {
        parameters: [{ $ref: "#/components/parameters/userId" }],
        patch: { operationId: "updateUser", requestBody: { content: {} }, ...ok },
        post: { operationId: "updateUserWithPost", "x-alias-of": "updateUser", requestBody: { content: {} }, ...ok },
      },
    });
    expect(collectOperations(document).map((operation) => operation.name)).toEqual(["updateUser"]);
    const users = document.paths["/users/{userId}"];
    if (users?.post) users.post["x-alias-of"] = "replaceUser";
    expect(() => collectOperations(document)).toThrow(/x-alias-of names "replaceUser"/);
  });

  it("turns a new operation in the spec into a table entry", () => {
    const document = documentWith({
      "/users/{userId}/things/{code}": {
        parameters: [
          { $ref: "#/components/parameters/userId" },
          { name: "code", in: "path", required: true, schema: { $ref: "#/components/schemas/Code" } },
        ],
        get: {
          operationId: "getThing",
          parameters: [
            { name: "codes", in: "query", explode: false },
            { name: "limit", in: "query" },
          ],
          ...ok,
        },
        patch: { operationId: "updateThing", requestBody: { content: {} }, ...ok },
      },
      "/validate": { post: { operationId: "validate", requestBody: { content: {} }, ...ok } },
      "/track/{userId}": {
        post: {
          operationId: "trackThing",
          parameters: [{ $ref: "#/components/parameters/userId" }],
          requestBody: { content: {} },
          "x-idempotency-key": "idempotencyKey",
          ...ok,
        },
      },
      "/replay": { post: { operationId: "replay", "x-idempotent": true, ...ok } },
    });
    expect(collectOperations(document)).toEqual([
      {
        name: "getThing",
        method: "GET",
        path: "/users/{userId}/things/{code}",
        patterns: { code: "^[a-z/]{1,3}$" },
        query: { codes: "comma", limit: "repeat" },
      },
      { name: "replay", method: "POST", path: "/replay", idempotent: true },
      {
        name: "trackThing",
        method: "POST",
        path: "/track/{userId}",
        hasBody: true,
        idempotent: true,
        idempotencyKeyField: "idempotencyKey",
      },
      {
        name: "updateThing",
        method: "PATCH",
        path: "/users/{userId}/things/{code}",
        patterns: { code: "^[a-z/]{1,3}$" },
        hasBody: true,
      },
      { name: "validate", method: "POST", path: "/validate", hasBody: true },
    ]);
  });

  it.each([
    ["an operation without an operationId", { "/a": { get: { ...ok } } }, "has no operationId"],
    [
      "a duplicated operationId",
      { "/a": { get: { operationId: "x", ...ok } }, "/b": { get: { operationId: "x", ...ok } } },
      "used twice",
    ],
    ["an undeclared path parameter", { "/a/{id}": { get: { operationId: "x", ...ok } } }, "do not match"],
    [
      "an idempotency key on an operation without a body",
      { "/a": { post: { operationId: "x", "x-idempotency-key": "k", ...ok } } },
      "needs a request body",
    ],
  ])("refuses %s", (_label, paths, message) => {
    expect(() => collectOperations(documentWith(paths as OpenApiDocument["paths"]))).toThrow(message);
  });
});

describe("collectServers", () => {
  it("maps each region to its server URL and requires us", () => {
    expect(collectServers(documentWith({}))).toEqual({ us: "https://api.example.test/v1" });
    expect(() => collectServers(documentWith({}, { servers: [{ url: "https://x", "x-region": "eu" }] }))).toThrow("us");
    expect(() => collectServers(documentWith({}, { servers: [{ url: "https://x" }] }))).toThrow("x-region");
  });
});

describe("renderOperationTable", () => {
  it("renders patterns as regular expression literals", () => {
    const source = renderOperationTable(
      documentWith({
        "/t/{code}": {
          get: {
            operationId: "getThing",
            parameters: [{ name: "code", in: "path", required: true, schema: { type: "string", pattern: "^a/b$" } }],
            ...ok,
          },
        },
      }),
    );
    expect(source).toContain("patterns: { code: /^a\\/b$/ }");
    expect(source).toContain("} as const satisfies Partial<OperationTable<keyof OperationTypes>>;");
  });
});
